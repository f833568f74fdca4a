// Allure 3's report generation in its own process, driven by certbench line by line (src/report/allure-html.ts,
// startAllureHtml), so that each part is done as early as the run allows:
// - on start it loads Allure's modules, while certbench is still testing, on the core the run leaves idle;
// - `{"type":"config"}` (sent as the run starts: the report's name and history are known then) reads the run
//   folder's allurerc.mjs and starts the report, which reads the history of earlier runs;
// - `{"type":"read","file":…}` reads one finished results file, while the run writes the others;
// - `{"type":"done"}` reads what is left in allure-results/ and writes the report (what `allure generate` does).
// stdin closing before "done" means the run no longer wants the report: the process ends and writes nothing.
// Plain JavaScript: this process runs without tsx. Errors go to stderr, with exit code 1.
import { readdir } from 'node:fs/promises';
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
  report = new AllureReport(config);
  await report.start();
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
