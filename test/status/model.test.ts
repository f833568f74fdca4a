// The status report's model as pure functions over built results: latest wins, versions stay apart, waivers are
// judged at the report day against the next meeting, and changes are counted since a day.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isDay, daysBetween } from '../../src/status/dates.ts';
import { cellKey, protocolRowOf, systemOf } from '../../src/status/identity.ts';
import { buildStatusModel, cellApproval } from '../../src/status/model.ts';
import type { SignatureCheck } from '../../src/signing/check.ts';
import type { StatusModel } from '../../src/status/types.ts';
import { OPTIONS, run } from './builders.ts';

const CLINEA = systemOf(run({ at: '2026-01-01' }).result).key;
const row = (version: string, id = 'diagnosekort') =>
  protocolRowOf(
    run({ at: '2026-01-01', protocols: [{ id, version, approval: 'Godkendt' }] }).result.protocols[0]!,
  ).key;
const cell = (model: StatusModel, version = '1.0.0', system = CLINEA) =>
  model.cells.get(cellKey(row(version), system));

describe('cells', () => {
  test('the latest run per system × protocol × version wins, whatever the file order; older runs are the trend', () => {
    const runs = [
      run({ at: '2026-10-01', version: '4.2.1', protocols: [{ approval: 'Godkendt' }] }),
      run({ at: '2026-03-01', version: '4.0.0', protocols: [{ approval: 'Ikke godkendt' }] }),
      run({ at: '2026-06-01', version: '4.1.0', protocols: [{ approval: 'Delvist godkendt' }] }),
    ];
    const model = buildStatusModel(runs, OPTIONS);
    const c = cell(model);
    assert.equal(c?.latest.approval, 'Godkendt');
    assert.equal(c?.latest.systemVersion, '4.2.1');
    assert.deepEqual(
      c?.trend.map((r) => r.approval),
      ['Ikke godkendt', 'Delvist godkendt', 'Godkendt'],
    );
    assert.equal(c?.runs, 3);
    assert.deepEqual(
      buildStatusModel([...runs].reverse(), OPTIONS).cells.get(cellKey(row('1.0.0'), CLINEA)),
      c,
    );
  });

  test("a later self-test never replaces MedCom's certification; it is shown beside it", () => {
    const runs = [
      run({ at: '2026-09-01', mode: 'certify', version: '4.2.0', protocols: [{ approval: 'Godkendt' }] }),
      run({
        at: '2026-10-01',
        mode: 'self-test',
        version: '4.3.0',
        protocols: [{ approval: 'Ikke godkendt' }],
      }),
      run({
        at: '2026-08-01',
        mode: 'self-test',
        version: '4.1.0',
        protocols: [{ approval: 'Delvist godkendt' }],
      }),
    ];
    const c = cell(buildStatusModel(runs, OPTIONS));
    assert.equal(c?.latest.mode, 'certify');
    assert.equal(c?.latest.approval, 'Godkendt');
    assert.equal(c?.newerSelfTest?.approval, 'Ikke godkendt');
    assert.equal(c?.newerSelfTest?.systemVersion, '4.3.0');
    assert.deepEqual(
      c?.trend.map((r) => `${r.approval} ${r.mode}`),
      ['Delvist godkendt self-test', 'Godkendt certify', 'Ikke godkendt self-test'],
    );
    // Without a certification the latest self-test counts, and nothing is shown beside it.
    const selfTestsOnly = cell(buildStatusModel([runs[1]!, runs[2]!], OPTIONS));
    assert.equal(selfTestsOnly?.latest.approval, 'Ikke godkendt');
    assert.equal(selfTestsOnly?.newerSelfTest, undefined);
    // A newer certification replaces the older one, and an older self-test is not "newer".
    const recertified = cell(
      buildStatusModel(
        [...runs, run({ at: '2026-11-01', mode: 'certify', protocols: [{ approval: 'Delvist godkendt' }] })],
        OPTIONS,
      ),
    );
    assert.equal(recertified?.latest.approval, 'Delvist godkendt');
    assert.equal(recertified?.newerSelfTest, undefined);
  });

  test('changes compare the runs that count: a self-test after a certification is not a regression', () => {
    const runs = [
      run({ at: '2026-09-01', mode: 'certify', protocols: [{ approval: 'Godkendt' }] }),
      run({ at: '2026-10-01', mode: 'self-test', protocols: [{ approval: 'Ikke godkendt' }] }),
    ];
    const changes = buildStatusModel(runs, { ...OPTIONS, since: '2026-09-15' }).changes;
    assert.deepEqual(changes?.regressions, []);
    assert.deepEqual(changes?.firstTested, []);
  });

  test('the trend keeps the last N runs', () => {
    const runs = ['01', '02', '03', '04', '05', '06', '07', '08'].map((m) =>
      run({ at: `2026-${m}-01`, protocols: [{ approval: m === '08' ? 'Ikke godkendt' : 'Godkendt' }] }),
    );
    const c = cell(buildStatusModel(runs, { ...OPTIONS, trendLength: 3 }));
    assert.deepEqual(
      c?.trend.map((r) => r.approval),
      ['Godkendt', 'Godkendt', 'Ikke godkendt'],
    );
    assert.equal(c?.runs, 8);
  });

  test('a newer protocol version never counts for an older one: separate rows, newest first', () => {
    const model = buildStatusModel(
      [
        run({ at: '2026-03-01', protocols: [{ version: '1.0.0', approval: 'Ikke godkendt' }] }),
        run({ at: '2026-09-01', protocols: [{ version: '1.1.0', approval: 'Godkendt' }] }),
        run({
          at: '2026-09-02',
          system: 'XMO',
          vendor: 'CGM',
          protocols: [{ version: '1.0.0', approval: 'Godkendt' }],
        }),
      ],
      OPTIONS,
    );
    assert.deepEqual(
      model.protocols.map((p) => p.version),
      ['1.1.0', '1.0.0'],
    );
    assert.equal(cellApproval(model, row('1.0.0'), CLINEA), 'Ikke godkendt');
    assert.equal(cellApproval(model, row('1.1.0'), CLINEA), 'Godkendt');
    const xmo = model.systems.find((s) => s.system === 'XMO')?.key ?? '';
    assert.equal(cellApproval(model, row('1.1.0'), xmo), 'not-tested');
    // Self-tests (the builder's default) approve nothing: counted apart from certifications.
    assert.deepEqual(model.totals, {
      certify: { Godkendt: 0, 'Delvist godkendt': 0, 'Ikke godkendt': 0 },
      selfTest: { Godkendt: 2, 'Delvist godkendt': 0, 'Ikke godkendt': 1 },
      notTested: 1,
    });
  });

  test('versions sort as versions (1.10.0 above 1.9.0); systems by vendor in Danish order', () => {
    const model = buildStatusModel(
      [
        run({
          at: '2026-03-01',
          vendor: 'Øresund IT',
          system: 'Ø',
          protocols: [{ version: '1.9.0', approval: 'Godkendt' }],
        }),
        run({
          at: '2026-03-01',
          vendor: 'Aarhus Data',
          system: 'A',
          protocols: [{ version: '1.10.0', approval: 'Godkendt' }],
        }),
        run({ at: '2026-03-01', vendor: 'CGM', system: 'XMO' }),
      ],
      OPTIONS,
    );
    assert.deepEqual(
      model.protocols.map((p) => p.version),
      ['1.10.0', '1.9.0', '1.0.0'],
    );
    assert.deepEqual(
      model.systems.map((s) => s.vendor),
      ['CGM', 'Øresund IT', 'Aarhus Data'],
    );
  });

  test('runs with harness errors and runs after the report day do not count', () => {
    const model = buildStatusModel(
      [
        run({ at: '2026-03-01', protocols: [{ approval: 'Godkendt' }] }),
        run({ at: '2026-04-01', protocols: [{ approval: 'Delvist godkendt' }], harnessErrors: 1 }),
        run({ at: '2026-11-25T23:59:00Z', protocols: [{ approval: 'Ikke godkendt' }] }),
        run({ at: '2026-11-26T00:00:00Z', protocols: [{ approval: 'Godkendt' }] }),
      ],
      OPTIONS,
    );
    assert.equal(cell(model)?.latest.approval, 'Ikke godkendt', 'the report day counts to its end');
    assert.deepEqual(
      model.ignored.map((i) => i.reason),
      ['harness-error', 'after-as-of'],
    );
    assert.equal(model.counted, 2);
  });

  test('the Allure link is relative to the output folder and percent-encoded; absent without a report', () => {
    const model = buildStatusModel(
      [run({ at: '2026-03-01', allureReport: '/results/EG A/S #1/allure-report/index.html' })],
      { ...OPTIONS, outDir: '/results/status' },
    );
    assert.equal(cell(model)?.latest.allureHref, '../EG%20A/S%20%231/allure-report/index.html');
    assert.equal(cell(buildStatusModel([run({ at: '2026-03-01' })], OPTIONS))?.latest.allureHref, undefined);
  });

  test('a cell flags waivers it relied on that have lapsed by the report day', () => {
    const model = buildStatusModel(
      [
        run({
          at: '2026-09-01',
          protocols: [
            {
              approval: 'Delvist godkendt',
              waived: [
                { id: 'W-OLD', expires: '2026-11-25' },
                { id: 'W-NEW', expires: '2026-11-26' },
              ],
            },
          ],
        }),
      ],
      OPTIONS,
    );
    assert.deepEqual(cell(model)?.lapsedWaivers, ['W-OLD']);
  });

  test('a waiver renewed in a later register (another protocol version) is not lapsed', () => {
    const model = buildStatusModel(
      [
        run({
          at: '2026-09-01',
          protocols: [{ approval: 'Delvist godkendt', waived: [{ id: 'W-1', expires: '2026-11-01' }] }],
          waivers: [{ id: 'W-1', expires: '2026-11-01' }],
        }),
        run({
          at: '2026-11-20',
          protocols: [
            {
              version: '1.1.0',
              approval: 'Delvist godkendt',
              waived: [{ id: 'W-1', expires: '2027-03-01' }],
            },
          ],
          waivers: [{ id: 'W-1', expires: '2027-03-01' }],
        }),
      ],
      OPTIONS,
    );
    assert.deepEqual(cell(model)?.lapsedWaivers, []);
    assert.deepEqual(
      model.waivers.map((w) => [w.id, w.expires, w.standing]),
      [['W-1', '2027-03-01', 'active']],
    );
  });
});

describe('waivers', () => {
  const waivers = (nextMeeting?: string) =>
    buildStatusModel(
      [
        run({
          at: '2026-10-01',
          waivers: [
            { id: 'W-SOON', expires: '2026-12-10' },
            { id: 'W-MEETING-DAY', expires: '2026-12-16' },
            { id: 'W-LATER', expires: '2027-06-30' },
            { id: 'W-LAPSED', expires: '2026-11-01' },
            { id: 'W-RECORDED-EXPIRED', state: 'expired', expires: '2026-06-01', appliedTo: [] },
            { id: 'W-OTHER', state: 'other-sut' },
            { id: 'W-FUTURE', state: 'not-yet-valid' },
          ],
        }),
      ],
      { ...OPTIONS, ...(nextMeeting ? { nextMeeting } : {}) },
    ).waivers;

  test('active ones for the system, soonest expiry first, with days to expiry from the report day', () => {
    const list = waivers('2026-12-16');
    assert.deepEqual(
      list.map((w) => [w.id, w.daysToExpiry, w.standing]),
      [
        ['W-RECORDED-EXPIRED', -177, 'expired'],
        ['W-LAPSED', -24, 'expired'],
        ['W-SOON', 15, 'expires-before-meeting'],
        ['W-MEETING-DAY', 21, 'expires-before-meeting'],
        ['W-LATER', 217, 'active'],
      ],
    );
    assert.equal(list[2]?.reason, 'dispensation while MedCom aligns the sources');
    assert.equal(list[2]?.approvedBy, 'MedCom standardiseringsgruppen');
    assert.deepEqual(list[2]?.checkpoints, ['DK-3.3.1.25']);
  });

  test('without a next meeting nothing is highlighted, expired is still flagged', () => {
    assert.deepEqual(
      waivers().map((w) => w.standing),
      ['expired', 'expired', 'active', 'active', 'active'],
    );
  });

  test('only the latest runs count: a waiver dropped from the register is gone; the same id is listed once', () => {
    const model = buildStatusModel(
      [
        run({ at: '2026-03-01', waivers: [{ id: 'W-DROPPED' }] }),
        run({
          at: '2026-10-01',
          protocols: [
            { id: 'diagnosekort', approval: 'Delvist godkendt' },
            { id: 'laboratoriesvar', approval: 'Delvist godkendt' },
          ],
          waivers: [{ id: 'W-KEPT', appliedTo: ['DK-3.3.1.25'] }],
        }),
        run({
          at: '2026-10-02',
          protocols: [{ id: 'laboratoriesvar', approval: 'Delvist godkendt' }],
          waivers: [{ id: 'W-KEPT', appliedTo: ['LAB-1'] }],
        }),
      ],
      OPTIONS,
    );
    assert.deepEqual(
      model.waivers.map((w) => [w.id, w.appliedTo]),
      [['W-KEPT', ['DK-3.3.1.25', 'LAB-1']]],
    );
  });
});

describe('changes since a day', () => {
  const history = [
    // CGM XMO: Delvist → Godkendt by MedCom's certification (newly approved)
    run({ at: '2026-06-01', vendor: 'CGM', system: 'XMO', protocols: [{ approval: 'Delvist godkendt' }] }),
    run({
      at: '2026-10-05',
      vendor: 'CGM',
      system: 'XMO',
      mode: 'certify',
      protocols: [{ approval: 'Godkendt' }],
    }),
    // Novax: Godkendt → Ikke godkendt (regression)
    run({ at: '2026-05-01', vendor: 'Novax A/S', system: 'Novax', protocols: [{ approval: 'Godkendt' }] }),
    run({
      at: '2026-10-20',
      vendor: 'Novax A/S',
      system: 'Novax',
      protocols: [{ approval: 'Ikke godkendt' }],
    }),
    // Clinea: Ikke → Delvist (improved), and 1.1.0 tested for the first time
    run({ at: '2026-04-01', protocols: [{ approval: 'Ikke godkendt' }] }),
    run({
      at: '2026-11-01',
      protocols: [{ approval: 'Delvist godkendt' }, { version: '1.1.0', approval: 'Ikke godkendt' }],
    }),
    // Vena: unchanged since (its only run is older)
    run({
      at: '2026-09-01',
      vendor: 'Vena',
      system: 'VENA LPS',
      protocols: [{ approval: 'Delvist godkendt' }],
    }),
    // Vena: Godkendt again, twice, since the day: not a change
    run({
      at: '2026-09-01',
      vendor: 'Vena',
      system: 'VENA LPS',
      protocols: [{ version: '0.9.0', approval: 'Godkendt' }],
    }),
    run({
      at: '2026-10-01',
      vendor: 'Vena',
      system: 'VENA LPS',
      protocols: [{ version: '0.9.0', approval: 'Godkendt' }],
    }),
  ];
  const changes = buildStatusModel(history, { ...OPTIONS, since: '2026-09-15' }).changes;
  const names = (list: NonNullable<typeof changes>['approved']) =>
    list.map((c) => `${c.system.system} ${c.protocol.version}: ${c.before ?? '-'} → ${c.after}`);

  test('newly approved, regressions, improvements and first tests of a protocol version', () => {
    assert.equal(changes?.since, '2026-09-15');
    assert.deepEqual(names(changes?.approved ?? []), ['XMO 1.0.0: Delvist godkendt → Godkendt']);
    assert.deepEqual(names(changes?.regressions ?? []), ['Novax 1.0.0: Godkendt → Ikke godkendt']);
    assert.deepEqual(names(changes?.improved ?? []), ['Clinea 1.0.0: Ikke godkendt → Delvist godkendt']);
    assert.deepEqual(names(changes?.firstTested ?? []), ['Clinea 1.1.0: - → Ikke godkendt']);
  });

  test('a first test that is approved is a new approval too; no since, no changes', () => {
    const model = buildStatusModel([run({ at: '2026-10-01', mode: 'certify' })], {
      ...OPTIONS,
      since: '2026-09-15',
    });
    assert.equal(model.changes?.approved.length, 1);
    assert.equal(model.changes?.firstTested.length, 1);
    assert.equal(buildStatusModel(history, OPTIONS).changes, undefined);
  });

  test('a self-test without failures is never a new approval: at most an improvement', () => {
    const model = buildStatusModel(
      [
        run({ at: '2026-06-01', protocols: [{ approval: 'Ikke godkendt' }] }),
        run({ at: '2026-10-01', protocols: [{ approval: 'Godkendt' }] }),
      ],
      { ...OPTIONS, since: '2026-09-15' },
    );
    assert.deepEqual(model.changes?.approved, []);
    assert.deepEqual(
      model.changes?.improved.map((c) => `${c.beforeMode} ${c.before} → ${c.mode} ${c.after}`),
      ['self-test Ikke godkendt → self-test Godkendt'],
    );
  });
});

describe('dates', () => {
  test('only real calendar days are days', () => {
    assert.ok(isDay('2026-02-28'));
    assert.ok(isDay('2028-02-29'));
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '26-01-01',
      '2026-1-1',
      'tomorrow',
      '2026-01-01T00:00:00Z',
    ])
      assert.ok(!isDay(bad), bad);
  });

  test('days between count whole UTC days', () => {
    assert.equal(daysBetween('2026-11-25', '2026-12-10'), 15);
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2, 'across the switch to summer time');
    assert.equal(daysBetween('2026-11-25', '2026-11-01'), -24);
  });
});

describe('a report that cannot mislead', () => {
  const only = (model: StatusModel) => [...model.cells.values()][0];

  test('a run that judged nothing (0 passed, 50 pending) is Ikke testet, not Delvist godkendt', () => {
    const model = buildStatusModel(
      [run({ at: '2026-10-01', protocols: [{ approval: 'Delvist godkendt', nothingJudged: true }] })],
      OPTIONS,
    );
    const cell = only(model);
    assert.equal(cell?.latest.approval, 'not-tested');
    assert.equal(cell?.latest.recordedApproval, 'Delvist godkendt');
    assert.equal(model.totals.notTested, 1);
    assert.equal(model.totals.selfTest['Delvist godkendt'], 0);
  });

  test('a run that judged nothing never replaces one that judged', () => {
    const model = buildStatusModel(
      [
        run({ at: '2026-09-01', protocols: [{ approval: 'Godkendt' }] }),
        run({ at: '2026-10-01', protocols: [{ approval: 'Delvist godkendt', nothingJudged: true }] }),
      ],
      OPTIONS,
    );
    const cell = only(model);
    assert.equal(cell?.latest.approval, 'Godkendt');
    assert.equal(cell?.newerSelfTest?.approval, 'not-tested');
  });

  test('approval totals count certifications only; self-tests apart', () => {
    const model = buildStatusModel(
      [
        run({ at: '2026-09-01', mode: 'certify', system: 'A', protocols: [{ approval: 'Godkendt' }] }),
        run({ at: '2026-09-01', system: 'B', protocols: [{ approval: 'Godkendt' }] }),
        run({ at: '2026-09-01', system: 'C', protocols: [{ approval: 'Ikke godkendt' }] }),
      ],
      OPTIONS,
    );
    assert.deepEqual(model.totals, {
      certify: { Godkendt: 1, 'Delvist godkendt': 0, 'Ikke godkendt': 0 },
      selfTest: { Godkendt: 1, 'Delvist godkendt': 0, 'Ikke godkendt': 1 },
      notTested: 0,
    });
  });

  test("a cell knows its failed, waived and pending checkpoints with number, title and grade, in the record's order", () => {
    const model = buildStatusModel(
      [
        run({
          at: '2026-09-01',
          protocols: [{ approval: 'Ikke godkendt', waived: [{ id: 'W-1', expires: '2027-01-01' }] }],
        }),
      ],
      OPTIONS,
    );
    assert.deepEqual(
      only(model)?.latest.open.map((o) => `${o.status} ${o.id} ${o.grade} ${o.title} ${o.waiverId ?? ''}`),
      ['failed DK-3.3.1.11 F2 Tillægstekst deles ikke ', 'waived DK-9.0 F2 DK-9.0 W-1'],
    );
  });

  test('a waiver the run judged expired (--as-of) is listed as expired, though the report day lies before its expiry', () => {
    const model = buildStatusModel(
      [
        run({
          at: '2026-11-20',
          waiversJudgedAt: '2027-01-15T12:00:00.000Z',
          protocols: [{ approval: 'Ikke godkendt' }],
          waivers: [{ id: 'W-LATE', state: 'expired', expires: '2026-12-26', appliedTo: [] }],
        }),
      ],
      OPTIONS,
    );
    const [waiver] = model.waivers;
    assert.equal(waiver?.daysToExpiry, 31, 'from the report day');
    assert.equal(waiver?.standing, 'expired', 'as the run judged it');
    assert.equal(waiver?.judgedOn, '2027-01-15');
    assert.equal(waiver?.expiredAtRun, true);
  });

  test('a page per system: its runs per protocol version, oldest first, with a readable unique file name', () => {
    const model = buildStatusModel(
      [
        run({ at: '2026-09-01', vendor: 'Øst A/S', system: 'Læge', protocols: [{ approval: 'Godkendt' }] }),
        run({
          at: '2026-10-01',
          vendor: 'Øst A/S',
          system: 'Læge',
          protocols: [{ approval: 'Ikke godkendt' }],
        }),
        run({ at: '2026-10-01', vendor: 'Øst', system: 'A/S Læge', protocols: [{ approval: 'Godkendt' }] }),
      ],
      OPTIONS,
    );
    assert.deepEqual(
      model.histories.map((h) => h.slug),
      ['oest-a-s-laege', 'oest-a-s-laege-2'],
    );
    const twice = model.histories.find((h) => h.system.vendor === 'Øst A/S');
    assert.deepEqual(
      twice?.protocols[0]?.runs.map((r) => r.approval),
      ['Godkendt', 'Ikke godkendt'],
    );
  });
});

describe('signatures', () => {
  const signed = (spec: Parameters<typeof run>[0], signature: SignatureCheck) => ({
    ...run(spec),
    signature,
  });
  const verified: SignatureCheck = {
    state: 'verified',
    signer: 'CN=MedCom',
    signedAt: '2026-10-01T10:00:00Z',
  };
  const intact: SignatureCheck = {
    state: 'not-checked',
    signer: 'CN=MedCom',
    signedAt: '2026-10-01T10:00:00Z',
  };
  const broken: SignatureCheck = {
    state: 'not-verified',
    failure: 'evidence-changed',
    file: 'evidence/a.json',
    detail: 'does not match',
  };

  test('a certification whose signature does not verify never counts: the older one does, the broken one is beside it', () => {
    const runs = [
      signed({ at: '2026-09-01', mode: 'certify', protocols: [{ approval: 'Ikke godkendt' }] }, intact),
      signed({ at: '2026-10-01', mode: 'certify', protocols: [{ approval: 'Godkendt' }] }, broken),
    ];
    const model = buildStatusModel(runs, OPTIONS);
    const c = cell(model);
    assert.equal(c?.latest.approval, 'Ikke godkendt');
    assert.equal(c?.refusedCertification?.refused, true);
    assert.equal(c?.refusedCertification?.approval, 'not-tested');
    assert.equal(c?.refusedCertification?.recordedApproval, 'Godkendt');
    assert.deepEqual(model.signatures, { checked: false, refused: 1 });
    assert.equal(model.totals.certify.Godkendt, 0);
    assert.equal(model.totals.certify['Ikke godkendt'], 1);
  });

  test('without a trust anchor an unsigned certification counts (marked); with one only a verified certification counts', () => {
    const runs = [
      signed({ at: '2026-09-01', mode: 'certify', protocols: [{ approval: 'Godkendt' }] }, verified),
      signed(
        { at: '2026-10-01', mode: 'certify', protocols: [{ approval: 'Ikke godkendt' }] },
        {
          state: 'not-signed',
        },
      ),
      // A self-test is never refused for its signature: it approves nothing anyway.
      signed({ at: '2026-08-01', protocols: [{ approval: 'Godkendt' }] }, broken),
    ];
    const open = buildStatusModel(runs, OPTIONS);
    assert.equal(cell(open)?.latest.approval, 'Ikke godkendt');
    assert.equal(cell(open)?.latest.signature?.state, 'not-signed');
    assert.deepEqual(open.signatures, { checked: false, refused: 0 });
    const checked = buildStatusModel(runs, { ...OPTIONS, signaturesChecked: true });
    assert.equal(cell(checked)?.latest.approval, 'Godkendt');
    assert.equal(cell(checked)?.latest.signature?.state, 'verified');
    assert.equal(cell(checked)?.refusedCertification?.signature?.state, 'not-signed');
    assert.deepEqual(checked.signatures, { checked: true, refused: 1 });
    assert.equal(checked.totals.certify.Godkendt, 1);
  });
});
