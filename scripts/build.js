// Compiles src/, steps/ and reference-gp/ into dist/ (`npm run build`; `npm ci` runs it as the `prepare` script), so
// the CLI, the step definitions and the reference GP system run as plain JavaScript (bin/certbench.js). dist/ is
// emptied first, so a deleted source leaves no compiled step behind. The stamp dist/.build-stamp carries the time
// the build started: bin/certbench.js treats dist/ as stale when a source is newer.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';

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
// The YAML files certbench ships (manifests, MedCom's protocols as data, test data, code lists, profiles, the known-issue
// list), parsed now and kept as JSON named by the SHA-256 of the text (what src/input/yaml-file.ts reads instead of
// parsing them on every run); only what parses cleanly and survives JSON.
const parsedYaml = join(dist, 'yaml-cache');
mkdirSync(parsedYaml, { recursive: true });
const shippedYaml = (folder) =>
  readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? shippedYaml(join(folder, entry.name))
      : entry.name.endsWith('.yaml')
        ? [join(folder, entry.name)]
        : [],
  );
for (const file of ['protocols', 'profiles', join('src', 'validation')].flatMap(shippedYaml)) {
  const text = readFileSync(join(root, file), 'utf8');
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) continue;
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch {
    continue;
  }
  const json = JSON.stringify(value);
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) continue;
  const hash = createHash('sha256').update(text).digest('hex');
  writeFileSync(join(parsedYaml, `${hash}.json`), json);
}
const stamp = join(dist, '.build-stamp');
writeFileSync(stamp, `compiled from the sources as they were at ${started.toISOString()}\n`);
utimesSync(stamp, started, started);
if (!existsSync(join(dist, 'src', 'cli', 'main.js'))) {
  console.error('build: dist/src/cli/main.js is missing after tsc');
  process.exit(1);
}
