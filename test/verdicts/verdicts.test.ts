import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckpointResult } from '../../src/result/types.ts';
import { rollUp } from '../../src/verdicts/rollup.ts';
import { computeVerdicts } from '../../src/verdicts/verdicts.ts';
import {
  checkAttachment,
  exchangeAttachment,
  manifest,
  profile,
  StreamBuilder,
} from '../support/envelopes.ts';
import { waiver } from '../support/waiver.ts';

const NOW = new Date('2026-11-25T12:00:00Z');

function statusOf(checkpoints: CheckpointResult[], id: string): CheckpointResult {
  const found = checkpoints.find((c) => c.id === id);
  assert.ok(found, `no checkpoint ${id}`);
  return found;
}

test('step outcomes map to verdicts; bench errors are harness errors, never failures', () => {
  const stream = new StreamBuilder()
    .scenario('T-1.1', [{ status: 'PASSED' }, { status: 'PASSED' }], {
      attachments: [exchangeAttachment('e1'), checkAttachment('ok', true)],
    })
    .scenario('T-1.2', [
      { status: 'PASSED' },
      {
        status: 'FAILED',
        exceptionType: 'CheckFailed',
        message: 'Composition.status is "preliminary", expected "final"',
      },
    ])
    .scenario('T-1.3', [{ status: 'FAILED', exceptionType: 'TypeError', message: 'x is undefined' }])
    .scenario('T-1.4', [{ status: 'PASSED' }, { status: 'UNDEFINED' }])
    .scenario('T-1.5', [{ status: 'PASSED' }, { status: 'PENDING' }], {
      attachments: [
        { mediaType: 'application/vnd.certbench.pending+json', body: '{"reason":"needs MedCom data"}' },
      ],
    })
    .scenario('T-1.6', [{ status: 'AMBIGUOUS' }]);
  const out = computeVerdicts({
    index: stream.index(),
    manifests: [manifest(['T-1.1', 'T-1.2', 'T-1.3', 'T-1.4', 'T-1.5', 'T-1.6'].map((id) => ({ id })))],
    profile: profile(),
    waivers: [],
    now: NOW,
  });
  const cps = out.protocols[0]?.checkpoints ?? [];
  assert.equal(statusOf(cps, 'T-1.1').status, 'passed');
  assert.deepEqual(statusOf(cps, 'T-1.1').evidence, ['e1']);
  assert.equal(statusOf(cps, 'T-1.1').checks[0]?.description, 'ok');
  assert.equal(statusOf(cps, 'T-1.2').status, 'failed');
  assert.match(statusOf(cps, 'T-1.2').message ?? '', /expected "final"/);
  assert.equal(statusOf(cps, 'T-1.3').status, 'harness-error');
  assert.equal(statusOf(cps, 'T-1.4').status, 'harness-error');
  assert.equal(statusOf(cps, 'T-1.5').status, 'pending');
  assert.equal(statusOf(cps, 'T-1.5').message, 'needs MedCom data');
  assert.equal(statusOf(cps, 'T-1.6').status, 'harness-error');
  assert.deepEqual(
    out.harnessErrors.map((h) => [h.checkpointId, h.kind]),
    [
      ['T-1.3', 'step-exception'],
      ['T-1.4', 'undefined-step'],
      ['T-1.6', 'ambiguous-step'],
    ],
  );
  assert.equal(out.evidence.length, 1);
  assert.match(out.evidence[0]?.sha256 ?? '', /^[0-9a-f]{64}$/);
  assert.ok(out.evidenceFiles.has('evidence/e1.json'));
});

test('only the final attempt of a retried scenario counts', () => {
  const stream = new StreamBuilder().scenario('T-1.1', [{ status: 'FAILED', exceptionType: 'CheckFailed' }], {
    attempt: 0,
  });
  // Same pickle retried: reuse the ids of the first attempt but a later attempt number.
  const retry = stream.envelopes.map((e) => structuredClone(e));
  const started = retry.find((e) => e.testCaseStarted);
  if (started?.testCaseStarted) {
    started.testCaseStarted.attempt = 1;
    started.testCaseStarted.id = 'retry';
  }
  for (const e of retry)
    if (e.testStepFinished)
      Object.assign(e.testStepFinished, {
        testCaseStartedId: 'retry',
        testStepResult: { status: 'PASSED', duration: { seconds: 0, nanos: 0 } },
      });
  stream.envelopes.push(...retry.filter((e) => e.testCaseStarted || e.testStepFinished));
  const out = computeVerdicts({
    index: stream.index(),
    manifests: [manifest([{ id: 'T-1.1' }])],
    profile: profile(),
    waivers: [],
    now: NOW,
  });
  assert.equal(out.protocols[0]?.checkpoints[0]?.status, 'passed');
});

test('an active waiver turns a failure into waived, keeping the failure; an expired one does nothing', () => {
  const stream = new StreamBuilder().scenario('T-1.2', [
    { status: 'FAILED', exceptionType: 'CheckFailed', message: 'no consent flag' },
  ]);
  const base = {
    index: stream.index(),
    manifests: [manifest([{ id: 'T-1.2' }])],
    profile: profile(),
    now: NOW,
  };
  const active = computeVerdicts({ ...base, waivers: [waiver({})] });
  const cp = active.protocols[0]?.checkpoints[0];
  assert.equal(cp?.status, 'waived');
  assert.equal(cp?.waiver?.underlyingFailure, 'no consent flag');
  assert.match(cp?.message ?? '', /W-1.*expires 2027-01-01/);
  assert.equal(active.protocols[0]?.approval, 'Delvist godkendt');
  assert.deepEqual(active.waivers[0]?.appliedTo, ['T-1.2']);

  const expired = computeVerdicts({
    ...base,
    waivers: [waiver({ granted: '2025-01-01', expires: '2026-01-01' })],
  });
  assert.equal(expired.protocols[0]?.checkpoints[0]?.status, 'failed');
  assert.equal(expired.protocols[0]?.approval, 'Ikke godkendt');
  assert.equal(expired.waivers[0]?.state, 'expired');
  assert.deepEqual(expired.waivers[0]?.wouldHaveCovered, ['T-1.2']);

  const otherSut = computeVerdicts({
    ...base,
    waivers: [waiver({ sut: { vendor: 'CGM', system: 'XMO', versions: '*' } })],
  });
  assert.equal(otherSut.protocols[0]?.checkpoints[0]?.status, 'failed');
  assert.equal(otherSut.waivers[0]?.state, 'other-sut');
});

test('a waiver does not hide a pass; run:false waives without running', () => {
  const stream = new StreamBuilder().scenario('T-1.1', [{ status: 'PASSED' }]);
  const out = computeVerdicts({
    index: stream.index(),
    manifests: [manifest([{ id: 'T-1.1' }, { id: 'T-1.2' }])],
    profile: profile(),
    waivers: [waiver({ checkpoints: ['T-1.*'], run: false })],
    now: NOW,
  });
  const cps = out.protocols[0]?.checkpoints ?? [];
  assert.equal(statusOf(cps, 'T-1.1').status, 'passed');
  assert.equal(statusOf(cps, 'T-1.2').status, 'waived');
  assert.equal(out.harnessErrors.length, 0);
});

test('not applicable, not testable, and a checkpoint that silently did not run', () => {
  const out = computeVerdicts({
    index: new StreamBuilder().index(),
    manifests: [
      manifest([
        { id: 'T-2.1', useCase: 'S1.A1' },
        { id: 'T-2.2', notTestable: 'no public specification yet' },
        { id: 'T-2.3' },
      ]),
    ],
    profile: profile([]),
    waivers: [],
    now: NOW,
  });
  const cps = out.protocols[0]?.checkpoints ?? [];
  assert.equal(statusOf(cps, 'T-2.1').status, 'not-applicable');
  assert.equal(statusOf(cps, 'T-2.2').status, 'pending');
  assert.equal(statusOf(cps, 'T-2.3').status, 'harness-error');
  assert.equal(out.harnessErrors[0]?.kind, 'not-executed');
  assert.equal(out.protocols[0]?.useCases.find((u) => u.id === 'S1.A1')?.applicable, false);
});

test('roll-up: F1–F3 failures block, F4 failures are remarks, waived or pending is partial', () => {
  const cp = (
    id: string,
    status: CheckpointResult['status'],
    grade: CheckpointResult['grade'] = 'F1',
  ): CheckpointResult => ({
    id,
    title: id,
    useCase: 'S1',
    grade,
    mode: 'automatic',
    requirements: [],
    status,
    steps: [],
    checks: [],
    evidence: [],
    durationMs: 0,
    ...(status === 'failed' ? { message: 'broken' } : {}),
  });
  assert.equal(rollUp([cp('a', 'passed'), cp('b', 'not-applicable')]).approval, 'Godkendt');
  const f4 = rollUp([cp('a', 'passed'), cp('b', 'failed', 'F4')]);
  assert.equal(f4.approval, 'Godkendt');
  assert.deepEqual(f4.remarks, ['b (F4): broken']);
  assert.equal(rollUp([cp('a', 'passed'), cp('b', 'waived')]).approval, 'Delvist godkendt');
  assert.equal(rollUp([cp('a', 'pending')]).approval, 'Delvist godkendt');
  assert.equal(rollUp([cp('a', 'waived'), cp('b', 'failed', 'F3')]).approval, 'Ikke godkendt');
});
