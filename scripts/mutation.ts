// Mutation testing of the reference GP system against certbench's checkpoints (issue 17): StrykerJS mutates the
// reference GP code that makes what the SUT sends, shows and files for one protocol, and a certbench run of that
// protocol is the test. A mutant no checkpoint notices is a SUT bug certbench would pass (triage: docs/mutation/).
//   npm run mutation -- --protocol intelligent-indbakke [--fresh]
// Slow (one protocol run per mutant), so outside `npm test`. Stryker's incremental file (reports/mutation/, not in
// git) lets a re-run test only the mutants whose code or tests changed; --fresh ignores it.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Stryker } from '@stryker-mutator/core';
import type { PartialStrykerOptions } from '@stryker-mutator/api/core';
import { PACKAGE_ROOT } from '../src/run/package-root.ts';
import { PROTOCOL_ENV, TESTS } from './mutation/stryker-plugins.ts';

/** The reference GP code behind each protocol's checkpoints; fault catalogues and HTTP plumbing are left out. */
export const MUTATE: Record<string, string[]> = {
  'intelligent-indbakke': ['reference-gp/inbox/*.ts'],
  'vandrejournal-maalinger': ['reference-gp/pregnancy/*.ts'],
  'dsj-gmv2': ['reference-gp/dsj/*.ts'],
  diagnosekort: ['reference-gp/diagnosekort/*.ts'],
  // Receiving, filing, showing a HomeCareObservation and deciding to accept or refuse it (receive.ts). How the
  // acknowledgement is written (ack.ts) is acknowledgement-send's, whose checkpoints judge it.
  'kommunale-proevesvar': ['reference-gp/homecare/*.ts', '!reference-gp/homecare/ack.ts'],
  // What makes the acknowledgement (AA, AE, the AR of a technical error, a duplicate's answer: receive.ts; the
  // Bundle: ack.ts) and sends it (own message in a VANSEnvelope or EHMI SBDH, or the synchronous answer). Opening,
  // reading and validating the received message (open.ts, read.ts, envelope.ts) is kommunale-proevesvar's, which
  // checks it (MedCom's acknowledgement protocol delivers valid JSON only).
  'acknowledgement-send': ['reference-gp/messaging/*.ts', 'reference-gp/homecare/{ack,receive}.ts'],
  'lab-sharing': ['reference-gp/lab/*.ts'],
};

const { values } = parseArgs({
  options: {
    protocol: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    // A part of the protocol's code (glob), for a first measurement or a re-run of one file.
    mutate: { type: 'string', multiple: true },
  },
});
const protocol = values.protocol ?? '';
if (!MUTATE[protocol] || !TESTS[protocol]) {
  process.stderr.write(`--protocol must be one of ${Object.keys(MUTATE).join(', ')}\n`);
  process.exit(3);
}
process.env[PROTOCOL_ENV] = protocol;

const out = join('reports', 'mutation');
const options: PartialStrykerOptions = {
  mutate: values.mutate ?? MUTATE[protocol],
  plugins: [join(PACKAGE_ROOT, 'scripts', 'mutation', 'stryker-plugins.ts')],
  testRunner: 'certbench',
  testRunnerNodeArgs: ['--import', 'tsx'],
  ignorers: ['fault-switches'],
  checkers: [],
  coverageAnalysis: 'perTest',
  // The machine is shared: one mutant at a time.
  concurrency: 1,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: join(out, `${protocol}.json`) },
  htmlReporter: { fileName: join(out, `${protocol}.html`) },
  incremental: true,
  incrementalFile: join(out, `${protocol}.incremental.json`),
  force: values.fresh,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['reports', 'allure-results', 'allure-report', '.fhir-cache'],
  thresholds: { high: 90, low: 80, break: null },
};
const results = await new Stryker(options).runMutationTest();
const counts = new Map<string, number>();
for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
process.stdout.write(
  `${protocol}: ${results.length} mutants, ${JSON.stringify(Object.fromEntries(counts))}\n`,
);
