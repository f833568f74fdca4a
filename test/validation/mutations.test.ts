// Each mutation of a conforming official example is rejected, and the error names the element that was broken.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ValidationIssue } from '../../src/validation/validator/issue.ts';
import {
  CONDITIONLIST_BUNDLE,
  entry,
  errors,
  exampleValidators,
  example,
  HOMECARE_MESSAGE,
  show,
} from './support.ts';

const { conditionList, homeCare } = await exampleValidators();

type Json = Record<string, unknown>;
type Expected = { location: string; elementId: string; code: ValidationIssue['code']; message?: RegExp };

// conditionlist-example-2-maximum: entry 0 Composition, 1 Patient, 2 Organization, 3 Practitioner, 4-6 Conditions.
const MAXIMUM = 'conditionlist-example-2-maximum.json';
const CONDITION = 'Bundle.entry[4].resource';

const CONDITIONLIST_MUTATIONS: [string, (b: Json) => void, Expected][] = [
  [
    'missing recordedDate',
    (b) => delete entry(b, 4).recordedDate,
    { location: `${CONDITION}.recordedDate`, elementId: 'Condition.recordedDate', code: 'cardinality' },
  ],
  [
    'wrong Composition.status',
    (b) => (entry(b, 0).status = 'preliminary'),
    {
      location: 'Bundle.entry[0].resource.status',
      elementId: 'Composition.status',
      code: 'pattern',
      message: /"final"/,
    },
  ],
  [
    'Composition.status outside its required value set',
    (b) => (entry(b, 0).status = 'draft'),
    { location: 'Bundle.entry[0].resource.status', elementId: 'Composition.status', code: 'binding' },
  ],
  [
    'unknown element',
    (b) => (entry(b, 4).severityLevel = 'high'),
    { location: `${CONDITION}.severityLevel`, elementId: 'Condition', code: 'unknown-element' },
  ],
  [
    'unknown element that Medplum adds to Meta',
    (b) => ((entry(b, 4).meta as Json).project = 'x'),
    { location: `${CONDITION}.meta.project`, elementId: 'Meta', code: 'unknown-element' },
  ],
  [
    'wrong code system for Composition.type',
    (b) => (((entry(b, 0).type as Json).coding as Json[])[0]!.system = 'http://snomed.info/sct'),
    { location: 'Bundle.entry[0].resource.type', elementId: 'Composition.type', code: 'pattern' },
  ],
  [
    'wrong code system for the diagnosis status',
    (b) => (((entry(b, 4).category as Json[])[1]!.coding as Json[])[0]!.system = 'http://example.org/status'),
    {
      location: `${CONDITION}.category[1].coding[0].system`,
      elementId: 'Condition.category:status.coding.system',
      code: 'pattern',
    },
  ],
  [
    'broken reference from the Composition',
    (b) =>
      (((entry(b, 0).section as Json[])[0]!.entry as Json[])[0]!.reference = 'Condition/not-in-the-document'),
    {
      location: 'Bundle.entry[0].resource.section[0].entry[0].reference',
      elementId: 'Composition.section.entry',
      code: 'reference',
      message: /does not resolve/,
    },
  ],
  [
    'reference to the wrong resource type',
    (b) => ((entry(b, 4).subject as Json).reference = `Organization/${String(entry(b, 2).id)}`),
    {
      location: `${CONDITION}.subject.reference`,
      elementId: 'Condition.subject',
      code: 'reference',
      message: /Organization/,
    },
  ],
  [
    'wrong cardinality in a slice: two SKS-D codings',
    (b) => {
      const coding = (entry(b, 4).code as Json).coding as Json[];
      coding.push({ system: 'urn:oid:1.2.208.176.2.4.12', code: 'DE109' });
    },
    {
      location: `${CONDITION}.code.coding`,
      elementId: 'Condition.code.coding:SKS-D',
      code: 'slicing',
      message: /at most 1/,
    },
  ],
  [
    'wrong cardinality in a slice: the diagnosis status missing',
    (b) => (entry(b, 4).category = [(entry(b, 4).category as Json[])[0]]),
    {
      location: `${CONDITION}.category`,
      elementId: 'Condition.category:status',
      code: 'slicing',
      message: /missing/,
    },
  ],
  [
    'an author that matches no slice of a closed slicing',
    (b) => (entry(b, 0).author as Json[]).push({ reference: `Patient/${String(entry(b, 1).id)}` }),
    { location: 'Bundle.entry[0].resource.author[2]', elementId: 'Composition.author', code: 'slicing' },
  ],
  [
    'a code outside a required value set',
    (b) =>
      (entry(b, 4).clinicalStatus = {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'gone' }],
      }),
    { location: `${CONDITION}.clinicalStatus`, elementId: 'Condition.clinicalStatus', code: 'binding' },
  ],
  [
    'a date that is not in the calendar',
    (b) => (entry(b, 4).recordedDate = '2024-02-30'),
    { location: `${CONDITION}.recordedDate`, elementId: 'Condition.recordedDate', code: 'type' },
  ],
  [
    'a script in the narrative (txt-1); xml:lang as the IG Publisher writes it is accepted',
    (b) =>
      (entry(b, 0).text = {
        status: 'generated',
        div: '<div xmlns="http://www.w3.org/1999/xhtml" xml:lang="da" lang="da"><p>x</p><script>alert(1)</script></div>',
      }),
    {
      location: 'Bundle.entry[0].resource.text.div',
      elementId: 'Narrative.div',
      code: 'invariant',
      message: /txt-1/,
    },
  ],
  [
    'an entry without meta.profile is still held to the profile of the reference to it',
    (b) => {
      delete entry(b, 4).meta;
      delete entry(b, 4).recordedDate;
    },
    { location: `${CONDITION}.recordedDate`, elementId: 'Condition.recordedDate', code: 'cardinality' },
  ],
];

for (const [name, mutate, expected] of CONDITIONLIST_MUTATIONS) {
  test(`ConditionList mutation rejected: ${name}`, () => {
    assert.deepEqual(errors(conditionList.validate(example(MAXIMUM)).issues), [], 'the example conforms');
    const bundle = example(MAXIMUM);
    mutate(bundle);
    const { valid, issues } = conditionList.validate(bundle, { profile: CONDITIONLIST_BUNDLE });
    assert.equal(valid, false);
    assertError(issues, expected);
  });
}

// homecareobservation-r1-3.3.1.1-basic: 0 MessageHeader, 2 DiagnosticReport, 3 PractitionerRole, 7 Provenance.
const BASIC = 'homecareobservation-r1-3.3.1.1-basic.json';

const HOMECARE_MUTATIONS: [string, (b: Json) => void, Expected][] = [
  [
    'the MessageHeader no longer conforms (conformsTo() invariant)',
    (b) => ((entry(b, 0).eventCoding as Json).code = 'other-message'),
    { location: 'Bundle', elementId: 'Bundle', code: 'invariant', message: /medcom-homecareObsMessage-1/ },
  ],
  [
    'a Provenance activity outside the value set (memberOf() invariant)',
    (b) => (((entry(b, 7).activity as Json).coding as Json[])[0]!.code = 'unknown-activity'),
    { location: 'Bundle', elementId: 'Bundle', code: 'invariant', message: /medcom-homecareObsMessage-2/ },
  ],
  [
    'the performing PractitionerRole has no role code (resolve() invariant)',
    (b) => delete entry(b, 3).code,
    {
      location: 'Bundle.entry[2].resource.performer[1]',
      elementId: 'DiagnosticReport.performer:PractitionerRole',
      code: 'invariant',
      message: /medcom-homecareReport-1/,
    },
  ],
];

for (const [name, mutate, expected] of HOMECARE_MUTATIONS) {
  test(`HomeCareObservation mutation rejected: ${name}`, () => {
    const bundle = example(BASIC);
    mutate(bundle);
    const { valid, issues } = homeCare.validate(bundle, { profile: HOMECARE_MESSAGE });
    assert.equal(valid, false);
    assertError(issues, expected);
  });
}

test('a single resource is validated against its declared profile', () => {
  const condition = entry(example(MAXIMUM), 4);
  assert.deepEqual(errors(conditionList.validate(condition).issues), []);
  delete condition.recordedDate;
  assertError(conditionList.validate(condition).issues, {
    location: 'Condition.recordedDate',
    elementId: 'Condition.recordedDate',
    code: 'cardinality',
  });
});

function assertError(issues: readonly ValidationIssue[], expected: Expected): void {
  const hit = errors(issues).find(
    (i) =>
      i.location === expected.location &&
      i.elementId === expected.elementId &&
      i.code === expected.code &&
      (!expected.message || expected.message.test(i.message)),
  );
  assert.ok(
    hit,
    `expected ${expected.code} error on ${expected.elementId} at ${expected.location}, got:\n${show(issues)}`,
  );
}
