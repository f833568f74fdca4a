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
// What some tests need from Debian, installed by the project's own scripts when missing, so the README's
// `npm ci && npm test` passes on a fresh machine (no skip: those tests must run): Chromium for the browser tests,
// PostgreSQL's server binaries for the register tests (they start a cluster of their own).
const needs = [
  {
    what: 'Chromium',
    usedBy: '/chromium.ts',
    present: () => Boolean(process.env.CHROMIUM) || existsSync('/usr/bin/chromium'),
    script: 'scripts/install-chromium.sh',
    otherwise: "install Debian's chromium package or set CHROMIUM to a Chromium binary",
  },
  {
    what: 'PostgreSQL',
    usedBy: '/postgres.ts',
    present: () =>
      existsSync('/usr/lib/postgresql') &&
      readdirSync('/usr/lib/postgresql').some((v) =>
        existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb')),
      ),
    script: 'scripts/install-postgresql.sh',
    otherwise: "install Debian's postgresql package (15 or later)",
  },
];
for (const need of needs) {
  if (!selected.some((f) => readFileSync(f, 'utf8').includes(need.usedBy)) || need.present()) continue;
  console.error(`run-tests: ${need.what} is missing; installing it with ${need.script}`);
  const install = spawnSync('bash', [need.script], { stdio: 'inherit' });
  if (install.status !== 0) {
    console.error(`run-tests: installing ${need.what} failed; ${need.otherwise}`);
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
