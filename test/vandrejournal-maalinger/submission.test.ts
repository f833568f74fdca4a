// Reading what a SUT submits never throws: garbage in the transaction, the Binary or the document becomes a
// problem a checkpoint reports, and a conforming submission in either format reads back without problems.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderDocument } from '../../reference-gp/pregnancy/submit.ts';
import { formatCode, typeAndClassCode } from '../../src/rules/pregnancy/metadata-rules.ts';
import { readSubmission } from '../../src/rules/pregnancy/submission.ts';
import { FORMATS, spec, transaction } from './fixtures.ts';

test('garbage submissions are problems, never exceptions', () => {
  assert.match(readSubmission(undefined).unpacked.problems.join(), /expected a Bundle of type transaction/);
  assert.equal(readSubmission(transaction(Buffer.from('hello'))).format, undefined);
  const json = readSubmission(transaction(Buffer.from('{"resourceType":"Patient"}')));
  assert.equal(json.format, 'fhir');
  assert.match(json.read?.problems.join() ?? '', /not a FHIR Bundle/);
  const brokenJson = readSubmission(transaction(Buffer.from('{"resourceType":')));
  assert.match(brokenJson.read?.problems.join() ?? '', /not JSON/);
  const xml = readSubmission(transaction(Buffer.from('<ClinicalDocument xmlns="urn:hl7-org:v3"><id root=')));
  assert.equal(xml.format, 'cda');
  assert.match(xml.read?.problems.join() ?? '', /not well-formed XML/);
  const dangling = readSubmission(
    transaction(
      Buffer.from(
        JSON.stringify({
          resourceType: 'Bundle',
          type: 'document',
          entry: [
            {
              resource: {
                resourceType: 'Composition',
                subject: { reference: 'Patient/none' },
                section: [{ entry: [{ reference: 'x' }] }],
              },
            },
          ],
        }),
      ),
    ),
  );
  assert.match(
    dangling.read?.problems.join() ?? '',
    /subject does not resolve.*entry\[0\] does not resolve/s,
  );
});

for (const format of FORMATS)
  test(`${format}: a conforming submission reads back without problems, and its metadata rules name what is wrong`, () => {
    const read = readSubmission(
      transaction(renderDocument(spec('PMR'), format), {
        type: { coding: [{ system: 'urn:oid:1.2.208.184.100.1', code: 'PFR' }] },
      }),
    );
    assert.equal(read.format, format);
    assert.deepEqual(read.read?.problems, []);
    assert.equal(read.read?.document.kind, 'PMR');
    const reference = read.unpacked.documentReference;
    assert.ok(reference);
    assert.match(
      typeAndClassCode(reference, 'PMR').join(),
      /type is urn:oid:1.2.208.184.100.1\|PFR, expected .*\|PMR.*category/s,
    );
    assert.match(
      formatCode(reference, 'PMR').join(),
      /content.format is \(no system\)\|\(no code\), expected .*pmr-v1.0:full/,
    );
  });
