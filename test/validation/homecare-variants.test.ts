// The supplementary HomeCareObservation variants certbench sends as valid (KP-CB-3/4: fields in the shapes MedCom's
// examples do not use; KP-3.2.2.5-b: an attachment without author; KP-CORR-5: a correction that adds a result)
// conform to HomeCareObservation 1.2.1: a check on them may only fail what a conforming receiver gets wrong.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadExample } from '../../src/rules/homecare/examples.ts';
import {
  correctionOfElement,
  freshMessage,
  inOtherShapes,
  withAttachmentWithoutAuthor,
  withSignerByFamilyName,
} from '../../src/rules/homecare/variants.ts';
import { errors, exampleValidators, HOMECARE_MESSAGE, show } from './support.ts';

const { homeCare } = await exampleValidators();
const now = new Date('2026-03-02T09:15:00Z');

function assertValid(bundle: fhir4.Bundle): void {
  const { issues, valid } = homeCare.validate(bundle, { profile: HOMECARE_MESSAGE });
  assert.equal(show(errors(issues)), '');
  assert.equal(valid, true);
}

test('the other valid shapes of R1-3.3.1.1 give no errors under HomeCareObservation 1.2.1', () => {
  assertValid(inOtherShapes(freshMessage(loadExample('R1-3.3.1.1'), now)));
});

test('R1-3.3.1.1 with the signer named by the family name alone gives no errors under HomeCareObservation 1.2.1', () => {
  assertValid(withSignerByFamilyName(freshMessage(loadExample('R1-3.3.1.1'), now)));
});

test('R1-3.3.2.4 without the attachment author gives no errors under HomeCareObservation 1.2.1', () => {
  assertValid(withAttachmentWithoutAuthor(freshMessage(loadExample('R1-3.3.2.4'), now)));
});

test('a correction of R1-3.3.2.1 that adds a result gives no errors under HomeCareObservation 1.2.1', () => {
  const sent = freshMessage(loadExample('R1-3.3.2.1'), now);
  assertValid(correctionOfElement(sent, new Date('2026-03-02T10:15:00Z'), 'results: one added'));
});
