// The worker of exchange-files-ahead.ts: for each exchange the run attaches, writes its evidence file and its Allure
// attachment files, and answers, when told the run is done, what it wrote.
import { createHash } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Exchange } from '../exchange.ts';
import { ALLURE_RESULTS_DIR, attachmentWriter } from '../../projections/allure/allure-results.ts';
import { exchangeAttachments } from '../../projections/allure/attachments.ts';
import { allWritten, FileSystemWriter } from '../../projections/writer.ts';
import { evidenceFile, evidenceText } from '../../verdicts/evidence-collector.ts';
import type { AheadRequest, WrittenExchange } from './exchange-files-ahead.ts';

const { outDir, runId } = workerData as { outDir: string; runId: string };

/** A nice value: below the run's thread, above nothing that matters. */
const LOWER_PRIORITY = 10;

// This thread runs at a lower priority: it is to use the core the run leaves idle, and on a busy machine it must not
// take time from the run's own thread (the checkpoints), which waits for nothing of this until it reports. Linux
// keeps a priority per thread and names this thread's id in /proc/thread-self; elsewhere it stays as it is.
try {
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(threadId)) setPriority(threadId, LOWER_PRIORITY);
} catch {
  // No per-thread priority here: the worker runs at the run's.
}
const writer = new FileSystemWriter(outDir);
const attach = attachmentWriter(writer);
const written: Promise<WrittenExchange | undefined>[] = [];

// Exchanges made into files at once: enough to keep the disk busy; the rest wait as the text they came as, which
// is smaller than the files made from it (pretty-printed, documents decoded).
const AT_ONCE = 4;
let active = 0;
const waiting: (() => void)[] = [];

async function write(body: string): Promise<WrittenExchange | undefined> {
  if (active < AT_ONCE) active++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    const exchange = JSON.parse(body) as Exchange;
    const text = evidenceText(exchange);
    const file = evidenceFile(exchange.id);
    const { attachments, files, parameters } = exchangeAttachments(
      runId,
      exchange.id,
      exchange,
      ALLURE_RESULTS_DIR,
    );
    await allWritten([writer.write(file, text), ...files.map(attach)]);
    const sha256 = createHash('sha256').update(text).digest('hex');
    return { id: exchange.id, file, sha256, attachments, parameters, files: files.map((f) => f.path) };
  } catch {
    // Not written ahead: the run writes it when it reports, as it would without this worker.
    return undefined;
  } finally {
    // The slot goes to the next waiting exchange, or is freed.
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}

parentPort?.on('message', (request: AheadRequest) => {
  if (request.type === 'exchange') written.push(write(request.body));
  else
    void Promise.all(written).then((all) =>
      parentPort?.postMessage(all.filter((w): w is WrittenExchange => w !== undefined)),
    );
});
