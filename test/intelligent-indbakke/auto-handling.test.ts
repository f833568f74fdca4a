// The auto-handling rules of the reference GP (reference-gp/inbox/assess.ts) and certbench's checks over what a
// SUT's inbox shows (src/rules/inbox/inbox-rules.ts), including a SUT answering another shape.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { danishDateAfter, shiftDate } from '../../src/rules/inbox/local-time.ts';
import type { FaultName } from '../../reference-gp/faults/catalogue.ts';
import { assessResult, decide, numberOf } from '../../reference-gp/inbox/assess.ts';
import type { InboxItem, ReceivedResult, Requisition } from '../../reference-gp/inbox/model.ts';
import {
  answeredOnce,
  auditedActions,
  keptForTheDoctor,
  notAutoHandled,
  shownAsReported,
} from '../../src/rules/inbox/inbox-rules.ts';

const none: ReadonlySet<FaultName> = new Set();
const crp = (over: Partial<ReceivedResult> = {}): ReceivedResult => ({
  npu: 'NPU19748',
  name: 'CRP',
  status: 'svar_endeligt',
  type: 'numerisk',
  value: '3',
  interval: { upper: '8' },
  producer: { identifier: 'Testlaboratorium A', code: 'TLA' },
  ...over,
});

function item(
  results: ReceivedResult[],
  reportStatus: [string, string][] = [['TLA', 'komplet_svar']],
): InboxItem {
  return {
    key: 'R1',
    requisition: 'R1',
    patient: '2509479989',
    autoHandling: 'autosvar-ved-normal',
    state: 'awaiting-results',
    results,
    reportStatus: new Map(reportStatus),
    autoHandled: false,
    reasons: [],
  };
}

const requisition: Requisition = {
  number: 'R1',
  patient: '2509479989',
  autoHandling: 'autosvar-ved-normal',
  analyses: [{ npu: 'NPU19748' }, { npu: 'NPU02319' }],
};
const hb = crp({ npu: 'NPU02319', value: '9,1', interval: { lower: '8,3', upper: '10,5' } });

describe('auto-handling rules', () => {
  it('reads decimal commas and refuses other text as a number', () => {
    assert.equal(numberOf('8,3'), 8.3);
    assert.equal(numberOf('12'), 12);
    assert.equal(numberOf('neg'), undefined);
  });

  it('finds a result normal only when final, numeric, without operator or flag and inside the limits in force', () => {
    assert.deepEqual(assessResult(crp(), undefined, none), { normal: true });
    assert.equal(assessResult(crp({ value: '12' }), undefined, none).normal, false);
    assert.equal(assessResult(crp({ flag: 'unormal' }), undefined, none).normal, false);
    assert.equal(assessResult(crp({ operator: 'mindre_end' }), undefined, none).normal, false);
    assert.equal(assessResult(crp({ type: 'alfanumerisk', value: 'neg' }), undefined, none).normal, false);
    assert.equal(assessResult(crp({ status: 'svar_midlertidigt' }), undefined, none).normal, false);
    assert.equal(assessResult(crp({ interval: {} }), undefined, none).normal, false);
    // The clinic's limit wins both ways.
    assert.equal(assessResult(crp({ value: '6' }), { upper: 5 }, none).normal, false);
    assert.equal(assessResult(crp({ value: '10' }), { upper: 12 }, none).normal, true);
  });

  it('answers a complete, normal requisition and waits for a missing analysis or a partial report', () => {
    assert.deepEqual(decide(requisition, item([crp(), hb]), none), { kind: 'auto-reply' });
    assert.equal(decide(requisition, item([crp()]), none).kind, 'wait');
    assert.equal(decide(requisition, item([crp(), hb], [['TLA', 'del_svar']]), none).kind, 'wait');
    assert.equal(
      decide(
        requisition,
        item([crp(), crp({ npu: 'NPU02319', status: 'proeve_modtaget' })], [['TLA', 'del_svar']]),
        none,
      ).kind,
      'wait',
    );
    assert.equal(
      decide(requisition, item([crp(), { ...hb, status: 'svar_midlertidigt' }]), none).kind,
      'inbox',
    );
  });

  it('sends an abnormal requisition to the inbox at once, and handles nothing under ingen', () => {
    assert.equal(decide(requisition, item([crp({ value: '40' })]), none).kind, 'inbox');
    assert.equal(decide({ ...requisition, autoHandling: 'ingen' }, item([crp(), hb]), none).kind, 'inbox');
    assert.deepEqual(
      decide(
        { ...requisition, autoHandling: 'arkiver-til-aftale', appointment: '2026-12-10' },
        item([crp(), hb]),
        none,
      ),
      { kind: 'archive-until-appointment', until: '2026-12-10' },
    );
  });
});

describe('inbox checks', () => {
  const snapshot = {
    items: [{ requisition: 'R1', state: 'archived', results: [] }],
    messages: [{ requisition: 'R1', sentAt: '2026-03-02T10:00:00.000+01:00' }],
    fees: [],
    audit: [{ requisition: 'R1', action: 'auto-reply', at: '2026-03-02T10:00:00.000+01:00' }],
  };

  it('passes an automatically answered requisition and names what is wrong otherwise', () => {
    assert.deepEqual(answeredOnce(snapshot, 'R1'), []);
    assert.deepEqual(auditedActions(snapshot, 'R1', ['auto-reply']), []);
    assert.match(auditedActions(snapshot, 'R1', ['archive'])[0] ?? '', /no "archive" entry/);
    assert.match(notAutoHandled(snapshot, 'R1').join(';'), /1 automatic reply about.*archived automatically/);
    assert.match(keptForTheDoctor(snapshot, 'R1')[0] ?? '', /state "archived", expected "inbox"/);
  });

  it("judges a shown unit as the laboratory's, whatever its case or spaces", () => {
    const shown = (unit: string) => ({
      ...snapshot,
      items: [
        {
          requisition: 'R1',
          state: 'archived',
          results: [{ npu: 'NPU19748', unit, producer: { code: 'TLA', identifier: 'Testlaboratorium A' } }],
        },
      ],
    });
    const reported = [
      { npu: 'NPU19748', producerIdentifier: 'Testlaboratorium A', name: 'CRP', unit: 'mg/l' },
    ];
    assert.deepEqual(shownAsReported(shown('mg/L'), 'R1', reported), []);
    assert.deepEqual(shownAsReported(shown(' mg / l'), 'R1', reported), []);
    assert.match(
      shownAsReported(shown('mmol/l'), 'R1', reported).join(';'),
      /shows unit "mmol\/l", the laboratory reported "mg\/l"/,
    );
  });

  it('turns an answer of another shape into problems, never an exception', () => {
    const garbage = { items: 'oops', messages: { a: 1 }, fees: null, audit: [42] };
    assert.match(answeredOnce(garbage, 'R1').join(';'), /not an array/);
    assert.match(keptForTheDoctor(garbage, 'R1').join(';'), /inbox.items is not an array/);
    assert.match(
      auditedActions(garbage, 'R1', ['auto-reply']).join(';'),
      /inbox.audit\[0\] is not an object/,
    );
  });
});

it('appointment dates are counted in calendar days, also across the end of summer time', () => {
  // 00:30 Danish summer time on 24 October 2026; summer time ends on the 25th.
  const justAfterMidnight = new Date('2026-10-23T22:30:00Z');
  assert.deepEqual(
    [1, 2, 3].map((days) => danishDateAfter(justAfterMidnight, days)),
    ['2026-10-25', '2026-10-26', '2026-10-27'],
  );
  assert.equal(shiftDate('2027-01-01', -1), '2026-12-31');
  assert.equal(shiftDate('2027-03-28', 1), '2027-03-29');
});
