// Runs every test/**/*.test.ts with node:test under tsx (Node 20's --test does not glob TypeScript files).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const files = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('test', f))
  .sort();
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
// Tests that drive a browser need Chromium: Debian's package, installed by the project's own script when it is
// missing, so the README's `npm ci && npm test` passes on a fresh machine (no skip: those tests must run).
const needsBrowser = selected.some((f) => readFileSync(f, 'utf8').includes('/chromium.ts'));
if (needsBrowser && !process.env.CHROMIUM && !existsSync('/usr/bin/chromium')) {
  console.error('run-tests: Chromium is missing; installing it with scripts/install-chromium.sh');
  const install = spawnSync('bash', ['scripts/install-chromium.sh'], { stdio: 'inherit' });
  if (install.status !== 0) {
    console.error(
      "run-tests: installing Chromium failed; install Debian's chromium package or set CHROMIUM to a Chromium binary",
    );
    process.exit(install.status ?? 1);
  }
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', ...selected],
  {
    stdio: 'inherit',
    // Tests install FHIR packages into a temporary cache, never into the user's ~/.fhir.
    env: {
      ...process.env,
      CERTBENCH_FHIR_PACKAGES:
        process.env.CERTBENCH_FHIR_PACKAGES ?? join(tmpdir(), 'certbench-test-fhir-packages'),
    },
  },
);
process.exit(result.status ?? 1);
