import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RegisteredDiagnosis } from '../../src/rules/conditionlist/registration.ts';
import { viewShowsRegistered } from '../../src/rules/conditionlist/view-rules.ts';

const SKS_D = 'urn:oid:1.2.208.176.2.4.12';
const diabetes: RegisteredDiagnosis = {
  ref: 'diabetes',
  codes: [{ system: SKS_D, code: 'DE119' }],
  text: 'Type 2-diabetes',
  type: 'problem-list-item',
  status: 'current',
};
const depression: RegisteredDiagnosis = {
  ...diabetes,
  ref: 'depression',
  codes: [{ system: SKS_D, code: 'DF329' }],
  text: 'Depression',
  status: 'resolved',
};
const view = (d: RegisteredDiagnosis, status: string = d.status) => ({
  text: d.text,
  status,
  codes: d.codes,
});

test('a view that shows exactly the registered diagnoses passes', () => {
  assert.deepEqual(viewShowsRegistered([view(diabetes), view(depression)], [diabetes, depression]), []);
});

test('a wrong status, a missing, a doubled or an extra diagnosis is named', () => {
  assert.match(
    viewShowsRegistered([view(diabetes), view(depression, 'current')], [diabetes, depression]).join(),
    /"Depression" is shown with status "current", registered resolved/,
  );
  assert.match(
    viewShowsRegistered([view(diabetes)], [diabetes, depression]).join(),
    /"Depression" is shown 0 times/,
  );
  assert.match(
    viewShowsRegistered([view(diabetes), view(diabetes)], [diabetes]).join(),
    /"Type 2-diabetes" is shown 2 times/,
  );
  assert.match(
    viewShowsRegistered([view(diabetes), view(depression)], [diabetes]).join(),
    /"Depression" is shown on the Diagnosekort but was not selected/,
  );
  assert.match(viewShowsRegistered({ items: [] }, [diabetes]).join(), /not a list of diagnoses/);
});
