// Benchmark of certbench's FHIR validation (kept out of the tests, which must not be timed): first use on an empty
// package cache, package load on a warm cache, the first document (definitions read, invariants compiled), and the
// median validation time per document over MedCom's official examples.
//   node --import tsx scripts/bench-validation.ts            (BENCH_RUNS, default 20 rounds)
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/run/package-root.ts';
import { resolveClosure } from '../src/validation/packages/closure.ts';
import { createValidator } from '../src/validation/validator/validator.ts';
import { VALIDATOR_VERSION } from '../src/validation/version.ts';

const EXAMPLES = join(PACKAGE_ROOT, '..', 'shared', 'examples', 'medcom');
const ROOTS = {
  ConditionList: { id: 'medcom.fhir.dk.conditionlist', version: '1.0.1' },
  HomeCareObservation: { id: 'medcom.fhir.dk.homecareobservation', version: '1.1.0-trial-use' },
};
const RUNS = Number(process.env['BENCH_RUNS'] ?? 20);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

if (process.argv[2] === '--measure') {
  // Child: a fresh process on a warm cache, as a certbench run starts.
  const cache = process.argv[3] ?? '';
  const t0 = performance.now();
  const validators = {
    ConditionList: await createValidator(cache, ROOTS.ConditionList),
    HomeCareObservation: await createValidator(cache, ROOTS.HomeCareObservation),
  };
  const load = performance.now() - t0;
  const files = (await readdir(EXAMPLES)).filter((f) => f.endsWith('.json')).sort();
  const docs = await Promise.all(
    files.map(async (f) => ({
      ig: f.startsWith('conditionlist') ? ('ConditionList' as const) : ('HomeCareObservation' as const),
      resource: JSON.parse(await readFile(join(EXAMPLES, f), 'utf8')) as unknown,
    })),
  );
  const first: Record<string, number> = {};
  const times: Record<string, number[]> = { ConditionList: [], HomeCareObservation: [] };
  for (const { ig, resource } of docs) {
    const t = performance.now();
    validators[ig].validate(resource);
    first[ig] ??= performance.now() - t;
  }
  for (let run = 0; run < RUNS; run++)
    for (const { ig, resource } of docs) {
      const t = performance.now();
      validators[ig].validate(resource);
      times[ig]?.push(performance.now() - t);
    }
  console.log(JSON.stringify({ load, first, times, documents: docs.length }));
} else {
  const cache = await mkdtemp(join(tmpdir(), 'certbench-bench-fhir-'));
  try {
    const t0 = performance.now();
    const closures = await Promise.all(Object.values(ROOTS).map((root) => resolveClosure(cache, root)));
    const firstUse = performance.now() - t0;
    const packages = new Set(closures.flatMap((c) => c.packages.map((p) => p.pkg.key))).size;
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--measure', cache], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(child.stderr);
    const m = JSON.parse(child.stdout) as {
      load: number;
      first: Record<string, number>;
      times: Record<string, number[]>;
      documents: number;
    };
    const all = Object.values(m.times).flat();
    console.log(
      `FHIR validation (certbench validator ${VALIDATOR_VERSION}), ${m.documents} official examples × ${RUNS}`,
    );
    console.log(
      `  first use, empty cache (install ${packages - 1} packages, build R4 core)  ${ms(firstUse)}`,
    );
    console.log(`  package load, warm cache (${packages} packages, 2 closures)          ${ms(m.load)}`);
    for (const ig of Object.keys(m.times))
      console.log(
        `  ${ig.padEnd(20)} first document ${ms(m.first[ig] ?? 0).padStart(8)}   median per document ${ms(median(m.times[ig] ?? []))}`,
      );
    console.log(`  median per document, all examples                           ${ms(median(all))}`);
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
}
