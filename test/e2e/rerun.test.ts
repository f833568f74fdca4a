import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InvalidInputError } from '../../src/errors/index.ts';
import { checkpoint, checkpoints, runReference } from '../support/run.ts';

test('a re-run tests only what failed or was pending, carries the rest over and references the earlier run', async () => {
  const first = await runReference({ faults: ['title-without-cpr'] });
  assert.equal(checkpoint(first.result, 'DK-3.4.3.9').status, 'failed');

  const second = await runReference({ rerunOf: first.outDir });
  assert.equal(second.result.run.previousRunId, first.result.run.id);
  const retested = checkpoint(second.result, 'DK-3.4.3.9');
  assert.equal(retested.status, 'passed', 'fixed since the earlier run');
  assert.equal(retested.carriedFrom, undefined);
  assert.ok(retested.steps.length > 0);
  const carried = checkpoint(second.result, 'DK-3.4.3.11');
  assert.equal(carried.carriedFrom, first.result.run.id);
  assert.equal(carried.status, 'passed');
  assert.equal(
    checkpoints(second.result).filter((c) => c.carriedFrom === undefined && c.status !== 'not-applicable')
      .length,
    1,
  );
  assert.equal(second.result.protocols[0]?.approval, 'Godkendt');
  for (const id of carried.evidence) {
    const record = second.result.evidence.find((e) => e.id === id);
    assert.ok(
      record && existsSync(join(second.outDir, record.file)),
      `carried evidence ${id} is in the new run folder`,
    );
  }
});

test('a re-run refuses an earlier run with nothing to re-test', async () => {
  const clean = await runReference();
  await assert.rejects(
    runReference({ rerunOf: clean.outDir }),
    (e: unknown) => e instanceof InvalidInputError && /no failed or pending/.test(e.message),
  );
});
