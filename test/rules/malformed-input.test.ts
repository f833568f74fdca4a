// What a SUT sends is judged, never trusted to have the right shape: malformed elements give problems (a failed
// checkpoint with a message), never an exception (which certbench would report as its own harness error).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveInBundle } from '../../src/fhir/bundle.ts';
import { replacesPrevious } from '../../src/rules/mhd/metadata-rules.ts';

const previous = { resourceType: 'DocumentReference', identifier: [{ value: 'urn:uuid:1' }] };

test('replacesPrevious reports, and does not throw on, relatesTo or identifier of the wrong shape', () => {
  for (const relatesTo of [{ code: 'replaces' }, [null], 'replaces', [{ code: 'replaces', target: 'x' }]]) {
    const problems = replacesPrevious({ resourceType: 'DocumentReference', relatesTo }, previous);
    assert.equal(problems.length, 1, JSON.stringify(relatesTo));
  }
  const oddPrevious = { resourceType: 'DocumentReference', identifier: 'urn:uuid:1' };
  const relatesTo = [{ code: 'replaces', target: { identifier: { value: 'urn:uuid:1' } } }];
  assert.equal(replacesPrevious({ resourceType: 'DocumentReference', relatesTo }, oddPrevious).length, 1);
  assert.deepEqual(replacesPrevious({ resourceType: 'DocumentReference', relatesTo }, previous), []);
});

test('a reference resolves in a Bundle whose fullUrls are null or numbers', () => {
  const bundle = {
    resourceType: 'Bundle',
    entry: [{ fullUrl: null }, { fullUrl: 7 }, { resource: { resourceType: 'Patient', id: 'p1' } }],
  };
  assert.equal(resolveInBundle(bundle, 'Patient/p1')?.id, 'p1');
  assert.equal(resolveInBundle(bundle, 'Patient/p2'), undefined);
});
