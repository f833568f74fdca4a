// The SubmissionSet of an ITI-65 Provide Document Bundle (IHE MHD 4.2 Minimal SubmissionSet), as DK-MHD-1 judges it,
// and the empty JSON elements DK-XDS-10 finds in the sharing metadata.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyJsonElements } from '../../src/fhir/structural.ts';
import { submissionSetProblems } from '../../src/rules/mhd/submission-set-rules.ts';

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
