// Opens a PDF attachment the way a receiver's viewer would (pdfjs-dist) and extracts its text, so checkpoints can
// ask whether it opens at all and what it says. pdfjs leaves out text drawn off the page (which no viewer shows), so
// a value printed below the page is not read. The PDF comes from the SUT: it is read in a worker thread with a
// time limit, a page limit and a limit on what its streams inflate to, so a many-page PDF or a decompression bomb
// fails the checkpoint naming the limit, and certbench's own servers keep answering the SUT meanwhile. One worker
// reads every PDF of a run, one at a time, so pdfjs and its fake worker are loaded once; a worker that hit a limit
// (time, memory) is ended and the next PDF gets a new one.
import { Worker } from 'node:worker_threads';
import { MAX_PDF_INFLATED_BYTES, MAX_PDF_PAGES, PDF_READ_TIMEOUT_MS } from '../../limits/parse-limits.ts';

/**
 * One text item as pdfjs reads it, at its offset in the reading's text, with its style (the PDF's font resource and
 * size): a form's headings are told apart from its fields by the style they are printed in.
 */
export interface TextRun {
  at: number;
  text: string;
  style: string;
}

export type PdfReading =
  { opened: true; pages: number; text: string; runs: TextRun[] } | { opened: false; error: string };

/** What the worker sends back: pdfjs's text items with their font and size. */
type RawReading =
  | { opened: true; pages: number; items: { str: string; font: string; size: number }[] }
  | { opened: false; error: string };

export interface PdfLimits {
  maxPages: number;
  maxInflatedBytes: number;
  timeoutMs: number;
}

const DEFAULT_LIMITS: PdfLimits = {
  maxPages: MAX_PDF_PAGES,
  maxInflatedBytes: MAX_PDF_INFLATED_BYTES,
  timeoutMs: PDF_READ_TIMEOUT_MS,
};

// The minified builds: the same code, and the reader's thread keeps some 5 MiB less of its text.
const PDFJS_URL = import.meta.resolve('pdfjs-dist/legacy/build/pdf.min.mjs');
// pdfjs's own worker code, which it runs in this thread ("fake worker"): loaded with pdfjs and handed to it as
// globalThis.pdfjsWorker (where pdfjs looks first), so loading ahead (warmPdfReader) covers it too.
const PDFJS_WORKER_URL = import.meta.resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs');

// Plain JavaScript, evaluated in the worker (no TypeScript loader there). First the inflate budget: every stream
// that inflates (FlateDecode, the bomb's usual filter) counts against it, stopping at the limit; then pdfjs.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const { pdfjsUrl, pdfjsWorkerUrl } = workerData;
let pdfjs;
const loaded = () =>
  (pdfjs ??= Promise.all([import(pdfjsUrl), import(pdfjsWorkerUrl)]).then(
    ([library, worker]) => {
      globalThis.pdfjsWorker = worker;
      return library;
    },
    (error) => {
      pdfjs = undefined;
      throw error;
    },
  ));
function inflatedSize(data, limits) {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  const marker = /stream\\r?\\n/g;
  let total = 0;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (text.slice(m.index - 3, m.index) === 'end') continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const remaining = limits.maxInflatedBytes - total;
    try {
      const out = zlib.inflateSync(Buffer.from(data.buffer, data.byteOffset + start, end - start), {
        maxOutputLength: remaining + 1,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
      });
      total += out.length;
    } catch (error) {
      if (error && error.code === 'ERR_BUFFER_TOO_LARGE') return limits.maxInflatedBytes + 1;
    }
    if (total > limits.maxInflatedBytes) return total;
    marker.lastIndex = end;
  }
  return total;
}
async function read(bytes, limits) {
  if (inflatedSize(bytes, limits) > limits.maxInflatedBytes) {
    const mib = Math.round(limits.maxInflatedBytes / 1048576);
    return parentPort.postMessage({ opened: false, error: 'certbench did not read it: its streams inflate to more than its limit of ' + mib + ' MiB' });
  }
  const task = (await loaded()).getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 });
  try {
    const pdf = await task.promise;
    if (pdf.numPages > limits.maxPages)
      return parentPort.postMessage({ opened: false, error: 'certbench did not read it: ' + pdf.numPages + ' pages is over its limit of ' + limits.maxPages + ' pages' });
    const items = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items)
        if ('str' in item)
          items.push({ str: item.str, font: String(item.fontName), size: Math.round(Math.hypot(item.transform[2], item.transform[3]) * 10) / 10 });
      page.cleanup();
    }
    parentPort.postMessage({ opened: true, pages: pdf.numPages, items });
  } catch (error) {
    parentPort.postMessage({ opened: false, error: (error && error.message) || String(error) });
  } finally {
    await task.destroy();
  }
}
parentPort.on('message', ({ warm, bytes, limits }) => (warm ? loaded().catch(() => undefined) : read(bytes, limits)));
`;

let reader: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();
/** Readings asked for and not finished. */
let pending = 0;

export function readPdf(bytes: Uint8Array, limits: PdfLimits = DEFAULT_LIMITS): Promise<PdfReading> {
  pending += 1;
  const reading = queue.then(() => readOne(bytes, limits)).finally(() => (pending -= 1));
  queue = reading.catch(() => undefined);
  return reading;
}

/**
 * Starts the reader and has it load pdfjs now, on its own thread, while the run does other things: the first PDF a
 * run reads then does not wait for the worker and pdfjs to load (some 150 ms). A load that fails is tried again, and
 * reported, by the first reading.
 */
export function warmPdfReader(): void {
  const worker = (reader ??= startReader());
  worker.postMessage({ warm: true });
  // Loading ahead does not keep the process alive; a reading does (readOne).
  worker.unref();
}

/**
 * Ends the reader when no PDF is being read (a run calls it when its checkpoints are done): the worker's own heap
 * with pdfjs loaded is some 40 MiB that the reports written next need not share the process with. A later PDF
 * starts a new reader.
 */
export function releaseIdlePdfReader(): void {
  if (pending === 0 && reader) discard(reader);
}

async function readOne(bytes: Uint8Array, limits: PdfLimits): Promise<PdfReading> {
  const worker = (reader ??= startReader());
  // Between PDFs the idle worker does not keep the process alive.
  worker.ref();
  const reading = await new Promise<RawReading>((resolve) => {
    const settle = (r: RawReading, end = false) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (end) discard(worker);
      resolve(r);
    };
    const timer = setTimeout(
      () =>
        settle(
          {
            opened: false,
            error: `certbench did not read it: reading took longer than its limit of ${limits.timeoutMs} ms`,
          },
          true,
        ),
      limits.timeoutMs,
    );
    const onMessage = (r: RawReading) => settle(r);
    const onError = (error: Error) =>
      settle(
        {
          opened: false,
          error: /memory/i.test(error.message)
            ? 'certbench did not read it: reading it needed more than its memory limit of 512 MiB'
            : error.message,
        },
        true,
      );
    const onExit = (code: number) =>
      settle({ opened: false, error: `the PDF reader stopped (exit ${code})` }, true);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    // The worker gets its own copy of the bytes; pdfjs takes ownership of the buffer it is given.
    const copy = new Uint8Array(bytes);
    worker.postMessage({ bytes: copy, limits }, [copy.buffer]);
  });
  worker.unref();
  if (!reading.opened) return reading;
  const { text, runs } = textRuns(reading.items);
  return { opened: true, pages: reading.pages, text, runs };
}

/**
 * The items' text joined with spaces and whitespace collapsed (as normaliseText does to the whole), and where each
 * item stands in it.
 */
export function textRuns(items: { str: string; font: string; size: number }[]): {
  text: string;
  runs: TextRun[];
} {
  const runs: TextRun[] = [];
  let at = 0;
  for (const item of items) {
    const text = normaliseText(item.str);
    if (text === '') continue;
    runs.push({ at, text, style: `${item.font} ${item.size}` });
    at += text.length + 1;
  }
  return { text: runs.map((r) => r.text).join(' '), runs };
}

function startReader(): Worker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pdfjsUrl: PDFJS_URL, pdfjsWorkerUrl: PDFJS_WORKER_URL },
    // The reader now lives through the whole run (warmPdfReader): a small young generation keeps its heap small; the
    // forms it reads are a few pages, and a large PDF is bounded by the old generation and the time limit.
    resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 4 },
    stdout: true,
    stderr: true,
  });
  worker.once('exit', () => {
    if (reader === worker) reader = undefined;
  });
  return worker;
}

/** Ends a worker that hit a limit or stopped; the next PDF starts a new one. */
function discard(worker: Worker): void {
  if (reader === worker) reader = undefined;
  void worker.terminate();
}

/** Collapses whitespace, so text split over items or lines still matches. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
