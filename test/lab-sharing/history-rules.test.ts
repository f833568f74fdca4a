// Rules across messages: routing, follow-ups, receivers' rejections and the database view judged from what was sent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseView, exactlyOneStored, traceable } from '../../src/rules/lab/database-view.ts';
import * as history from '../../src/rules/lab/history-rules.ts';
import { readMessage } from '../../src/rules/lab/message.ts';
import * as receiver from '../../src/rules/lab/receiver-rules.ts';
import {
  nothingMisrouted,
  reachedDatabase,
  type ReceivedMessage,
} from '../../src/rules/lab/routing-rules.ts';
import { historyShown } from '../../src/rules/lab/registered.ts';
import { crpMessage, crpResult, ORIGINAL_ID, part } from './fixtures.ts';

const CORRECTION_ID = '22222222-3333-4444-8555-666666666666';
const at = '2026-06-15T08:00:01Z';
const received = (json: Record<string, unknown>, database: 'laba' | 'miba' = 'laba'): ReceivedMessage => ({
  database,
  message: readMessage(json),
  receivedAt: at,
});

function correction(value = 8): Record<string, unknown> {
  const json = crpMessage({ messageId: CORRECTION_ID, previous: { role: 'revision', id: ORIGINAL_ID } });
  json['id'] = '9a9a9a9a-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
  part(json, 'DiagnosticReport')['status'] = 'corrected';
  part(json, 'Observation')['valueQuantity'] = {
    value,
    unit: 'mg/L',
    system: 'http://unitsofmeasure.org',
    code: 'mg/L',
  };
  return json;
}

describe('lab routing rules', () => {
  it('see a result at the wrong database', () => {
    assert.deepEqual(reachedDatabase([received(crpMessage())], crpResult(), 'laba'), []);
    assert.deepEqual(reachedDatabase([received(crpMessage(), 'miba')], crpResult(), 'laba'), [
      '"crp" did not reach LABA (it reached MiBA)',
    ]);
    assert.match(
      nothingMisrouted([received(crpMessage(), 'miba')]).join('\n'),
      /category \["CH"\], expected .*\|MB/,
    );
    assert.match(
      nothingMisrouted([received(crpMessage(), 'miba')]).join('\n'),
      /is biochemistry but reached MiBA/,
    );
  });
});

describe('lab follow-up rules', () => {
  it('accept a correction of the same result and reject new identifiers', () => {
    const original = readMessage(crpMessage());
    assert.deepEqual(history.sameResult(original, readMessage(correction())), []);
    assert.deepEqual(history.newMessageId(original, readMessage(correction())), []);
    const renamed = correction();
    (part(renamed, 'DiagnosticReport')['identifier'] as { value: string }[])[0]!.value = 'urn:uuid:new';
    assert.match(
      history.sameResult(original, readMessage(renamed)).join(),
      /identifier is "urn:uuid:new", expected the original/,
    );
  });

  it('accept a resend with a new Bundle.id only', () => {
    const original = readMessage(crpMessage());
    const again = crpMessage();
    again['id'] = '3b3b3b3b-4c4c-4d5d-8e6e-7f7f7f7f7f7f';
    again['timestamp'] = '2026-06-15T10:00:05.000+02:00';
    assert.deepEqual(history.isResendOf(original, readMessage(again)), []);
    assert.match(history.isResendOf(original, readMessage(crpMessage())).join(), /Bundle\.id .* is reused/);
    assert.match(
      history.isResendOf(original, readMessage(correction())).join(),
      /a resend is the same message/,
    );
  });

  it('require the cancellation comment and no DELETE', () => {
    const cancel = crpMessage();
    part(cancel, 'DiagnosticReport')['conclusion'] = 'Registreret på forkert patient';
    assert.deepEqual(history.cancellationReason(readMessage(cancel), 'forkert patient'), []);
    assert.match(
      history.cancellationReason(readMessage(crpMessage()), 'x').join(),
      /conclusion is null, expected the comment "x"/,
    );
    assert.deepEqual(
      history.noDeletion([
        { database: 'laba', method: 'DELETE', url: 'http://x/laba/fhir/DiagnosticReport/1' },
      ]),
      [
        'DELETE http://x/laba/fhir/DiagnosticReport/1 reached LABA: a result is never deleted in the databases',
      ],
    );
  });
});

describe('receivers reject', () => {
  it('a missing NPU code, a value without unit, a future sampling time, an unknown CPR format', () => {
    const json = crpMessage();
    const observation = part(json, 'Observation');
    (observation['code'] as { coding: unknown[] }).coding = [{ code: 'STREP-A' }];
    observation['valueQuantity'] = { value: 42 };
    observation['effectiveDateTime'] = '2099-01-01T08:00:00+01:00';
    (part(json, 'Patient')['identifier'] as { value: string }[])[0]!.value = '0703921VJ5';
    const m = readMessage(json);
    const now = new Date(at);
    assert.equal(receiver.missingNpuCode(m).length, 1);
    assert.match(receiver.valueWithoutUnit(m).join(), /valueQuantity 42 has no unit/);
    assert.match(receiver.samplingInFuture(m, now).join(), /2099-01-01T08:00:00\+01:00 lies in the future/);
    assert.match(receiver.unknownCprFormat(m).join(), /"0703921VJ5" is not in the CPR format/);
    assert.equal(receiver.receiverProblems(m, now).length, 4);
    assert.deepEqual(receiver.receiverProblems(readMessage(crpMessage()), now), []);
  });
});

describe('the database view (judged from what was sent)', () => {
  it('shows one result with only its newest value, traceable to the original', () => {
    const view = databaseView([received(crpMessage()), received(correction(8))]);
    const { stored, problems } = exactlyOneStored(view, crpResult(), 'laba');
    assert.deepEqual(problems, []);
    assert.equal(stored?.history.length, 2);
    assert.equal(history.valueOf(stored?.latest.observations[0]), '8 mg/L');
    assert.deepEqual(stored ? traceable(stored) : ['none'], []);
  });

  it('does not store a duplicate twice, nor a rejected message', () => {
    const again = crpMessage();
    again['id'] = '3b3b3b3b-4c4c-4d5d-8e6e-7f7f7f7f7f7f';
    const invalid = correction();
    part(invalid, 'Observation')['valueQuantity'] = { value: 9 };
    const [stored] = databaseView([received(crpMessage()), received(again), received(invalid)]);
    assert.equal(stored?.history.length, 1);
    assert.equal(stored?.duplicates, 1);
  });

  it('finds an untraceable version and keeps a cancelled result marked', () => {
    const loose = correction();
    delete (part(loose, 'Provenance') as { entity?: unknown }).entity;
    const [stored] = databaseView([received(crpMessage()), received(loose)]);
    assert.match(stored ? traceable(stored).join() : '', /does not point to the previous message/);
    const cancel = crpMessage({ messageId: CORRECTION_ID, previous: { role: 'removal', id: ORIGINAL_ID } });
    part(cancel, 'DiagnosticReport')['status'] = 'cancelled';
    assert.equal(databaseView([received(crpMessage()), received(cancel)])[0]?.cancelled, true);
  });
});

describe("the GP's view of a result's history", () => {
  const entry = (event: unknown, when: unknown = '2026-06-15T10:00:00+02:00') => ({ at: when, event });

  it('passes an entry with time and text for each action, whatever the wording', () => {
    assert.deepEqual(historyShown([entry('Registreret'), entry('sendt til LABA')], crpResult(), 2), []);
  });

  it('fails fewer entries than actions, an empty text and a time that is no dateTime', () => {
    assert.equal(historyShown([entry('registered')], crpResult(), 2).length, 1);
    assert.match(historyShown([entry('  ')], crpResult(), 1).join(), /event is " {2}"/);
    assert.match(historyShown([entry('registered', 'i går')], crpResult(), 1).join(), /at is "i går"/);
    assert.match(historyShown([{ at: '2026-06-15T10:00:00+02:00' }], crpResult(), 1).join(), /event is null/);
    assert.equal(historyShown(undefined, crpResult(), 1).length, 1);
  });
});
