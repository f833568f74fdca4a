// The birthplace's visitation as certbench hosts it: REF01 interchanges in MedCom XML, posted to <prefix>/xml.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IncomingRequest } from '../../src/counterparts/counterpart.ts';
import { createHospitalReferralRecipient } from '../../src/counterparts/hospital-referral.ts';
import type { Exchange } from '../../src/evidence/exchange.ts';
import type { Ref01Interchange } from '../../src/rules/dsj/ref01.ts';
import { interchangeXml, JOURNAL_ID } from './fixtures.ts';

function post(body: string, path = '/xml', method = 'POST') {
  const recipient = createHospitalReferralRecipient();
  const request: IncomingRequest = {
    method,
    path,
    headers: { 'content-type': 'application/xml' },
    body: Buffer.from(body),
    overLimit: false,
  };
  const answer = recipient.handle(request, { request: { url: path } } as unknown as Exchange);
  return { recipient, answer };
}

describe('the hospital referral counterpart', () => {
  it('keeps a REF01 interchange as read and acknowledges it', () => {
    const { recipient, answer } = post(interchangeXml([{ id: JOURNAL_ID, bytes: Buffer.from('%PDF') }]));
    assert.equal(answer.status, 202);
    assert.equal(recipient.sessionKey, 'hospitalReferral');
    assert.equal(recipient.endpoint, '/xml');
    const [submission] = recipient.submissionsSince(0);
    assert.equal((submission?.bundle as Ref01Interchange).referrals[0]?.patient.cpr, '0201919990');
  });

  it('records a body that is not XML as a parse error, for the checkpoint to judge', () => {
    const { recipient, answer } = post('{"resourceType":"Bundle"}');
    assert.equal(answer.status, 400);
    assert.match(answer.body ?? '', /body is not readable/);
    assert.ok(recipient.submissionsSince(0)[0]?.parseError);
  });

  it('answers 404 elsewhere, naming the endpoint', () => {
    const { recipient, answer } = post('<x/>', '/fhir');
    assert.equal(answer.status, 404);
    assert.match(answer.body ?? '', /POST \/hospital-referral\/xml/);
    assert.equal(recipient.count, 0);
  });
});
