// The acceptance path for dispensations, end to end against the reference GP: with the fault
// "ignores-refused-consent" and the LABA/MiBA owners' waiver, exactly the nægtet samtykke checkpoints are waived
// (Delvist godkendt); judged after the waiver's expiry they fail (Ikke godkendt). With the example test plan, the
// deferred checkpoints are pending beside them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { fastReferenceProfile, runReference } from '../support/run.ts';

const WAIVERS = join(PACKAGE_ROOT, 'examples', 'lab-sharing-waivers.yaml');
const PLAN = join(PACKAGE_ROOT, 'examples', 'lab-sharing-test-plan.yaml');
const CONSENT = ['LAB-3.3.5.1', 'LAB-3.3.5.2', 'LAB-3.3.5.3', 'LAB-3.3.5.4', 'LAB-3.3.5.5'];

async function run(asOf: string, planFile?: string): Promise<CertificationResult> {
  const { result } = await runReference({
    profileFile: await fastReferenceProfile('  lab-sharing: { variant: gp-system }\n'),
    protocols: ['lab-sharing'],
    faults: ['ignores-refused-consent'],
    waiversFile: WAIVERS,
    asOf: new Date(`${asOf}T12:00:00Z`),
    ...(planFile ? { planFile } : {}),
  });
  return result;
}

const withStatus = (result: CertificationResult, status: string) =>
  (result.protocols[0]?.checkpoints ?? []).filter((c) => c.status === status).map((c) => c.id);

test('the dispensation waives exactly the nægtet samtykke checkpoints until 2027-01-01', async () => {
  const result = await run('2026-12-01');
  const lab = result.protocols[0];
  assert.equal(lab?.id, 'lab-sharing');
  assert.equal(lab.variant, 'gp-system');
  assert.deepEqual(withStatus(result, 'waived'), CONSENT);
  assert.deepEqual(withStatus(result, 'failed'), []);
  assert.equal(lab.approval, 'Delvist godkendt');
  assert.equal(result.outcome.exitCode, 0);
  const waived = lab.checkpoints.find((c) => c.id === 'LAB-3.3.5.1');
  assert.equal(waived?.waiver?.id, 'W-2026-LAB-001');
  assert.equal(waived?.waiver?.expires, '2027-01-01');
  assert.match(waived?.waiver?.reason ?? '', /dispensation from the business\s+rule on nægtet samtykke/);
  assert.match(waived?.waiver?.underlyingFailure ?? '', /meta\.security lacks .*\|R/);
});

test('after the expiry the same run fails: Ikke godkendt', async () => {
  const result = await run('2027-01-02');
  assert.deepEqual(withStatus(result, 'failed'), CONSENT);
  assert.deepEqual(withStatus(result, 'waived'), []);
  assert.equal(result.protocols[0]?.approval, 'Ikke godkendt');
  assert.equal(result.outcome.exitCode, 1);
  assert.equal(result.waiverRegister?.waivers[0]?.state, 'expired');
  assert.deepEqual(result.waiverRegister?.waivers[0]?.wouldHaveCovered, CONSENT);
});

test('the example test plan defers checkpoints of this round: pending beside the waived ones', async () => {
  const result = await run('2026-12-01', PLAN);
  assert.deepEqual(withStatus(result, 'pending'), [
    'LAB-3.3.4.3',
    'LAB-3.3.4.4',
    'LAB-3.3.6.2',
    'LAB-3.3.6.3',
    'LAB-3.3.6.4',
    'LAB-3.3.6.5',
    'LAB-3.3.6.6',
  ]);
  assert.deepEqual(withStatus(result, 'waived'), CONSENT);
  assert.equal(withStatus(result, 'passed').length, 55 - 7 - 5);
  assert.equal(result.protocols[0]?.approval, 'Delvist godkendt');
  assert.deepEqual(result.run.testPlan, { id: 'lab-sharing-plsp-round-1', file: PLAN });
});
