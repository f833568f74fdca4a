// Loaded with `node --import` before Allure's CLI (src/report/allure-html.ts, startAllureHtml): it loads the modules
// `allure generate` needs while certbench is still testing, on the core the run leaves idle, and then waits. A line
// on stdin lets the CLI go on (its imports are then already loaded); stdin closing without one means the run no
// longer wants the report, and the process ends. Plain JavaScript: this process runs without tsx.
// Loading ahead is only a head start: a module that is not where this file expects it is loaded by the CLI as usual.
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const allureDir = dirname(process.argv[1] ?? '');
await Promise.all(
  [
    pathToFileURL(join(allureDir, 'dist', 'commands', 'index.js')).href,
    '@allurereport/core',
    '@allurereport/plugin-allure2',
  ].map((specifier) => import(specifier).catch(() => undefined)),
);

const go = await new Promise((resolve) => {
  process.stdin.once('data', () => resolve(true));
  process.stdin.once('end', () => resolve(false));
  process.stdin.once('error', () => resolve(false));
});
process.stdin.destroy();
if (!go) process.exit(0);
