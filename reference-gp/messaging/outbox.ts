// The reference GP's acknowledgements as messages of their own (acknowledgement-send, MedCom's Send test protocol
// 2.0.2): each acknowledgement is created when the message has been validated (Bundle.timestamp) and sent, in its
// VANSEnvelope (variant `message`) or, on EHMI, its SBDH (variant `ehmi`), to the original sender's message handler
// (certbench's counterpart acknowledgementReceiver), with Provenance.occurredDateTime and recorded the time of sending. Held acknowledgements (messaging.hold-acknowledgements)
// wait in the outbox until messaging.release-acknowledgements. An acknowledgement sent again (the answer to a
// duplicate) is a new Bundle with new times and the first one's content. Only when the run tests the protocol's
// `message` or `ehmi` variant (start option or session): otherwise the synchronous answer is the acknowledgement.
import { randomUUID } from 'node:crypto';
import type { GpContext } from '../context.ts';
import { acknowledgement, type AckParties } from '../homecare/ack.ts';
import { HL7_DETAILS } from '../homecare/read.ts';
import type { AckContent } from '../homecare/records.ts';
import { postTo } from '../http/post.ts';
import { danishDateTime } from '../time.ts';
import { sbdhEnvelope, vansEnvelope } from './envelopes.ts';

export const PROTOCOL = 'acknowledgement-send';

/** How long the fault ack-late holds each acknowledgement: longer than certbench's wait in the shipped profiles. */
export const LATE_MS = 2000;

export interface AckOrder {
  acknowledged: string;
  /** Bundle.id of the acknowledged message. */
  bundleId: string;
  patient: string;
  content: AckContent;
  parties: AckParties;
  /** True for the answer to a duplicate: the acknowledgement is sent again. */
  again: boolean;
  /** The synchronous answer that carried the acknowledgement: the one sent, in the `synchronous` variant. */
  answered: { bundleId: string; at: Date };
}

interface Created extends AckOrder {
  id: string;
  created: Date;
  /** Where it goes: the sender's message handler named in the session. */
  url: string;
}

export interface SentAck {
  bundleId: string;
  acknowledged: string;
  patient: string;
  code: string;
  createdAt: string;
  sentAt: string;
}

export interface MessagingState {
  technicalError: boolean;
  hold: boolean;
  held: Created[];
  sent: SentAck[];
  /** The first acknowledgement sent of each message: Bundle.id and times (kept for the resend faults only). */
  first: Map<string, { id: string; created: Date; sent: Date }>;
}

export function createMessagingState(): MessagingState {
  return { technicalError: false, hold: false, held: [], sent: [], first: new Map() };
}

function network(ctx: GpContext): 'vans' | 'ehmi' | undefined {
  const variant = ctx.variants[PROTOCOL] ?? ctx.session?.variants?.[PROTOCOL];
  return variant === 'message' ? 'vans' : variant === 'ehmi' ? 'ehmi' : undefined;
}

function sendsMessages(ctx: GpContext): string | undefined {
  return network(ctx) ? ctx.session?.counterparts['acknowledgementReceiver'] : undefined;
}

/** Creates the acknowledgement message for a received message and sends it, unless acknowledgements are held. */
export async function acknowledgeAsMessage(ctx: GpContext, order: AckOrder): Promise<void> {
  const { faults, state } = ctx;
  const url = sendsMessages(ctx);
  if (!url) {
    // The synchronous answer is the acknowledgement sent: the overview lists it.
    const at = danishDateTime(order.answered.at);
    state.messaging.sent.push({
      bundleId: order.answered.bundleId,
      acknowledged: order.acknowledged,
      patient: order.patient,
      code: order.content.code,
      createdAt: at,
      sentAt: at,
    });
    return;
  }
  if (faults.has('ack-message-not-sent')) return;
  let content = order.content;
  // Fault: invalid content is acknowledged as if it were valid.
  if (faults.has('ack-invalid-acknowledged-ok') && content.code === 'fatal-error')
    content = { code: 'ok', issues: [] };
  // Fault: a duplicate is refused as an error instead of acknowledged as the first time.
  if (faults.has('ack-duplicate-rejected') && order.again)
    content = {
      code: 'fatal-error',
      issues: [
        {
          severity: 'error',
          code: 'duplicate',
          detail: { system: HL7_DETAILS, code: 'MSG_DUPLICATE_ID' },
          text: 'message already received',
        },
      ],
    };
  const created: Created = { ...order, content, id: randomUUID(), created: ctx.clock(), url };
  if (state.messaging.hold) {
    state.messaging.held.push(created);
    return;
  }
  await send(ctx, created);
}

/** Sends every held acknowledgement now. */
export async function releaseHeld(ctx: GpContext): Promise<number> {
  const held = ctx.state.messaging.held.splice(0);
  ctx.state.messaging.hold = false;
  for (const ack of held) await send(ctx, ack);
  return held.length;
}

async function send(ctx: GpContext, ack: Created): Promise<void> {
  // Fault: the message handler sends acknowledgements in a batch a while later, after the sender stopped waiting.
  if (ctx.faults.has('ack-late')) {
    setTimeout(() => void sendNow(ctx, ack), LATE_MS).unref();
    return;
  }
  await sendNow(ctx, ack);
}

async function sendNow(ctx: GpContext, ack: Created): Promise<void> {
  const { faults, state } = ctx;
  const sent = ctx.clock();
  const first = state.messaging.first.get(ack.acknowledged);
  let id = ack.id;
  let created = ack.created;
  let sending = sent;
  // Faults: the acknowledgement sent again is partly a copy of the first one.
  if (faults.has('ack-resend-same-bundle-id') && ack.again && first) id = first.id;
  if (faults.has('ack-resend-same-times') && ack.again && first) {
    created = first.created;
    sending = first.sent;
  }
  // Faults: the Provenance times are those of creation; Bundle.timestamp that of sending.
  if (faults.has('ack-times-of-creation')) sending = created;
  if (faults.has('ack-timestamp-of-sending')) created = sending;
  const bundle = acknowledgement(ack.acknowledged, ack.bundleId, ack.content, ack.parties, created, faults, {
    bundleId: id,
    sent: sending,
  });
  // Only the resend faults read the first acknowledgement of a message.
  if ((faults.has('ack-resend-same-bundle-id') || faults.has('ack-resend-same-times')) && !first)
    state.messaging.first.set(ack.acknowledged, { id, created, sent: sending });
  const json = JSON.stringify(bundle);
  const body =
    network(ctx) === 'ehmi'
      ? brokenSbdh(ctx, sbdhEnvelope(json, ehmiAddress(ctx, ack, bundle), sending))
      : // Fault: the Name lacks the postfix of the acknowledgement's type.
        vansEnvelope(
          json,
          faults.has('ack-vans-name-without-postfix') ? 'MCM:FCTL' : `MCM:FCTL#${ack.content.code}`,
        );
  try {
    await postTo(ctx.dispatcher, {
      recipient: "the sender's message handler (acknowledgementReceiver)",
      url: ack.url,
      contentType: 'application/xml; charset=utf-8',
      body,
    });
  } catch {
    // Unreachable: the acknowledgement is lost, as it would be on a broken network (certbench sees none arrive).
    return;
  }
  state.messaging.sent.push({
    bundleId: id,
    acknowledged: ack.acknowledged,
    patient: ack.patient,
    code: ack.content.code,
    createdAt: danishDateTime(created),
    sentAt: danishDateTime(sending),
  });
}

/** The SBDH as the EHMI faults break it. */
function brokenSbdh(ctx: GpContext, sbdh: string): string {
  let broken = sbdh;
  // Fault: the document is cut off before its closing tag.
  if (ctx.faults.has('ack-ehmi-sbdh-unclosed')) broken = broken.replace('</StandardBusinessDocument>', '');
  // Fault: DocumentIdentification/Type names the event instead of Bundle.
  if (ctx.faults.has('ack-ehmi-document-type-of-the-event'))
    broken = broken.replace('<Type>Bundle</Type>', '<Type>acknowledgement-message</Type>');
  // Faults: the namespaces, the parties' Authority, the Scopes' Identifier, the XML declaration written wrong.
  if (ctx.faults.has('ack-ehmi-sbdh-without-namespace'))
    broken = broken.replace(/(<StandardBusinessDocument) xmlns="[^"]*"/, '$1');
  if (ctx.faults.has('ack-ehmi-binary-content-without-namespace'))
    broken = broken.replace(/(<BinaryContent) xmlns="[^"]*"/, '$1 xmlns=""');
  if (ctx.faults.has('ack-ehmi-authority-gln'))
    broken = broken.replaceAll('Authority="iso6523-actorid-upis"', 'Authority="GLN"');
  if (ctx.faults.has('ack-ehmi-scope-identifier-of-the-event'))
    broken = broken.replaceAll(
      '<Identifier>dk-medcom-messaging</Identifier>',
      '<Identifier>acknowledgement-message</Identifier>',
    );
  if (ctx.faults.has('ack-ehmi-xml-declaration-without-version'))
    broken = broken.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml encoding="UTF-8"?>');
  return broken;
}

/** The SBDH of an acknowledgement: from the GP system back to the original sender, named by its own ids. */
function ehmiAddress(ctx: GpContext, ack: Created, bundle: object) {
  // Stryker disable next-line OptionalChaining,StringLiteral: the header is always the first entry (ack.ts); the fallback is for the type only
  const header = (bundle as { entry: { resource: { id: string } }[] }).entry[0]?.resource.id ?? '';
  // Fault: the SBDH names the acknowledged message instead of the acknowledgement it carries.
  const ofMessage = ctx.faults.has('ack-ehmi-ids-of-the-message');
  // Fault: the SOR scopes are the acknowledged message's, not swapped.
  const { senderSor, receiverSor } = ctx.faults.has('ack-ehmi-sor-scopes-of-the-message')
    ? { senderSor: ack.parties.senderSor, receiverSor: ack.parties.receiverSor }
    : { senderSor: ack.parties.receiverSor, receiverSor: ack.parties.senderSor };
  return {
    senderGln: ack.parties.receiverGln,
    receiverGln: ack.parties.senderGln,
    ...(senderSor ? { senderSor } : {}),
    ...(receiverSor ? { receiverSor } : {}),
    event: 'acknowledgement-message',
    version: '2.0',
    messageId: ofMessage ? ack.acknowledged : header,
    bundleId: ofMessage ? ack.bundleId : (bundle as { id: string }).id,
  };
}

/** The overview of sent acknowledgements (Send test protocol 3.4.9), for one patient's messages. */
export function observeAcknowledgements(ctx: GpContext, patient: string | undefined): object[] {
  return ctx.state.messaging.sent
    .filter((s) => patient === undefined || s.patient === patient)
    .map((s) => ({
      bundleId: s.bundleId,
      // Fault: the overview does not say which message an acknowledgement belongs to.
      ...(ctx.faults.has('ack-overview-without-message') ? {} : { acknowledged: s.acknowledged }),
      code: s.code,
      createdAt: s.createdAt,
      sentAt: s.sentAt,
    }));
}
