// DK-3.4.3.1 in a run against the reference GP system: the conforming system passes with the validation as
// evidence, and content faults fail it with the broken element named.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FHIR_PACKAGES_ENV } from '../../src/validation/packages/cache-folder.ts';
import { validationRecords } from '../../src/validation/shared.ts';
import { checkpoints, runReference } from '../support/run.ts';
import { sharedTestCache } from './support.ts';

// Steps take the cache folder from the run, else from the environment: keep this process off the real ~/.fhir.
process.env[FHIR_PACKAGES_ENV] = sharedTestCache();

const checkpoint = (result: Awaited<ReturnType<typeof runReference>>['result']) =>
  checkpoints(result).find((c) => c.id === 'DK-3.4.3.1');

test('the reference GP system passes DK-3.4.3.1, with the validator and packages in the evidence', async () => {
  const { result } = await runReference();
  const cp = checkpoint(result);
  assert.equal(cp?.status, 'passed', cp?.message);
  assert.equal(cp?.grade, 'F1');
  assert.ok(
    cp?.checks.some(
      (c) =>
        /certbench validator/.test(c.description) &&
        /medcom\.fhir\.dk\.conditionlist#1\.0\.1/.test(c.expected ?? ''),
    ),
  );
  const records = await validationRecords();
  assert.equal(records[0]?.root, 'medcom.fhir.dk.conditionlist#1.0.1');
  assert.ok(records[0]?.packages.some((p) => p.id === 'hl7.fhir.dk.core' && p.version === '3.2.0'));
  assert.equal(records[0]?.validator.name, 'certbench-fhir-validator');
});

for (const [fault, element] of [
  ['missing-recorded-date', /Condition\.recordedDate is missing/],
  ['composition-status-preliminary', /Composition\.status is "preliminary"/],
  ['unknown-element', /unknown element "severityText"/],
] as const) {
  test(`fault ${fault} fails DK-3.4.3.1 naming the element`, async () => {
    const { result } = await runReference({ faults: [fault] });
    const cp = checkpoint(result);
    assert.equal(cp?.status, 'failed');
    assert.match(cp?.message ?? '', element);
  });
}
