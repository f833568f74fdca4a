// A scenario's plan stops at the first failure, but its clean-up steps (putting back a clinic-wide setting) still
// run; only an operator who stopped the manual run skips them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CheckFailed, RunInterrupted } from '../../src/checks/check-failed.ts';
import type { RunContext } from '../../src/run/context.ts';
import { performPlan, type PlanStep } from '../../src/steps-api/plan.ts';

const ctx = { clock: { now: () => new Date() }, makeDriver: () => ({}) } as unknown as RunContext;

function steps(ran: string[], failAt: string, error: () => Error): PlanStep[] {
  const step = (name: string, cleanup = false): PlanStep => ({
    name,
    key: name,
    ...(cleanup ? { cleanup } : {}),
    run: () => {
      ran.push(name);
      if (name === failAt) return Promise.reject(error());
      return Promise.resolve({ name });
    },
  });
  return [step('set default'), step('order'), step('deliver'), step('set back', true)];
}

test('after a SUT failure the clean-up steps still run, and the first failure is the outcome', async () => {
  const ran: string[] = [];
  const outcome = await performPlan(
    ctx,
    steps(ran, 'order', () => new CheckFailed('the SUT answered 422')),
  );
  assert.deepEqual(ran, ['set default', 'order', 'set back']);
  assert.equal(outcome.failure?.step, 'order');
  assert.deepEqual([...outcome.outputs.keys()], ['set default', 'set back']);
});

test('a bug in step code is thrown after the clean-up steps ran', async () => {
  const ran: string[] = [];
  await assert.rejects(
    performPlan(
      ctx,
      steps(ran, 'deliver', () => new TypeError('a bug')),
    ),
    /a bug/,
  );
  assert.deepEqual(ran, ['set default', 'order', 'deliver', 'set back']);
});

test('once the operator has stopped a manual run, nothing more is asked, not even the clean-up', async () => {
  const ran: string[] = [];
  const outcome = await performPlan(
    ctx,
    steps(ran, 'order', () => new RunInterrupted('operator stopped')),
  );
  assert.deepEqual(ran, ['set default', 'order']);
  assert.equal(outcome.interrupted, 'operator stopped');
});

test('a deliberate pause waits as asked and is recorded with its step, so a replay can make it at the same point', async () => {
  const order: string[] = [];
  const outcome = await performPlan(ctx, [
    { name: 'hold', key: 'hold', run: () => Promise.resolve(order.push('hold')) },
    {
      name: 'release',
      key: 'release',
      run: async ({ pause }) => {
        await pause(30, 'a later time of sending');
        order.push('release');
      },
    },
  ]);
  assert.deepEqual(order, ['hold', 'release']);
  assert.equal(outcome.pauses.length, 1);
  const [pause] = outcome.pauses;
  assert.equal(pause?.step, 'release');
  assert.equal(pause?.why, 'a later time of sending');
  assert.equal(pause?.requestedMs, 30);
  // Timers may fire a millisecond early, never much.
  assert.ok((pause?.ms ?? 0) >= 29, `paused ${pause?.ms} ms`);
  assert.ok(!Number.isNaN(Date.parse(pause?.startedAt ?? '')));
});
