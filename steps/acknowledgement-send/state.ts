// The acknowledgements of a scenario's deliveries as the SUT sent them: in the `message` variant each one is found
// at the sender's message handler (counterpart acknowledgementReceiver) by its response.identifier, in order of
// arrival; in the `synchronous` variant it is the body of the SUT's answer to the delivery. Waiting happens here, not
// in the plan, so that a plan equal to one of kommunale-proevesvar is the same plan (its messages delivered once).
import type { Resource } from '../../src/fhir/bundle.ts';
import { resourcesOf } from '../../src/fhir/bundle.ts';
import type { Recipient, Submission } from '../../src/counterparts/recipient.ts';
import { readAck } from '../../src/rules/acknowledgement/ack-rules.ts';
import {
  envelopedBundle,
  readVansEnvelope,
  type VansEnvelope,
} from '../../src/rules/acknowledgement/vans.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { homecareOutcome } from '../kommunale-proevesvar/state.ts';
import { plannedRefs } from '../kommunale-proevesvar/state.ts';

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

export type Transport = 'message' | 'synchronous';

export function transport(world: CertbenchWorld): Transport {
  const variant = world.ctx.profile.protocols[PROTOCOL]?.variant;
  if (variant !== 'message' && variant !== 'synchronous')
    throw new Error(
      'the SUT profile must declare protocols.acknowledgement-send.variant (message or synchronous)',
    );
  return variant;
}

export interface SentAck {
  ack?: Resource;
  envelope?: VansEnvelope;
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
  envelope?: VansEnvelope;
  ack?: Resource;
  problem?: string;
}

function read(submission: Submission): Arrival {
  const text = typeof submission.bundle === 'string' ? submission.bundle : '';
  const envelope = readVansEnvelope(text);
  if ('error' in envelope) {
    // Tolerated so that a bare acknowledgement is still judged; its missing envelope fails 3.4.8.
    try {
      const parsed = JSON.parse(text) as Resource;
      return { submission, ack: parsed, problem: `not in a VANSEnvelope: ${envelope.error}` };
    } catch {
      return { submission, problem: envelope.error };
    }
  }
  const { bundle, problem } = envelopedBundle(envelope);
  return { submission, envelope, ...(bundle ? { ack: bundle } : {}), ...(problem ? { problem } : {}) };
}

/** The acknowledgements that reached the recipient for `messageId`, waiting for `count` of them at most `timeoutMs`. */
async function arrivalsFor(
  recipient: Recipient,
  messageId: string,
  count: number,
  timeoutMs: number,
): Promise<Arrival[]> {
  const matching = () =>
    recipient
      .submissionsSince(0)
      .map(read)
      .filter((a) => a.ack !== undefined && responseIdentifier(a.ack) === messageId);
  let found = matching();
  if (found.length >= count) return found;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const unsubscribe = recipient.subscribe(() => {
      if (matching().length >= count) done();
    });
  });
  found = matching();
  return found;
}

/**
 * The acknowledgement the SUT sent for delivery `ref`: the n-th for its MessageHeader.id when `ref` is the n-th
 * delivery of that message in the scenario (a resend is acknowledged again).
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
  const arrivals = await arrivalsFor(
    recipient,
    messageId,
    position,
    world.ctx.profile.counterparts.waitTimeoutMs,
  );
  for (const a of arrivals) world.attachExchange(a.submission.exchange);
  const arrival = arrivals[position - 1];
  if (!arrival?.ack)
    return {
      problems: [
        `${arrivals.length} acknowledgement message(s) of MessageHeader.id ${messageId} reached ${recipient.pathPrefix}${recipient.endpoint} within ${world.ctx.profile.counterparts.waitTimeoutMs} ms, expected ${position} (the acknowledgement of ${ref})`,
      ],
      messageId,
      manual: false,
    };
  return {
    ack: arrival.ack,
    ...(arrival.envelope ? { envelope: arrival.envelope } : {}),
    problems: [],
    arrived: new Date(arrival.submission.receivedAt),
    messageId,
    manual: false,
  };
}
