import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { PACKAGE_ROOT } from '../run/package-root.ts';
import { allureConfig, ALLURE_CONFIG_FILE } from './allure-config.ts';

export interface AllureHtmlOptions {
  /** Title shown in the report. @default 'certbench' */
  reportName?: string;
  /**
   * The history file (JSON lines) the report adds this run to and draws its trend from, relative to the run folder.
   * @default `../allure-history/<vendor>-<system>--<protocols>.jsonl` from the run's record: beside the runs, one
   * per system and set of protocols run (a trend never mixes runs of other protocols), so a vendor's CI keeps it
   * between builds by keeping that folder. `false`: no history.
   */
  history?: string | false;
  /** Told when a history file Allure could not read was set aside (allure-runner.js) and the report went on. */
  warn?: (message: string) => void;
}

/** Where the runs of one system keep their Allure history, relative to a run folder (see AllureHtmlOptions). */
export async function defaultHistoryPath(runDir: string): Promise<string | undefined> {
  try {
    const record = JSON.parse(await readFile(join(runDir, 'certification-result.json'), 'utf8')) as {
      sut?: { vendor?: unknown; system?: unknown };
      protocols?: { id?: unknown; variant?: unknown }[];
    };
    const { vendor, system } = record.sut ?? {};
    if (typeof vendor !== 'string' || typeof system !== 'string') return undefined;
    return historyPathFor(vendor, system, record.protocols ?? []);
  } catch {
    return undefined;
  }
}

/**
 * The history file of a system's runs of these protocols (with their variants), relative to a run folder: what
 * defaultHistoryPath reads from a run's record, known to a run before it tests.
 */
export function historyPathFor(
  vendor: string,
  system: string,
  protocols: readonly { id?: unknown; variant?: unknown }[],
): string {
  const names = protocols
    .map((p) => [p.id, p.variant].filter((part) => typeof part === 'string').join(' '))
    .sort()
    .join(' ');
  return `../allure-history/${slug(`${vendor} ${system}`) || 'system'}--${slug(names) || 'none'}.jsonl`;
}

const PASSED_ENV = ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT'];

/**
 * A report generation started ahead: Allure's process loads its modules at once, starts the report when it is told
 * its name and history, reads results files as they are finished, and writes the report when told to.
 */
export interface AllureHtmlJob {
  /**
   * Writes the report's config and lets Allure start the report (it reads the history of earlier runs) while the
   * run goes on. Optional: generate() does it when it was not done. Call it at most once.
   */
  prepare(options?: AllureHtmlOptions): Promise<void>;
  /** A results file (path relative to the run folder) is complete: Allure reads it now. After prepare(). */
  read(file: string): void;
  /** Reads what is left in allure-results/ and writes the report; resolves to its path. Call it once. */
  generate(options?: AllureHtmlOptions): Promise<string>;
  /** Ends the waiting process without a report (a run that stops early); nothing once generate was called. */
  cancel(): Promise<void>;
}

// Allure's own modules, driven line by line (see there). Plain JavaScript, read from the installation folder.
const RUNNER = join(PACKAGE_ROOT, 'src', 'report', 'allure-runner.js');
// Enough of Allure's complaint to say what went wrong, however much it writes.
const STDERR_KEPT = 64 * 1024;

/**
 * Starts Allure 3's report generation for `<runDir>/allure-results` (the `allure2` plugin, which honours
 * categories.json, as one self-contained `<runDir>/allure-report/index.html`, analytics off) in its own process,
 * which loads its modules at once and then does each part as soon as it is told it can (AllureHtmlJob): loading,
 * the history and reading the results are a good part of the report's time, and a run does them while it tests,
 * when the second core has little to do.
 */
export function startAllureHtml(runDir: string): AllureHtmlJob {
  const child = spawn(process.execPath, [RUNNER], {
    cwd: runDir,
    env: allureEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Its warnings (a damaged history set aside), one JSON line each, for the user: kept until someone listens.
  let warn: ((message: string) => void) | undefined;
  const unheard: string[] = [];
  const listen = (listener: (message: string) => void) => {
    warn = listener;
    for (const message of unheard.splice(0)) listener(message);
  };
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      const message = JSON.parse(line) as { type?: string; message?: string };
      if (message.type === 'warning' && message.message) {
        if (warn) warn(message.message);
        else unheard.push(message.message);
      }
    } catch {
      // Not a line of the runner's own: Allure printing for itself.
    }
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < STDERR_KEPT) stderr += chunk;
  });
  // A process that ended early is reported by generate(), from its exit.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });
  const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
  let prepared: Promise<void> | undefined;
  let generating = false;
  const prepare = (options: AllureHtmlOptions = {}) => {
    // A job prepared without a listener tells the one generate() is given.
    if (options.warn) listen(options.warn);
    return (prepared ??= (async () => {
      const history =
        options.history === false ? undefined : (options.history ?? (await defaultHistoryPath(runDir)));
      if (history) await mkdir(dirname(join(runDir, history)), { recursive: true });
      await writeFile(
        join(runDir, ALLURE_CONFIG_FILE),
        allureConfig(options.reportName ?? 'certbench', history),
      );
      send({ type: 'config', cwd: runDir, config: ALLURE_CONFIG_FILE });
    })());
  };
  return {
    prepare,
    read(file) {
      // After the config line (the preparation writes the config first), in the order the files were finished.
      if (prepared && !generating)
        void prepared.then(() => send({ type: 'read', file })).catch(() => undefined);
    },
    async generate(options = {}) {
      generating = true;
      const reportDir = join(runDir, 'allure-report');
      const reportPath = join(reportDir, 'index.html');
      // A stale report must not pass for a fresh one if generation silently writes nothing. Allure writes the
      // report only when done, so one started ahead has written nothing there yet.
      await rm(reportDir, { recursive: true, force: true });
      await prepare(options);
      child.stdin.end(`${JSON.stringify({ type: 'done' })}\n`);
      const { code, error } = await exited;
      if (error || code !== 0)
        throw new Error(
          `allure report generation failed in ${runDir}: ${stderr.trim() || error?.message || `exit ${code}`}`,
          { cause: error },
        );
      return withoutAnalytics(reportPath);
    },
    async cancel() {
      if (generating) return;
      child.stdin.end();
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}

/** Turns `<runDir>/allure-results` into `<runDir>/allure-report/index.html` (see startAllureHtml). */
export function generateAllureHtml(runDir: string, options: AllureHtmlOptions = {}): Promise<string> {
  return startAllureHtml(runDir).generate(options);
}

/** The report's path, once it is known to load no tracker. */
async function withoutAnalytics(reportPath: string): Promise<string> {
  let tracked: boolean;
  try {
    tracked = await mentionsTagManager(reportPath);
  } catch (error) {
    throw new Error(`allure's report generation finished but wrote no ${reportPath}`, { cause: error });
  }
  // Allure with analytics off writes none; only a report that names the tracker is read whole and rewritten.
  if (!tracked) return reportPath;
  const html = await readFile(reportPath, 'utf8');
  const clean = stripAnalytics(html);
  if (clean.includes('googletagmanager')) throw new Error(`${reportPath} still loads Google Tag Manager`);
  if (clean !== html) await writeFile(reportPath, clean);
  return reportPath;
}

const TAG_MANAGER = 'googletagmanager';
export const SCAN_CHUNK = 64 * 1024;

/**
 * Whether the file names Google Tag Manager (any case), read 64 KiB at a time: the report is ~20 MB, and pieces this
 * small are short-lived garbage, where megabyte strings would stay in the heap until a full collection.
 */
export async function mentionsTagManager(path: string): Promise<boolean> {
  let carried = '';
  for await (const chunk of createReadStream(path, { encoding: 'latin1', highWaterMark: SCAN_CHUNK })) {
    const text = carried + (chunk as string);
    if (text.toLowerCase().includes(TAG_MANAGER)) return true;
    // A name split across two chunks is found in the next one.
    carried = text.slice(-(TAG_MANAGER.length - 1));
  }
  return false;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

/** Removes any `<script …googletagmanager…></script>`: an audit report must not call out to a tracker. */
export function stripAnalytics(html: string): string {
  return html.replace(/<script\b[^>]*googletagmanager[^>]*>[\s\S]*?<\/script>\s*/gi, '');
}

/** Only what node needs: the run's own environment (tokens, SUT credentials) has no business in the report tool. */
function allureEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ALLURE_NO_ANALYTICS: 'true', NO_COLOR: '1' };
  for (const name of PASSED_ENV) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}
