// The sensitivity rule (design: "The reference GP system"): the conforming reference system passes every automatic
// checkpoint, every automatic checkpoint fails under at least one named fault, and every fault is caught by at least
// one checkpoint. The matrix (checkpoint -> faults that fail it) is printed as test diagnostics.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAULTS, type FaultName } from '../../reference-gp/index.ts';
import { checkpoints, runReference } from '../support/run.ts';

test('the conforming reference GP system passes every automatic checkpoint', async () => {
  const { result } = await runReference();
  const notPassed = checkpoints(result).filter((c) => c.mode === 'automatic' && c.status !== 'passed');
  assert.deepEqual(
    notPassed.map((c) => `${c.id}: ${c.status} ${c.message ?? ''}`),
    [],
  );
  assert.equal(result.protocols[0]?.approval, 'Godkendt');
  assert.equal(result.outcome.exitCode, 0);
});

test('every automatic checkpoint fails under a named fault, and every fault is caught', async (t) => {
  const failedBy = new Map<string, FaultName[]>();
  const caught = new Map<FaultName, string[]>();
  const harness: string[] = [];
  let automatic: string[] = [];
  for (const fault of Object.keys(FAULTS) as FaultName[]) {
    const { result } = await runReference({ faults: [fault] });
    automatic = checkpoints(result)
      .filter((c) => c.mode === 'automatic')
      .map((c) => c.id);
    const failed = checkpoints(result)
      .filter((c) => c.status === 'failed')
      .map((c) => c.id);
    harness.push(...result.harnessErrors.map((h) => `${fault}: ${h.checkpointId ?? ''} ${h.message}`));
    caught.set(fault, failed);
    for (const id of failed) failedBy.set(id, [...(failedBy.get(id) ?? []), fault]);
  }
  for (const id of automatic)
    t.diagnostic(`${id} fails under: ${(failedBy.get(id) ?? []).join(', ') || 'NOTHING'}`);
  assert.deepEqual(harness, [], 'a fault of the SUT must never look like a harness error');
  assert.deepEqual(
    automatic.filter((id) => !failedBy.has(id)),
    [],
    'checkpoints that no fault can fail',
  );
  assert.deepEqual(
    [...caught].filter(([, ids]) => ids.length === 0).map(([f]) => f),
    [],
    'faults that no checkpoint catches (a gap in the protocol)',
  );
  const missed = (Object.entries(FAULTS) as [FaultName, { breaks: readonly string[] }][]).flatMap(
    ([fault, info]) =>
      info.breaks
        .filter((id) => !(caught.get(fault) ?? []).includes(id))
        .map((id) => `${fault} should break ${id}`),
  );
  assert.deepEqual(missed, [], 'the fault catalogue claims checkpoints the run does not fail');
});
