// The EHMI SBDH envelope certbench wraps messages in: its fields follow the message, it reads back, and the
// reference GP's receiving endpoint opens it (and refuses what is not well-formed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openEnvelope } from '../../reference-gp/homecare/envelope.ts';
import { loadExample } from '../../src/rules/homecare/examples.ts';
import { envelopeFields, readSbdh, wrapInSbdh } from '../../src/rules/homecare/sbdh.ts';
import { freshMessage, headerOf } from '../../src/rules/homecare/variants.ts';

const NOW = new Date('2026-06-15T08:00:00Z');

test('the envelope fields follow the message (addendum §D.3)', () => {
  const bundle = freshMessage(loadExample('R1-3.3.1.1'), NOW);
  const fields = envelopeFields(bundle, NOW);
  assert.equal(fields.senderGln, '5790002757778');
  assert.equal(fields.receiverGln, '5790000147465');
  assert.equal(fields.standard, 'homecareobservation-message');
  assert.equal(fields.typeVersion, '1.1');
  assert.equal(fields.created, '2026-06-15T10:00:00+02:00');
  assert.equal(fields.scopes['MESSAGEIDENTIFIER'], headerOf(bundle).id);
  assert.equal(fields.scopes['MESSAGEENVELOPEIDENTIFIER'], bundle.id);
  assert.equal(fields.scopes['SENDERID'], '1267041000016006');
  assert.equal(fields.scopes['RECEIVERID'], '73091000016008');
  assert.equal(fields.scopes['PATIENTID'], '2509479989');
  assert.equal(fields.scopes['PROCESSID'], 'urn:ehmi:sdn-emergence');
  assert.equal(
    fields.scopes['DOCUMENTID'],
    'urn:dk:healthcare:medcom:messaging:fhir:structuredefinition::homecareobservation-message##urn:dk:medcom:fhir:homecareobservation-message::1.1',
  );
});

test('a wrapped message reads back, and the reference GP opens it', () => {
  const bundle = freshMessage(loadExample('3.4.5'), NOW);
  const xml = wrapInSbdh(bundle, envelopeFields(bundle, NOW));
  const read = readSbdh(xml);
  assert.equal(read?.payload, JSON.stringify(bundle));
  assert.equal(read?.mimeType, 'application/fhir+json');
  assert.equal(read?.scopes['MESSAGEIDENTIFIER'], headerOf(bundle).id);
  const opened = openEnvelope(xml, new Set());
  assert.ok(!('error' in opened));
  assert.equal(opened.payload, JSON.stringify(bundle));
  assert.equal(opened.receiverGln, '5790000147465');
  assert.equal(opened.scope('MESSAGEENVELOPEIDENTIFIER'), bundle.id);
});

test('what is not an SBDH is refused with a reason', () => {
  assert.equal(readSbdh('<a/>'), undefined);
  assert.equal(readSbdh('not xml at all <'), undefined);
  const broken = openEnvelope('<StandardBusinessDocument><oops>', new Set());
  assert.ok('error' in broken && /XML Parsing Error/.test(broken.error));
  const other = openEnvelope('<a xmlns="urn:x"/>', new Set());
  assert.ok('error' in other && /HeaderVersion 1.0/.test(other.error));
  const bundle = freshMessage(loadExample('R1-3.3.1.1'), NOW);
  const unversioned = wrapInSbdh(bundle, envelopeFields(bundle, NOW)).replace(
    /<HeaderVersion>1\.0<\/HeaderVersion>/,
    '',
  );
  const refused = openEnvelope(unversioned, new Set());
  assert.ok('error' in refused && /HeaderVersion 1.0/.test(refused.error));
});
