// The acknowledgement rules: the reference GP's acknowledgements pass them; acknowledgements that break MedCom's
// rules, and answers that are no acknowledgement at all, fail them with a message saying what is wrong.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acknowledgement } from '../../reference-gp/homecare/ack.ts';
import { MEDCOM_DETAILS } from '../../reference-gp/homecare/read.ts';
import type { AckContent } from '../../reference-gp/homecare/records.ts';
import type { Resource } from '../../src/fhir/bundle.ts';
import {
  ackContent,
  ackProblems,
  ackProvenanceProblems,
  readAck,
  type HttpAnswer,
} from '../../src/rules/acknowledgement/ack-rules.ts';
import { envelopeFields, wrapInSbdh } from '../../src/rules/homecare/sbdh.ts';
import { freshMessage } from '../../src/rules/homecare/variants.ts';
import { loadExample } from '../../src/rules/homecare/examples.ts';

const MESSAGE_ID = '8a60aabe-5282-4cbf-9d2f-111111111111';
const PARTIES = { senderGln: '5790002757778', receiverGln: '5790000147465' };
const OK: AckContent = { code: 'ok', issues: [] };
const TOO_LONG: AckContent = {
  code: 'fatal-error',
  issues: [
    {
      severity: 'error',
      code: 'invalid',
      detail: { system: MEDCOM_DETAILS, code: 'MSG_Element_To_Long' },
      text: 'result too long',
    },
  ],
};

function ack(content: AckContent, faults: string[] = []): Resource {
  return acknowledgement(
    MESSAGE_ID,
    'bundle-id',
    content,
    PARTIES,
    new Date(),
    new Set(faults) as never,
  ) as Resource;
}

function answer(body: string, contentType = 'application/fhir+json', status = 200): HttpAnswer {
  return { status, contentType, body: Buffer.from(body) };
}

test('the reference GP acknowledgements pass the rules', () => {
  assert.deepEqual(ackProblems(ack(OK), MESSAGE_ID, 'ok'), []);
  assert.deepEqual(ackProvenanceProblems(ack(OK), MESSAGE_ID), []);
  assert.deepEqual(ackProblems(ack(TOO_LONG), MESSAGE_ID, 'fatal-error'), []);
});

test('an acknowledgement with the wrong code, identifier or no Provenance fails', () => {
  assert.deepEqual(ackProblems(ack(OK), MESSAGE_ID, 'fatal-error').length > 0, true);
  assert.match(
    ackProblems(ack(OK), 'another-id', 'ok').join(),
    /response.identifier is "8a60aabe.*expected the acknowledged MessageHeader.id "another-id"/,
  );
  assert.match(
    ackProvenanceProblems(ack(OK, ['hco-ack-without-provenance']), MESSAGE_ID).join(),
    /no Provenance targeting its MessageHeader/,
  );
});

test('a negative acknowledgement needs an OperationOutcome with an error and a MedCom detail code', () => {
  const withoutOutcome = ack(TOO_LONG);
  withoutOutcome['entry'] = (withoutOutcome['entry'] as Resource[]).filter(
    (e) => (e as { resource?: Resource }).resource?.resourceType !== 'OperationOutcome',
  );
  const problems = ackProblems(withoutOutcome, MESSAGE_ID, 'fatal-error').join('; ');
  assert.match(problems, /medcom-acknowledgement-1/);
  assert.match(problems, /no issue with severity error/);
  const ownCode = ack({
    code: 'fatal-error',
    issues: [
      { severity: 'error', code: 'invalid', detail: { system: 'urn:vendor', code: 'E42' }, text: 'bad' },
    ],
  });
  assert.match(
    ackProblems(ownCode, MESSAGE_ID, 'fatal-error').join(),
    /no issue detail code from medcom-acknowledgement-issue-details \(found urn:vendor\|E42\)/,
  );
});

test('the same acknowledgement content for a duplicate ignores new ids and times', () => {
  assert.equal(ackContent(ack(OK)), ackContent(ack(OK)));
  assert.notEqual(ackContent(ack(OK)), ackContent(ack(TOO_LONG)));
});

test('answers that are no acknowledgement are named as such', () => {
  assert.match(readAck(answer('boom', 'text/plain', 500)).problems.join(), /answered HTTP 500 \(boom\)/);
  assert.match(readAck(answer('OK', 'text/plain')).problems.join(), /content type "text\/plain"/);
  assert.match(readAck(answer('{"resourceType":', 'application/fhir+json')).problems.join(), /not JSON/);
  assert.match(
    readAck(answer('{"resourceType":"OperationOutcome"}')).problems.join(),
    /a OperationOutcome, expected/,
  );
  assert.match(
    readAck(answer('<html/>', 'text/html')).problems.join(),
    /neither a FHIR acknowledgement nor an SBDH/,
  );
});

test('an acknowledgement inside an SBDH envelope is read', () => {
  const bundle = freshMessage(loadExample('R1-3.3.1.1'), new Date());
  const envelope = wrapInSbdh(ack(OK) as unknown as fhir4.Bundle, envelopeFields(bundle, new Date()));
  const read = readAck(answer(envelope, 'application/xml'));
  assert.deepEqual(read.problems, []);
  assert.deepEqual(ackProblems(read.ack as Resource, MESSAGE_ID, 'ok'), []);
});
