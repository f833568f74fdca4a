// LABA and MiBA as certbench hosts them: acknowledgements, duplicates, rejected content, scripted errors, and the
// record of a DELETE (which must never come). Driven through the counterpart interface, without a server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IncomingRequest } from '../../src/counterparts/counterpart.ts';
import { LabDatabaseRecipient } from '../../src/counterparts/lab-database.ts';
import { waitForSubmissions } from '../../src/counterparts/wait.ts';
import type { Exchange } from '../../src/evidence/exchange.ts';
import { crpMessage, ORIGINAL_ID, part } from './fixtures.ts';

function post(recipient: LabDatabaseRecipient, body: unknown, method = 'POST', path = '/fhir') {
  const request: IncomingRequest = {
    method,
    path,
    headers: { 'content-type': 'application/fhir+json' },
    body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    overLimit: false,
  };
  const exchange = { request: { url: `http://127.0.0.1/laba${path}` } } as unknown as Exchange;
  const answer = recipient.handle(request, exchange);
  const ack = answer.body
    ? (JSON.parse(answer.body) as { entry?: { resource: Record<string, unknown> }[] })
    : {};
  const header = ack.entry?.[0]?.resource as
    { response?: { identifier?: string; code?: string } } | undefined;
  return { status: answer.status, response: header?.response, ack };
}

describe('a lab database counterpart', () => {
  it('acknowledges a valid message with ok, naming the acknowledged MessageHeader.id', () => {
    const laba = new LabDatabaseRecipient('laba');
    const answer = post(laba, crpMessage());
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.response, { identifier: ORIGINAL_ID, code: 'ok' });
    assert.equal(laba.count, 1);
    assert.equal(laba.sessionKey, 'laba');
  });

  it('answers a duplicate with ok again, and rejects invalid content with fatal-error', () => {
    const laba = new LabDatabaseRecipient('laba');
    post(laba, crpMessage());
    const duplicate = post(laba, crpMessage());
    assert.equal(duplicate.response?.code, 'ok');
    assert.match(JSON.stringify(duplicate.ack), /duplicate of message/);
    const invalid = crpMessage({ messageId: '11111111-2222-4333-8444-555555555555' });
    part(invalid, 'Observation')['valueQuantity'] = { value: 42 };
    const rejected = post(laba, invalid);
    assert.equal(rejected.response?.code, 'fatal-error');
    assert.match(JSON.stringify(rejected.ack), /has no unit/);
  });

  it('answers the scripted acknowledgement once, and refuses what is not a message Bundle', () => {
    const miba = new LabDatabaseRecipient('miba');
    miba.answerNext('transient-error');
    assert.equal(post(miba, crpMessage()).response?.code, 'transient-error');
    assert.equal(post(miba, crpMessage()).response?.code, 'ok');
    assert.equal(post(miba, { resourceType: 'Bundle', type: 'transaction' }).status, 400);
    assert.equal(post(miba, 'not json').status, 400);
    miba.answerNext('fatal-error');
    miba.resetScript();
    assert.equal(
      post(miba, crpMessage({ messageId: '11111111-2222-4333-8444-555555555555' })).response?.code,
      'ok',
    );
  });

  it('records a DELETE as another request and refuses it', () => {
    const laba = new LabDatabaseRecipient('laba');
    const answer = post(laba, '', 'DELETE', '/fhir/DiagnosticReport?identifier=x');
    assert.equal(answer.status, 405);
    assert.equal(laba.count, 0);
    assert.deepEqual(
      laba.othersSince(0).map((o) => o.method),
      ['DELETE'],
    );
  });

  it('lets a step wait for messages at either database, without failing when none come', async () => {
    const laba = new LabDatabaseRecipient('laba');
    const miba = new LabDatabaseRecipient('miba');
    const waiting = waitForSubmissions(
      [
        { recipient: laba, after: 0 },
        { recipient: miba, after: 0 },
      ],
      1,
      5_000,
    );
    post(miba, crpMessage());
    await waiting;
    const started = Date.now();
    await waitForSubmissions([{ recipient: laba, after: 0 }], 1, 50);
    assert.ok(Date.now() - started >= 45, 'gave up after the timeout');
  });
});
