// The SubmissionSet of an ITI-65 Provide Document Bundle (IHE MHD 4.2 Minimal SubmissionSet), as DK-MHD-1 judges it,
// the transaction's entry requests and empty elements (DK-MHD-1), and the empty JSON elements DK-XDS-10 finds in
// the sharing metadata.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyJsonElements } from '../../src/fhir/structural.ts';
import { submissionSetProblems } from '../../src/rules/mhd/submission-set-rules.ts';
import {
  transactionEmptyElements,
  transactionRequestProblems,
  transactionStructureProblems,
} from '../../src/rules/mhd/transaction-rules.ts';

const LIST_TYPES = 'https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes';

function transaction(list: Record<string, unknown> | undefined) {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      ...(list ? [{ fullUrl: 'urn:uuid:s', resource: { resourceType: 'List', ...list } }] : []),
      { fullUrl: 'urn:uuid:d', resource: { resourceType: 'DocumentReference', id: 'd' } },
      { fullUrl: 'urn:uuid:b', resource: { resourceType: 'Binary', id: 'b' } },
    ],
  };
}

const conforming = {
  status: 'current',
  mode: 'working',
  code: { coding: [{ system: LIST_TYPES, code: 'submissionset' }] },
  date: '2026-12-06T10:00:00+01:00',
  entry: [{ item: { reference: 'urn:uuid:d' } }],
};

test('a SubmissionSet listing the DocumentReference passes (by fullUrl or by id; http or https code system)', () => {
  assert.deepEqual(submissionSetProblems(transaction(conforming)), []);
  assert.deepEqual(
    submissionSetProblems(
      transaction({
        ...conforming,
        code: { coding: [{ system: LIST_TYPES.replace('https', 'http'), code: 'submissionset' }] },
        entry: [{ item: { reference: 'DocumentReference/d' } }],
      }),
    ),
    [],
  );
});

test('no SubmissionSet, or a folder instead, fails', () => {
  assert.match(submissionSetProblems(transaction(undefined))[0] ?? '', /has 0 SubmissionSets/);
  assert.match(
    submissionSetProblems(
      transaction({ ...conforming, code: { coding: [{ system: LIST_TYPES, code: 'folder' }] } }),
    )[0] ?? '',
    /has 0 SubmissionSets/,
  );
});

test('mode, status, date and the entry for the DocumentReference are each required', () => {
  assert.deepEqual(
    submissionSetProblems(
      transaction({ ...conforming, date: undefined, mode: 'snapshot', status: '', entry: [] }),
    ),
    [
      'SubmissionSet.mode is "snapshot", expected "working"',
      'SubmissionSet.status is "", expected a List status (current)',
      'SubmissionSet.date is missing',
      'the SubmissionSet has no entry for the DocumentReference urn:uuid:d',
    ],
  );
});

test('empty JSON elements are named by path (FHIR R4 JSON: never empty, never null)', () => {
  assert.deepEqual(
    emptyJsonElements({
      resourceType: 'DocumentReference',
      relatesTo: [],
      content: [{ attachment: { title: '' } }],
      meta: {},
      x: null,
    }),
    [
      'relatesTo is an empty array',
      'content[0].attachment.title is an empty string',
      'meta is an empty object',
      'x is null',
    ],
  );
  assert.deepEqual(
    emptyJsonElements({ resourceType: 'DocumentReference', relatesTo: [{ code: 'replaces' }] }),
    [],
  );
});

const SOURCE_ID = 'https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId';

test('a sourceId, where sent, is an OID (bare or urn:oid:); leaving it out passes (MedCom names no MHD version)', () => {
  const withSourceId = (value: unknown) =>
    submissionSetProblems(
      transaction({ ...conforming, extension: [{ url: SOURCE_ID, valueIdentifier: { value } }] }),
    );
  assert.deepEqual(withSourceId('urn:oid:2.25.268370990553716845366021737054596036830'), []);
  assert.deepEqual(withSourceId('1.2.208.176.1.1'), []);
  for (const bad of [
    '73091000016008',
    'urn:uuid:c9e65f68-b136-4dce-94df-59fc84c0f8de',
    '1.02.3',
    '3.1',
    '',
    undefined,
  ])
    assert.match(withSourceId(bad)[0] ?? '', /sourceId is .*, expected an OID/, String(bad));
  // Another extension is not a sourceId.
  assert.deepEqual(
    submissionSetProblems(
      transaction({ ...conforming, extension: [{ url: 'http://example.org/x', valueString: 'y' }] }),
    ),
    [],
  );
});

function requests(...entries: Record<string, unknown>[]) {
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}
const binary = { resourceType: 'Binary', id: 'b', contentType: 'application/fhir+json' };

test('every transaction entry has a request: POST to its type, PUT to Type/id or Type?search (FHIR R4 bdl-3)', () => {
  assert.deepEqual(
    transactionRequestProblems(
      requests(
        { fullUrl: 'urn:uuid:b', resource: binary, request: { method: 'POST', url: 'Binary' } },
        { fullUrl: 'urn:uuid:c', resource: binary, request: { method: 'PUT', url: 'Binary/b' } },
        {
          fullUrl: 'urn:uuid:e',
          resource: binary,
          request: { method: 'PUT', url: 'Binary?identifier=urn:uuid:e' },
        },
      ),
    ),
    [],
  );
  assert.deepEqual(
    transactionRequestProblems(
      requests(
        { fullUrl: 'urn:uuid:b', resource: binary },
        { resource: binary, request: { method: 'GET', url: 'Binary' } },
        { resource: binary, request: { method: 'POST', url: '' } },
        { resource: binary, request: { method: 'PUT', url: 'Binary' } },
      ),
    ),
    [
      'entry[0] (Binary) has no request (FHIR R4 bdl-3: every transaction entry has one)',
      'entry[1] (Binary): request.method is "GET", expected POST (or PUT) to submit it',
      'entry[2] (Binary): POST to "", expected Binary',
      'entry[3] (Binary): PUT to "Binary", expected Binary/[id] or Binary?[search]',
    ],
  );
});

test('empty elements of the transaction are found outside the DocumentReference (DK-XDS-10 judges that)', () => {
  assert.deepEqual(
    transactionEmptyElements({
      resourceType: 'Bundle',
      meta: { profile: [] },
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:s',
          resource: { resourceType: 'List', identifier: [{ value: '' }] },
          request: {},
        },
        {
          fullUrl: 'urn:uuid:d',
          resource: { resourceType: 'DocumentReference', relatesTo: [] },
          request: { method: 'POST', url: 'DocumentReference' },
        },
        { fullUrl: 'urn:uuid:b', resource: { ...binary, contentType: '' } },
      ],
    }),
    [
      'meta.profile is an empty array',
      'entry[0].resource.identifier[0].value is an empty string',
      'entry[0].request is an empty object',
      'entry[2].resource.contentType is an empty string',
    ],
  );
});

test('the transaction is structurally valid FHIR R4 outside the DocumentReference (DK-XDS-10 validates that)', () => {
  const bundle = (
    list: Record<string, unknown>,
    reference: Record<string, unknown>,
    bin: Record<string, unknown>,
  ) => ({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:s',
        resource: { resourceType: 'List', ...conforming, ...list },
        request: { method: 'POST', url: 'List' },
      },
      {
        fullUrl: 'urn:uuid:d',
        resource: {
          resourceType: 'DocumentReference',
          status: 'current',
          content: [{ attachment: { contentType: 'application/fhir+json' } }],
          ...reference,
        },
        request: { method: 'POST', url: 'DocumentReference' },
      },
      { fullUrl: 'urn:uuid:b', resource: bin, request: { method: 'POST', url: 'Binary' } },
    ],
  });
  assert.deepEqual(transactionStructureProblems(bundle({}, {}, binary)), []);
  const withoutContentType = { resourceType: 'Binary', id: 'b' };
  assert.deepEqual(transactionStructureProblems(bundle({ data: 'x' }, { data: 'x' }, withoutContentType)), [
    'List.data: Unexpected property',
    'Binary.contentType: Missing property',
  ]);
});
