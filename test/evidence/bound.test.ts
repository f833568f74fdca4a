// What a cucumber message may carry into the record: failure texts and check details cut, the message cucumber holds
// never changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Envelope } from '@cucumber/messages';
import { CHECK_MEDIA_TYPE } from '../../src/checks/media-types.ts';
import { boundEnvelope, MESSAGE_LIMIT } from '../../src/evidence/bound.ts';

const long = 'x'.repeat(MESSAGE_LIMIT + 100);

test('a long failure message, exception and check detail are cut in a copy', () => {
  const failed = {
    testStepFinished: {
      testCaseStartedId: 'c1',
      testStepId: 's1',
      timestamp: { seconds: 0, nanos: 0 },
      testStepResult: {
        status: 'FAILED',
        duration: { seconds: 0, nanos: 0 },
        message: long,
        exception: { type: 'CheckFailed', message: long, stackTrace: long },
      },
    },
  } as unknown as Envelope;
  const before = JSON.stringify(failed);
  const out = boundEnvelope(failed);
  const result = out.testStepFinished?.testStepResult;
  for (const text of [result?.message, result?.exception?.message, result?.exception?.stackTrace])
    assert.match(text ?? '', /… \[cut at 8192 of 8292 characters; the SUT's answer is in the evidence\]$/);
  assert.equal(result?.exception?.type, 'CheckFailed');
  assert.equal(JSON.stringify(failed), before, 'the message given is not changed');

  const check = {
    attachment: { mediaType: CHECK_MEDIA_TYPE, body: JSON.stringify({ description: 'd', actual: long }) },
  } as unknown as Envelope;
  const cut = JSON.parse(boundEnvelope(check).attachment?.body ?? '{}') as { actual: string };
  assert.ok(cut.actual.length < long.length);
  assert.equal((JSON.parse(check.attachment?.body ?? '{}') as { actual: string }).actual, long);
});

test('a message within the limits is passed on as it is', () => {
  const short = {
    attachment: { mediaType: CHECK_MEDIA_TYPE, body: '{"description":"d"}' },
  } as unknown as Envelope;
  assert.equal(boundEnvelope(short), short);
});
