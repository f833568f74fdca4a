// The acknowledgements of a scenario's deliveries as the SUT sent them: in the `message` and `ehmi` variants each one
// is found at the sender's message handler (counterpart acknowledgementReceiver) by its response.identifier, in order
// of arrival, in its VANSEnvelope resp. EHMI SBDH; in the `synchronous` variant it is the body of the SUT's answer to
// the delivery. Waiting happens here, not in the plan, so that a plan equal to one of kommunale-proevesvar is the same
// plan (its messages delivered once). An acknowledgement must arrive within the profile's counterparts.waitTimeoutMs
// of the delivery (or of the release of held acknowledgements); one that comes after that is late, not missing:
// certbench listens a while longer to tell the two apart and keeps the late one as evidence.
import type { Resource } from '../../src/fhir/bundle.ts';
import { resourcesOf } from '../../src/fhir/bundle.ts';
import type { Recipient, Submission } from '../../src/counterparts/recipient.ts';
import { readAck } from '../../src/rules/acknowledgement/ack-rules.ts';
import { readEhmiEnvelope } from '../../src/rules/acknowledgement/ehmi.ts';
import {
  envelopedBundle,
  readVansEnvelope,
  type VansEnvelope,
} from '../../src/rules/acknowledgement/vans.ts';
import type { EhmiFields } from '../../src/rules/acknowledgement/ehmi.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { homecareOutcome } from '../kommunale-proevesvar/state.ts';
import { plannedRefs, stepOfDelivery } from '../kommunale-proevesvar/state.ts';
import { parseJsonBounded } from '../../src/limits/parse-limits.ts';

export const PROTOCOL = 'acknowledgement-send';
export const RELEASE_STEP = 'held acknowledgements sent';
export const OVERVIEW_STEP = 'overview of sent acknowledgements';
export const TECHNICAL_ERROR_STEP = 'technical error';

/** Why the SUT could not simulate the scenario's technical error, if it refused. */
export async function technicalErrorRefused(world: CertbenchWorld): Promise<string | undefined> {
  const outcome = await world.realise();
  const output = outcome.outputs.get(TECHNICAL_ERROR_STEP) as { refused?: unknown } | undefined;
  return typeof output?.refused === 'string' ? output.refused : undefined;
}

/** `message`: a message of its own in a VANSEnvelope; `ehmi`: in an EHMI SBDH; `synchronous`: the answer. */
export type Transport = 'message' | 'ehmi' | 'synchronous';
const TRANSPORTS: readonly string[] = ['message', 'ehmi', 'synchronous'];

export function transport(world: CertbenchWorld): Transport {
  const variant = world.ctx.profile.protocols[PROTOCOL]?.variant;
  if (variant === undefined || !TRANSPORTS.includes(variant))
    throw new Error(
      'the SUT profile must declare protocols.acknowledgement-send.variant (message, ehmi or synchronous)',
    );
  return variant as Transport;
}

/** The network envelope an acknowledgement message arrived in. */
export type AckEnvelope = { kind: 'vans'; vans: VansEnvelope } | { kind: 'sbdh'; sbdh: EhmiFields };

export interface SentAck {
  ack?: Resource;
  envelope?: AckEnvelope;
  /** Why there is no acknowledgement to judge. */
  problems: string[];
  /** When certbench received it (message variant). */
  arrived?: Date;
  messageId: string;
  /** Nothing to see: an operator loaded the message by hand and the transport is the synchronous answer. */
  manual: boolean;
}

function responseIdentifier(bundle: Resource): string | undefined {
  const header = resourcesOf(bundle, 'MessageHeader')[0];
  const response = header?.['response'] as { identifier?: unknown } | undefined;
  return typeof response?.identifier === 'string' ? response.identifier : undefined;
}

interface Arrival {
  submission: Submission;
  envelope?: AckEnvelope;
  ack?: Resource;
  problem?: string;
}

// Every submission is read again whenever a later one arrives and by each checkpoint of the scenario: the VANSEnvelope
// (DOM and XPath, the costly part) is read once per submission; its fields are strings and only ever read.
const vansEnvelopes = new WeakMap<Submission, ReturnType<typeof readVansEnvelope>>();

function vansEnvelopeOf(submission: Submission, text: string): ReturnType<typeof readVansEnvelope> {
  let envelope = vansEnvelopes.get(submission);
  if (!envelope) {
    envelope = readVansEnvelope(text);
    vansEnvelopes.set(submission, envelope);
  }
  return envelope;
}

/** Either envelope is read whatever the variant, so that an acknowledgement in the wrong one is still judged. */
function read(submission: Submission): Arrival {
  const text = typeof submission.bundle === 'string' ? submission.bundle : '';
  if (/<(\w+:)?StandardBusinessDocument[\s>]/.test(text)) {
    const { fields, ack, problem } = readEhmiEnvelope(text);
    return {
      submission,
      ...(fields ? { envelope: { kind: 'sbdh' as const, sbdh: fields } } : {}),
      ...(ack ? { ack } : {}),
      ...(problem ? { problem } : {}),
    };
  }
  const envelope = vansEnvelopeOf(submission, text);
  if ('error' in envelope) {
    // Tolerated so that a bare acknowledgement is still judged; its missing envelope fails 3.4.8.
    try {
      const parsed = parseJsonBounded(text) as Resource;
      return { submission, ack: parsed, problem: `not in a VANSEnvelope: ${envelope.error}` };
    } catch {
      return { submission, problem: envelope.error };
    }
  }
  const { bundle, problem } = envelopedBundle(envelope);
  return {
    submission,
    envelope: { kind: 'vans', vans: envelope },
    ...(bundle ? { ack: bundle } : {}),
    ...(problem ? { problem } : {}),
  };
}

/**
 * How much longer than its wait window certbench listens for an acknowledgement that has not come, to tell a late
 * one from a missing one: twice the window, at least 3 s (only a SUT without a timely acknowledgement pays for it).
 */
export function lateListenMs(waitMs: number): number {
  return Math.max(2 * waitMs, 3000);
}

/** The acknowledgements that reached the recipient for `messageId`, waiting for `count` of them until `until`. */
async function arrivalsFor(
  world: CertbenchWorld,
  recipient: Recipient,
  messageId: string,
  count: number,
  until: number,
): Promise<Arrival[]> {
  const matching = () =>
    recipient
      .submissionsSince(0)
      .map(read)
      .filter((a) => a.ack !== undefined && responseIdentifier(a.ack) === messageId);
  const found = matching();
  const remaining = until - world.ctx.clock.now().getTime();
  if (found.length >= count || remaining <= 0) return found;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, remaining);
    const unsubscribe = recipient.subscribe(() => {
      if (matching().length >= count) done();
    });
  });
  return matching();
}

/**
 * The acknowledgement the SUT sent for delivery `ref`: the n-th for its MessageHeader.id when `ref` is the n-th
 * delivery of that message in the scenario (a resend is acknowledged again). It must arrive within the wait window
 * after the delivery, or after the release when the scenario held the acknowledgements; a later one is reported late,
 * with the time it arrived, and is not judged further.
 */
export async function sentAck(world: CertbenchWorld, ref: string): Promise<SentAck> {
  const outcome = await homecareOutcome(world);
  const { message, answer } = outcome.delivered(ref);
  const messageId = message.messageId ?? '';
  if (transport(world) === 'synchronous') {
    if (answer.kind === 'manual') return { problems: [], messageId, manual: true };
    const read = readAck(answer);
    return { ...(read.ack ? { ack: read.ack } : {}), problems: read.problems, messageId, manual: false };
  }
  const sameMessage = [...plannedRefs(world).keys()].filter(
    (r) => outcome.delivered(r).message.messageId === messageId,
  );
  const position = sameMessage.indexOf(ref) + 1;
  const recipient = world.ctx.counterparts.acknowledgementReceiver;
  const where = `${recipient.pathPrefix}${recipient.endpoint}`;
  const plan = await world.realise();
  const released = plan.outputs.get(RELEASE_STEP) as { sentAfter: Date } | undefined;
  const delivered = plan.windows.get(stepOfDelivery(ref))?.end ?? world.ctx.clock.now();
  const from = new Date(Math.max(delivered.getTime(), released?.sentAfter.getTime() ?? 0));
  const after = released && released.sentAfter >= delivered ? 'the release' : 'the delivery';
  const waitMs = world.ctx.profile.counterparts.waitTimeoutMs;
  const deadline = from.getTime() + waitMs;
  let arrivals = await arrivalsFor(world, recipient, messageId, position, deadline);
  const listened = lateListenMs(waitMs);
  if (arrivals.length < position)
    arrivals = await arrivalsFor(world, recipient, messageId, position, deadline + listened);
  for (const a of arrivals) world.attachExchange(a.submission.exchange);
  const arrival = arrivals[position - 1];
  if (!arrival?.ack)
    return {
      problems: [
        `missing: ${arrivals.length} acknowledgement message(s) of MessageHeader.id ${messageId} reached ${where} within ${waitMs} ms of ${after} and the further ${listened} ms certbench listened, expected ${position} (the acknowledgement of ${ref})`,
      ],
      messageId,
      manual: false,
    };
  const arrived = new Date(arrival.submission.receivedAt);
  if (arrived.getTime() > deadline)
    return {
      problems: [
        `late: the acknowledgement of ${ref} (MessageHeader.id ${messageId}) reached ${where} at ${arrived.toISOString()}, ${arrived.getTime() - from.getTime()} ms after ${after} (${from.toISOString()}), later than the wait window of ${waitMs} ms (counterparts.waitTimeoutMs); kept as evidence, not judged further`,
      ],
      arrived,
      messageId,
      manual: false,
    };
  return {
    ack: arrival.ack,
    ...(arrival.envelope ? { envelope: arrival.envelope } : {}),
    problems: [],
    arrived,
    messageId,
    manual: false,
  };
}
