// The reference GP's auto-handling type after ordering: the clinic's default fills in only where the GP chose none,
// and a type changes only while the requisition waits for its results.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Dispatcher } from 'undici';
import { ACTIONS } from '../../reference-gp/actions.ts';
import type { GpContext } from '../../reference-gp/context.ts';
import { createState } from '../../reference-gp/state.ts';

const PATIENT = '0504909995';
const analyses = [{ npu: 'NPU19748' }];

function gp(): GpContext {
  return {
    state: createState(),
    faults: new Set(),
    clock: () => new Date('2026-11-26T10:00:00Z'),
    session: undefined,
    variants: {},
    dispatcher: undefined as unknown as Dispatcher,
  };
}

async function act(ctx: GpContext, action: string, input: Record<string, unknown>) {
  const run = ACTIONS[action];
  assert.ok(run, `action ${action}`);
  return await run(ctx, input);
}

test('a requisition ordered without a type gets the clinic default; "Ingen" until the clinic sets another', async () => {
  const ctx = gp();
  await act(ctx, 'inbox.order-requisition', { patient: PATIENT, requisition: 'Q1', analyses });
  assert.deepEqual(
    await act(ctx, 'inbox.set-default-auto-handling', { autoHandling: 'autosvar-ved-normal' }),
    { autoHandling: 'autosvar-ved-normal', previous: 'ingen' },
    'the setting before is returned, so certbench can put it back',
  );
  await act(ctx, 'inbox.order-requisition', { patient: PATIENT, requisition: 'Q2', analyses });
  await act(ctx, 'inbox.order-requisition', {
    patient: PATIENT,
    requisition: 'Q3',
    autoHandling: 'ingen',
    analyses,
  });
  const types = [...ctx.state.inbox.requisitions.values()].map((r) => [r.number, r.autoHandling]);
  assert.deepEqual(types, [
    ['Q1', 'ingen'],
    ['Q2', 'autosvar-ved-normal'],
    ['Q3', 'ingen'],
  ]);
});

test('a type changes before any result has arrived, not after, and not for another patient', async () => {
  const ctx = gp();
  await act(ctx, 'inbox.order-requisition', {
    patient: PATIENT,
    requisition: 'Q1',
    autoHandling: 'ingen',
    analyses,
  });
  await act(ctx, 'inbox.change-auto-handling', {
    patient: PATIENT,
    requisition: 'Q1',
    autoHandling: 'autosvar-ved-normal',
  });
  assert.equal(ctx.state.inbox.requisitions.get('Q1')?.autoHandling, 'autosvar-ved-normal');
  await assert.rejects(
    act(ctx, 'inbox.change-auto-handling', {
      patient: '0201919996',
      requisition: 'Q1',
      autoHandling: 'ingen',
    }),
    /requisition Q1 is not ordered for patient 0201919996/,
  );
  await assert.rejects(
    act(ctx, 'inbox.change-auto-handling', {
      patient: PATIENT,
      requisition: 'Q1',
      autoHandling: 'arkiver-til-aftale',
    }),
    /appointment is required/,
  );
  const item = ctx.state.inbox.items.find((i) => i.requisition === 'Q1');
  assert.ok(item);
  // A partial report: the requisition still waits, but results have arrived.
  item.results.push({
    npu: 'NPU19748',
    name: 'CRP',
    status: 'svar_endeligt',
    type: 'numerisk',
    value: '3',
    interval: { upper: '8' },
    producer: { identifier: 'TLA', code: 'lab' },
  });
  await assert.rejects(
    act(ctx, 'inbox.change-auto-handling', { patient: PATIENT, requisition: 'Q1', autoHandling: 'ingen' }),
    /already has results \(state awaiting-results\); its auto-handling type can no longer change/,
  );
});
