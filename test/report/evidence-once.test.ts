// The measure on a real run (the reference GP, Diagnosekort with a fault, so checkpoints fail): the message
// stream and the Allure results hold each exchange once, each under the set-up step that made it, the document inside
// an ITI-65 bundle decoded, and no anonymous hook step.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { EXCHANGE_MEDIA_TYPE, EXCHANGE_REF_MEDIA_TYPE } from '../../src/checks/media-types.ts';
import type { StepResult, TestResult } from '../../src/projections/allure/model.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { runReference } from '../support/run.ts';

let result: CertificationResult;
let messages = '';
let tests: TestResult[] = [];
/** The allure-results folder's files by name (read in `before`: the run's temporary folder goes with it). */
const files = new Map<string, string>();

before(async () => {
  const run = await runReference({ protocols: ['diagnosekort'], faults: ['note-shared'], summary: false });
  result = run.result;
  messages = await readFile(join(run.outDir, 'messages.ndjson'), 'utf8');
  const dir = join(run.outDir, 'allure-results');
  for (const name of await readdir(dir)) files.set(name, await readFile(join(dir, name), 'utf8'));
  tests = [...files]
    .filter(([name]) => name.endsWith('-result.json'))
    .map(([, text]) => JSON.parse(text) as TestResult);
});

const allSteps = (steps: StepResult[]): StepResult[] => steps.flatMap((s) => [s, ...allSteps(s.steps)]);

describe('each exchange once', () => {
  it('the message stream carries each exchange in full once; later scenarios refer to it', () => {
    const attachments = messages
      .split('\n')
      .filter((line) => line.includes('"attachment"'))
      .map(
        (line) => (JSON.parse(line) as { attachment: { mediaType: string; fileName?: string } }).attachment,
      );
    const full = attachments.filter((a) => a.mediaType === EXCHANGE_MEDIA_TYPE).map((a) => a.fileName);
    const refs = attachments.filter((a) => a.mediaType === EXCHANGE_REF_MEDIA_TYPE).map((a) => a.fileName);
    assert.equal(new Set(full).size, full.length, 'no exchange twice in full');
    assert.deepEqual([...full].sort(), result.evidence.map((e) => e.id).sort());
    assert.ok(refs.length > full.length, `the plans are shared: ${refs.length} references`);
    assert.ok(refs.every((id) => full.includes(id)));
    assert.equal(result.harnessErrors.length, 0);
  });

  it('Allure holds each exchange once, under the set-up step that made it, where it failed', () => {
    const exchangeSteps = tests.flatMap((t) =>
      allSteps(t.steps)
        .filter((s) => s.parameters.some((p) => p.name === 'evidence'))
        .map((s) => ({ test: t, step: s })),
    );
    const attached = exchangeSteps.filter(({ step }) => step.attachments.length > 0);
    const ids = attached.map(({ step }) => step.parameters.find((p) => p.name === 'evidence')?.value);
    assert.equal(new Set(ids).size, ids.length, 'each exchange attached once');
    assert.equal(ids.length, result.evidence.length, 'and every exchange somewhere');
    for (const { test } of exchangeSteps) assert.deepEqual(test.attachments, [], 'nothing at test level');
    const failed = tests.find((t) => t.fullName === 'diagnosekort:DK-3.3.1.11');
    assert.equal(failed?.status, 'failed');
    const share = failed?.steps.find((s) => s.name.startsWith('Set-up: 3.3.1.3 create the ConditionList'));
    const iti65 = share?.steps.find((s) => s.name.includes('document-sharing'));
    assert.ok(iti65, 'the ITI-65 exchange under the set-up step that made it');
    assert.deepEqual(
      iti65.attachments.map((a) => a.name.replace(/entry\[\d+\]/, 'entry[n]')),
      [
        'request: body (application/fhir+json)',
        'request: document in entry[n].resource (Binary) (decoded, application/fhir+json)',
        'answer: body (application/fhir+json)',
      ],
    );
    const shown = iti65.parameters.map((p) => p.name);
    assert.ok(shown.includes('request') && shown.includes('answer'), shown.join(', '));
  });

  it('the document inside the bundle is the ConditionList the failure message points into', () => {
    const failed = tests.find((t) => t.fullName === 'diagnosekort:DK-3.3.1.11');
    const share = failed?.steps.find((s) => s.name.startsWith('Set-up: 3.3.1.3 create the ConditionList'));
    const decoded = share?.steps.flatMap((s) => s.attachments).find((a) => a.name.includes('decoded'));
    assert.ok(decoded);
    const document = JSON.parse(files.get(decoded.source) ?? '') as {
      resourceType: string;
      type: string;
      entry: { resource: { resourceType: string; note?: unknown } }[];
    };
    assert.equal(document.resourceType, 'Bundle');
    assert.equal(document.type, 'document');
    const entry = /\(entry\[(\d+)\]\) shares a note/.exec(failed?.statusDetails?.message ?? '')?.[1];
    assert.ok(entry, failed?.statusDetails?.message);
    assert.equal(document.entry[Number(entry)]?.resource.resourceType, 'Condition');
    assert.ok(document.entry[Number(entry)]?.resource.note, 'the note the message names is there to see');
  });

  it('no anonymous hook steps', () => {
    for (const test of tests)
      for (const step of allSteps(test.steps))
        assert.doesNotMatch(step.name, /^Hook\b|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
