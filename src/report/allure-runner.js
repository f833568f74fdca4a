// Allure 3's report generation in its own process, driven by certbench line by line (src/report/allure-html.ts,
// startAllureHtml), so that each part is done as early as the run allows:
// - on start it loads Allure's modules, while certbench is still testing, on the core the run leaves idle;
// - `{"type":"config"}` (sent as the run starts: the report's name and history are known then) reads the run
//   folder's allurerc.mjs and starts the report, which reads the history of earlier runs;
// - `{"type":"read","file":…}` reads one finished results file, while the run writes the others;
// - `{"type":"done"}` reads what is left in allure-results/ and writes the report (what `allure generate` does).
// stdin closing before "done" means the run no longer wants the report: the process ends and writes nothing.
// A history Allure cannot read (a line that is not JSON: a run killed while Allure appended, a hand edit, a full disk)
// would stop the whole report: such a file is set aside whole, beside itself, and the report goes on from its good
// lines; `{"type":"warning","message":…}` on stdout tells certbench, which warns the user. No line is lost.
// Plain JavaScript: this process runs without tsx. Errors go to stderr, with exit code 1.
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const RESULTS_DIR = 'allure-results';
/** Files read at once: enough to keep the disk busy, as Allure's own reading does. */
const READ_AT_ONCE = 8;

const { AllureReport, readConfig } = await import('@allurereport/core');
// The plugin the config names, loaded now rather than when the config is read.
await import('@allurereport/plugin-allure2').catch(() => undefined);

let report;
let runDir;
/** Every file asked for, by its path, with its reading. */
const reads = new Map();
let active = 0;
const waiting = [];

function fail(error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

/** Reads one results file (by its path in the run folder) once, at most READ_AT_ONCE at a time. */
function readOne(file) {
  const path = resolve(runDir, file);
  let pending = reads.get(path);
  if (!pending) {
    pending = (async () => {
      if (active < READ_AT_ONCE) active++;
      else await new Promise((go) => waiting.push(go));
      try {
        // The path as certbench wrote it: Allure's own directory reading resolves links first, but these files are
        // certbench's own and never links (resolving each cost some 140 ms of this process's time).
        await report.readFile(path);
      } finally {
        // The slot goes to the next file waiting, or is freed.
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    })();
    reads.set(path, pending);
  }
  return pending;
}

async function start(message) {
  runDir = message.cwd;
  const config = await readConfig(runDir, message.config);
  // Checked first: Allure parses each line in an event handler, so a bad one ends this process instead of failing
  // start(). It costs this process a read of the history (some 100 ms for a full one) while certbench tests.
  const setAside = config.historyPath ? await setAsideDamagedHistory(config.historyPath) : undefined;
  if (setAside) process.stdout.write(`${JSON.stringify({ type: 'warning', message: setAside })}\n`);
  report = new AllureReport(config);
  await report.start();
}

/**
 * A history file with lines that are not JSON: kept whole as `<file>.damaged-<time>`, and the file itself rewritten
 * with its good lines. Returns the warning, or undefined when the file is missing or every line is JSON.
 */
async function setAsideDamagedHistory(file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const good = [];
  const damaged = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      JSON.parse(line);
      good.push(`${line}\n`);
    } catch {
      damaged.push(i + 1);
    }
  });
  if (damaged.length === 0) return undefined;
  const keptAs = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, keptAs);
  await writeFile(file, good.join(''));
  const which = damaged.length === 1 ? `line ${damaged[0]} is` : `lines ${damaged.join(', ')} are`;
  return (
    `the report history ${file}: ${which} not JSON, which Allure cannot read; the file as it was is kept as ` +
    `${keptAs}, and the history goes on from its ${good.length} good line(s)`
  );
}

async function finish() {
  const dir = join(runDir, RESULTS_DIR);
  const names = await readdir(dir).catch(() => []);
  const files = names.filter((name) => !name.endsWith('.tmp')).sort();
  if (!files.some((name) => name.endsWith('-result.json')))
    throw new Error(`No test results in ${RESULTS_DIR}/ of ${runDir}`);
  for (const name of files) void readOne(join(RESULTS_DIR, name));
  await Promise.all(reads.values());
  await report.done();
}

// Each line waits for the one before it: a file is not read before the report has started.
let queue = Promise.resolve();
let finished = false;
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === '') return;
  queue = queue.then(async () => {
    const message = JSON.parse(line);
    if (message.type === 'config') await start(message);
    else if (!report) throw new Error(`"${message.type}" before the config`);
    else if (message.type === 'read') void readOne(message.file).catch(fail);
    else if (message.type === 'done') {
      await finish();
      finished = true;
      process.exit(0);
    }
  });
  queue.catch(fail);
});
lines.on('close', () => {
  // The run ended without asking for the report (a run that stopped early): nothing is written.
  void queue.then(() => {
    if (!finished) process.exit(0);
  });
});
