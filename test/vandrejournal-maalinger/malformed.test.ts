// Metadata of the wrong shape from a SUT (a string where a list belongs, null in a list) is a problem the
// checkpoint reports, never an exception that would become a harness error; and the document identity check
// (GM-3.3.1.5) cannot pass without the document's own id.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderDocument } from '../../reference-gp/pregnancy/submit.ts';
import { oneDocumentOfKind } from '../../src/rules/dsj/gmv2-rules.ts';
import type { Resource } from '../../src/fhir/bundle.ts';
import {
  contentTypeOfFormat,
  documentReferenceIdentifiers,
  formatCode,
  masterIdentifierNamesDocument,
  relatedIdentifiers,
  typeAndClassCode,
} from '../../src/rules/pregnancy/metadata-rules.ts';
import { readSubmission } from '../../src/rules/pregnancy/submission.ts';
import { roundTrip, spec, transaction } from './fixtures.ts';

const reference = (fields: Record<string, unknown>): Resource => ({
  resourceType: 'DocumentReference',
  ...fields,
});

test('type.coding a string, content [null] and a category that is no list are problems', () => {
  assert.match(
    typeAndClassCode(reference({ type: { coding: 'x' }, category: [] }), 'PSCR').join(),
    /type is nothing, expected urn:oid:1.2.208.184.100.1\|PSCR/,
  );
  assert.match(
    typeAndClassCode(reference({ type: 'x', category: { coding: [] } }), 'PSCR').join(),
    /category is \{"coding":\[\]\}, expected a list of objects.*category \(classCode\) is nothing/s,
  );
  assert.match(
    typeAndClassCode(reference({ category: [null, 'x', { coding: [null, 7] }] }), 'PMR').join(),
    /category is \[null,"x",\{"coding":\[null,7\]\}\], expected a list of objects/,
  );
  assert.match(
    typeAndClassCode(reference({ type: { coding: [{ system: 7, code: { a: 1 } }] } }), 'PMR').join(),
    /type is \(no system\)\|\(no code\)/,
  );
  assert.match(
    formatCode(reference({ content: [null] }), 'PMR').join(),
    /content is \[null\], expected a list of objects.*content.format is nothing/s,
  );
  assert.match(formatCode(reference({ content: 'x' }), 'PMR').join(), /content is "x"/);
  assert.match(
    formatCode(reference({ content: [{ format: 'x' }] }), 'PMR').join(),
    /content.format is \(no system\)\|\(no code\)/,
  );
  assert.match(
    contentTypeOfFormat(reference({ content: [null] }), 'cda').join(),
    /contentType is undefined, expected "text\/xml"/,
  );
  assert.match(
    contentTypeOfFormat(reference({ content: [{ attachment: 'x' }] }), 'fhir').join(),
    /contentType is undefined/,
  );
});

test('relatesTo an object or holding null, and identifier a string, are problems', () => {
  assert.deepEqual(
    relatedIdentifiers(
      reference({ relatesTo: { code: 'replaces', target: { identifier: { value: 'a' } } } }),
    ),
    {
      values: [],
      problems: [
        'relatesTo is {"code":"replaces","target":{"identifier":{"value":"a"}}}, expected a list of objects',
      ],
    },
  );
  const withNull = relatedIdentifiers(
    reference({
      relatesTo: [
        null,
        { target: 'x' },
        { target: { identifier: 'y' } },
        { target: { identifier: { value: 'b' } } },
      ],
    }),
  );
  assert.deepEqual(withNull.values, ['b']);
  assert.match(withNull.problems.join(), /relatesTo is \[null,.*expected a list of objects/);
  assert.deepEqual(documentReferenceIdentifiers(reference({ identifier: 'urn:uuid:1' })), {
    values: [],
    problems: ['identifier is "urn:uuid:1", expected a list of objects'],
  });
  assert.deepEqual(
    documentReferenceIdentifiers(reference({ identifier: [null, { value: 'c' }, { value: 3 }] })),
    {
      values: ['c'],
      problems: ['identifier is [null,{"value":"c"},{"value":3}], expected a list of objects'],
    },
  );
  assert.deepEqual(relatedIdentifiers(reference({})), { values: [], problems: [] });
});

test('a GMv2 submission with malformed metadata fails DSJ-3.3.3.1 with problems, never an exception', () => {
  const bytes = renderDocument(spec('PSCR'), 'cda');
  for (const [broken, problem] of [
    [{ type: { coding: 'x' } }, /type is nothing/],
    [{ content: [null] }, /content is \[null\]/],
    [{ category: 'x' }, /category is "x"/],
  ] as const) {
    const submission = readSubmission(transaction(bytes, { ...broken }));
    // The kind is still told by the document itself.
    assert.match(oneDocumentOfKind([submission], 'PSCR', 'cda', 1).join('\n'), problem);
  }
});

test('GM-3.3.1.5: a FHIR Bundle without identifier names no document id; with it the master must match', () => {
  const s = spec('PSCR');
  const master = reference({ masterIdentifier: { value: `urn:uuid:${s.documentId}` } });
  const withId = roundTrip('fhir', s);
  assert.deepEqual(masterIdentifierNamesDocument(master, withId.document, withId.bundle), []);
  const withoutId = roundTrip('fhir', s, { fhir: (b) => delete b.identifier });
  assert.match(
    masterIdentifierNamesDocument(master, withoutId.document, withoutId.bundle).join(),
    /the Bundle has no identifier.value/,
  );
  assert.match(
    masterIdentifierNamesDocument(
      reference({ masterIdentifier: { value: 'urn:uuid:00000000-0000-4000-8000-000000000000' } }),
      withId.document,
      withId.bundle,
    ).join(),
    /expected the document's id "urn:uuid:/,
  );
  assert.match(
    masterIdentifierNamesDocument(
      reference({ masterIdentifier: 'x' }),
      withId.document,
      withId.bundle,
    ).join(),
    /masterIdentifier has no value/,
  );
  const cda = roundTrip('cda', s);
  assert.deepEqual(masterIdentifierNamesDocument(master, cda.document), []);
});
