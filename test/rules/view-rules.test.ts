import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSTEM } from '../../src/fhir/identifiers.ts';
import { viewShowsCard, type CardDiagnosis } from '../../src/rules/conditionlist/view-rules.ts';

const diabetes: CardDiagnosis = {
  ref: 'diabetes',
  codes: [
    { system: SYSTEM.icpc2, code: 'T90', display: 'Diabetes Type 2' },
    { system: SYSTEM.sksD, code: 'DE119a' },
  ],
  status: 'current',
};
const depression: CardDiagnosis = {
  ref: 'depression',
  codes: [{ system: SYSTEM.sksD, code: 'DF339', display: 'Periodisk depression UNS' }],
  status: 'current',
  private: true,
};
const shown = (d: CardDiagnosis, extra: Record<string, unknown> = {}) => ({
  codes: d.codes,
  text: d.codes.find((c) => c.system === SYSTEM.sksD)?.display ?? d.codes.find((c) => c.display)?.display,
  status: d.status,
  private: d.private === true,
  ...extra,
});

test('a view showing the card as registered, the Private marking included, passes', () => {
  assert.deepEqual(viewShowsCard([shown(diabetes), shown(depression)], [diabetes, depression]), []);
});

test('a wrong status, a lost Private marking, a missing or an extra diagnosis are named', () => {
  const problems = viewShowsCard(
    [shown(diabetes, { status: 'resolved' }), shown(depression, { private: false })],
    [diabetes, depression],
  );
  assert.equal(problems.length, 2);
  assert.match(problems[0] ?? '', /status "resolved"/);
  assert.match(problems[1] ?? '', /not marked Private/);
  assert.match(viewShowsCard([], [diabetes])[0] ?? '', /is not shown/);
  assert.match(viewShowsCard([shown(diabetes)], [])[0] ?? '', /is not on it/);
  assert.match(viewShowsCard({}, [])[0] ?? '', /not a list/);
});

test('the tillægstekst registered is shown as registered; a diagnosis registered without one may show none', () => {
  const noted: CardDiagnosis = { ...diabetes, note: 'Ingen insulin' };
  assert.deepEqual(viewShowsCard([shown(noted, { note: 'Ingen insulin' })], [noted]), []);
  assert.deepEqual(viewShowsCard([shown(diabetes)], [diabetes]), []);
  assert.match(
    viewShowsCard([shown(noted)], [noted])[0] ?? '',
    /tillægstekst undefined, registered "Ingen insulin"/,
  );
  assert.match(
    viewShowsCard([shown(noted, { note: 'Insulin' })], [noted])[0] ?? '',
    /tillægstekst "Insulin"/,
  );
});
