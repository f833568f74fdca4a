// Runs every test/**/*.test.ts with node:test under tsx (Node 20's --test does not glob TypeScript files).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const files = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('test', f))
  .sort();
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
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
