// The supplementary HomeCareObservation variant certbench sends (KP-CB-3/4: fields in the shapes MedCom's examples do
// not use) conforms to HomeCareObservation 1.2.1: a check on it may only fail what a conforming receiver gets wrong.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadExample } from '../../src/rules/homecare/examples.ts';
import { freshMessage, inOtherShapes } from '../../src/rules/homecare/variants.ts';
import { errors, exampleValidators, HOMECARE_MESSAGE, show } from './support.ts';

const { homeCare } = await exampleValidators();

test('the other valid shapes of R1-3.3.1.1 give no errors under HomeCareObservation 1.2.1', () => {
  const bundle = inOtherShapes(freshMessage(loadExample('R1-3.3.1.1'), new Date('2026-03-02T09:15:00Z')));
  const { issues, valid } = homeCare.validate(bundle, {
    profile: HOMECARE_MESSAGE,
  });
  assert.equal(show(errors(issues)), '');
  assert.equal(valid, true);
});
