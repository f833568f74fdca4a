// Compiles src/, steps/ and reference-gp/ into dist/ (`npm run build`; `npm ci` runs it as the `prepare` script), so
// the CLI, the step definitions and the reference GP system run as plain JavaScript (bin/certbench.js). dist/ is
// emptied first, so a deleted source leaves no compiled step behind. The stamp dist/.build-stamp carries the time
// the build started: bin/certbench.js treats dist/ as stale when a source is newer.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = new Date();
const dist = join(root, 'dist');
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.error('build: the TypeScript compiler (devDependency typescript) is not installed; run npm ci');
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) {
  console.error('build: tsc failed; dist/ is incomplete and bin/certbench.js will run the sources with tsx');
  rmSync(dist, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}
const stamp = join(dist, '.build-stamp');
writeFileSync(stamp, `compiled from the sources as they were at ${started.toISOString()}\n`);
utimesSync(stamp, started, started);
if (!existsSync(join(dist, 'src', 'cli', 'main.js'))) {
  console.error('build: dist/src/cli/main.js is missing after tsc');
  process.exit(1);
}
