import { randomUUID } from 'node:crypto';
import { messageIdOf, readMessage } from '../rules/lab/message.ts';
import { receiverProblems } from '../rules/lab/receiver-rules.ts';
import { fhirAnswer, operationOutcome, type CounterpartResponse } from './counterpart.ts';

/** MedCom acknowledgement codes: ok (AA), transient-error (AR: resend), fatal-error (AE: invalid content). */
export type AckCode = 'ok' | 'transient-error' | 'fatal-error';

/**
 * Answers that are no acknowledgement, scripted to test the sender: an HTTP server error (whose body still says
 * ok, so only the status tells), a body that is not JSON, JSON that is no Bundle (an OperationOutcome), and the
 * sender's own message echoed back (a MessageHeader without response).
 */
export const NON_ACKNOWLEDGEMENTS = ['http-error', 'not-json', 'not-an-acknowledgement', 'echo'] as const;
export type ScriptedAnswer = AckCode | (typeof NON_ACKNOWLEDGEMENTS)[number];

const EVENT_CODES = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes';

/**
 * How a national lab database answers a message, after MedCom's reliable messaging rules: a message is
 * acknowledged with a message Bundle whose MessageHeader.response names the acknowledged MessageHeader.id; invalid
 * content gets fatal-error with an OperationOutcome; a duplicate (a MessageHeader.id already accepted) gets ok again
 * and is not stored twice. A step can script the next answers (e.g. a transient error) to test the sender.
 */
export class AckBook {
  private readonly name: string;
  private readonly accepted = new Set<string>();
  private readonly scripted: ScriptedAnswer[] = [];

  constructor(name: string) {
    this.name = name;
  }

  answerNext(code: ScriptedAnswer): void {
    this.scripted.push(code);
  }

  resetScript(): void {
    this.scripted.length = 0;
  }

  answer(body: unknown): CounterpartResponse {
    const message = readMessage(body);
    const id = messageIdOf(message);
    const scripted = this.scripted.shift();
    if (scripted === 'http-error') return { ...acknowledgement(this.name, id, 'ok', []), status: 500 };
    if (scripted === 'not-json')
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'OK' };
    if (scripted === 'echo') return fhirAnswer(200, body as object);
    if (scripted === 'not-an-acknowledgement')
      return operationOutcome(
        200,
        `${this.name} is not available (scripted: no acknowledgement)`,
        'transient',
      );
    if (scripted !== undefined)
      return acknowledgement(
        this.name,
        id,
        scripted,
        scripted === 'ok' ? [] : [`${this.name} is not available (scripted ${scripted})`],
      );
    if (id !== undefined && this.accepted.has(id))
      return acknowledgement(this.name, id, 'ok', [], `duplicate of message ${id}: not stored again`);
    const problems = receiverProblems(message, new Date());
    if (id === undefined) problems.unshift('MessageHeader.id is missing');
    if (problems.length > 0) return acknowledgement(this.name, id, 'fatal-error', problems);
    this.accepted.add(id as string);
    return acknowledgement(this.name, id, 'ok', []);
  }
}

function acknowledgement(
  name: string,
  acknowledged: string | undefined,
  code: AckCode,
  errors: string[],
  information?: string,
): CounterpartResponse {
  const headerId = randomUUID();
  const outcomeId = randomUUID();
  const issues = [
    ...errors.map((diagnostics) => ({
      severity: 'error',
      code: code === 'transient-error' ? 'transient' : 'invalid',
      diagnostics,
    })),
    ...(information ? [{ severity: 'information', code: 'duplicate', diagnostics: information }] : []),
  ];
  const header = {
    resourceType: 'MessageHeader',
    id: headerId,
    eventCoding: { system: EVENT_CODES, code: 'acknowledgement-message' },
    source: { name, endpoint: `urn:certbench:${name}` },
    response: {
      identifier: acknowledged ?? 'unknown',
      code,
      ...(issues.length > 0 ? { details: { reference: `urn:uuid:${outcomeId}` } } : {}),
    },
  };
  const entries: object[] = [{ fullUrl: `urn:uuid:${headerId}`, resource: header }];
  if (issues.length > 0)
    entries.push({
      fullUrl: `urn:uuid:${outcomeId}`,
      resource: { resourceType: 'OperationOutcome', id: outcomeId, issue: issues },
    });
  return fhirAnswer(200, {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'message',
    timestamp: new Date().toISOString(),
    entry: entries,
  });
}
