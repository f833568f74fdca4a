// Reliable messaging as the receiver shows it: the MedCom acknowledgement the SUT returns as the body of its answer
// to each delivery (addendum §D.4). In a manual run the operator loaded the message by hand and no HTTP answer
// exists: these steps then leave the checkpoint to the assessor's step that follows them.
import { Then } from '@cucumber/cucumber';
import type { Resource } from '../../src/fhir/bundle.ts';
import {
  ackContent,
  ackProblems,
  ackProvenanceProblems,
  readAck,
} from '../../src/rules/acknowledgement/ack-rules.ts';
import { ACK_CODES, type AckCode } from '../../src/rules/acknowledgement/codes.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { homecareOutcome, type HomecareOutcome } from './state.ts';

/** The acknowledgement of a delivery; undefined when an operator loaded it (manual run). */
function ackOf(
  outcome: HomecareOutcome,
  ref: string,
): { ack?: Resource; problems: string[]; manual: boolean } {
  const { answer } = outcome.delivered(ref);
  if (answer.kind === 'manual') return { problems: [], manual: true };
  return { ...readAck(answer), manual: false };
}

function isAckCode(code: string): code is AckCode {
  return (ACK_CODES as readonly string[]).includes(code);
}

Then(
  '{string} is acknowledged with {string}',
  async function (this: CertbenchWorld, ref: string, code: string) {
    if (!isAckCode(code)) throw new Error(`"${code}" is not a MedCom acknowledgement code`);
    const outcome = await homecareOutcome(this);
    const { message } = outcome.delivered(ref);
    const read = ackOf(outcome, ref);
    if (read.manual) return;
    const messageId = message.messageId ?? '';
    this.verify(
      `the acknowledgement of ${ref} (MessageHeader.id ${messageId}) is a MedCom acknowledgement with ${code}`,
      read.ack ? ackProblems(read.ack, messageId, code) : read.problems,
      { expected: `one acknowledgement Bundle, response.identifier ${messageId}, response.code ${code}` },
    );
  },
);

Then(
  'the acknowledgement of {string} carries a Provenance that names the acknowledged message',
  async function (this: CertbenchWorld, ref: string) {
    const outcome = await homecareOutcome(this);
    const read = ackOf(outcome, ref);
    if (read.manual) return;
    const messageId = outcome.delivered(ref).message.messageId ?? '';
    this.verify(
      `the acknowledgement of ${ref} has its Provenance`,
      read.ack ? ackProvenanceProblems(read.ack, messageId) : read.problems,
      {
        expected: `Provenance activity acknowledgement, entity revision → MessageHeader ${messageId}, Bundle.timestamp ≤ recorded`,
      },
    );
  },
);

Then(
  'the acknowledgement of {string} has the same content as that of {string}',
  async function (this: CertbenchWorld, ref: string, first: string) {
    const outcome = await homecareOutcome(this);
    const again = ackOf(outcome, ref);
    const before = ackOf(outcome, first);
    if (again.manual || before.manual) return;
    const problems = [
      ...before.problems.map((p) => `first delivery ${first}: ${p}`),
      ...again.problems.map((p) => `resend ${ref}: ${p}`),
    ];
    if (before.ack && again.ack && ackContent(before.ack) !== ackContent(again.ack))
      problems.push(
        `the acknowledgement of the resend is ${ackContent(again.ack)}, the first was ${ackContent(before.ack)}`,
      );
    this.verify(`the resend ${ref} is acknowledged as the first delivery ${first} was`, problems, {
      expected: 'the same response.identifier, response.code and issue details',
    });
  },
);

/**
 * A delivery that must not be accepted — an envelope that contradicts its message (addendum §D.4 item 7), a message
 * that is not a HomeCareObservation message (§D.4 item 2): the endpoint refuses it (HTTP 4xx), answers an SBDH
 * ReceiptException, or acknowledges the message with fatal-error. A 5xx is the endpoint breaking, not refusing.
 */
export function refusalProblems(outcome: HomecareOutcome, ref: string): string[] {
  const { answer, message } = outcome.delivered(ref);
  if (answer.kind === 'manual') return [];
  if (answer.status >= 400 && answer.status <= 499) return [];
  if (answer.status >= 500)
    return [
      `the endpoint answered HTTP ${answer.status} (a server error), not a refusal: ${answer.body.subarray(0, 200).toString('utf8')}`,
    ];
  // An SBDH envelope receipt of type ReceiptException refuses the envelope.
  if (/xml/i.test(answer.contentType) && /<(\w+:)?Type>ReceiptException</.test(answer.body.toString('utf8')))
    return [];
  const read = readAck(answer);
  if (!read.ack)
    return [
      `the endpoint answered HTTP ${answer.status}, neither a refusal nor a negative acknowledgement: ${read.problems.join('; ')}`,
    ];
  const problems = ackProblems(read.ack, message.messageId, 'fatal-error');
  return problems.length === 0 ? [] : [`the message was not refused: ${problems.join('; ')}`];
}
