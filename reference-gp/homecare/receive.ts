// The reference GP's receiving endpoint for kommunale prøvesvar (INBOUND channel `homecareobservation`): it opens
// an EHMI SBDH envelope if there is one, answers a duplicate with the acknowledgement it gave before, rejects
// invalid content with a negative acknowledgement (storing nothing), and otherwise files the report, its
// correction or its cancellation, answering with a positive acknowledgement in the body of the HTTP answer. Where the
// run tests acknowledgement-send's `message` variant, the same acknowledgement is also sent as a message of its own
// (../messaging/outbox.ts). A simulated technical error (messaging.simulate-technical-error) answers AR
// (transient-error) and keeps nothing, so the sender's resend is processed as new.
import type { GpContext } from '../context.ts';
import { acknowledgeAsMessage, type AckOrder } from '../messaging/outbox.ts';
import type { InboundRequest, InboundResponse } from '../inbound.ts';
import { acknowledgement } from './ack.ts';
import { fileMessage } from './file.ts';
import {
  MEDCOM_DETAILS,
  HL7_DETAILS,
  readMessage,
  rejectionOf,
  type ReceivedMessage,
  type Rejection,
} from './read.ts';
import { envelopeRejection, openDelivery, problem } from './open.ts';
import type { AckContent } from './records.ts';

function answer(
  ctx: GpContext,
  message: ReceivedMessage,
  content: AckContent,
  orders: AckOrder[],
  // Stryker disable next-line BooleanLiteral: only fault code reads `again` (ack-duplicate-rejected, ack-resend-same-*)
  again = false,
): InboundResponse {
  const parties = {
    senderGln: message.senderGln,
    receiverGln: message.receiverGln,
    senderSor: message.senderSor,
    senderName: message.senderName,
    receiverSor: message.receiver.sor,
    receiverName: message.receiver.name,
  };
  const now = ctx.clock();
  const body = acknowledgement(message.messageId, message.bundleId, content, parties, now, ctx.faults);
  orders.push({
    acknowledged: message.messageId,
    bundleId: message.bundleId,
    patient: message.patient.id,
    content,
    parties,
    again,
    answered: { bundleId: (body as { id: string }).id, at: now },
  });
  return { status: 200, contentType: 'application/fhir+json', body: JSON.stringify(body) };
}

function rejected(rejection: Rejection): AckContent {
  return {
    code: 'fatal-error',
    issues: [{ severity: 'error', code: 'invalid', detail: rejection.detail, text: rejection.text }],
  };
}

export async function receiveHomecareObservation(
  ctx: GpContext,
  request: InboundRequest,
): Promise<InboundResponse> {
  const orders: AckOrder[] = [];
  const response = receive(ctx, request, orders);
  for (const order of orders) await acknowledgeAsMessage(ctx, order);
  return response;
}

const TECHNICAL_ERROR: AckContent = {
  code: 'transient-error',
  issues: [
    {
      severity: 'error',
      code: 'transient',
      detail: { system: MEDCOM_DETAILS, code: 'MSG_Mailbox_Out_Of_Operation' },
      text: 'the message could not be processed because of a technical error; send it again',
    },
  ],
};

function receive(ctx: GpContext, request: InboundRequest, orders: AckOrder[]): InboundResponse {
  const { faults, state } = ctx;
  if (faults.has('hco-reject-sbdh') && /xml/i.test(request.contentType))
    return problem(415, 'SBDH envelopes are not supported');
  if (faults.has('hco-ack-not-fhir')) return { status: 200, contentType: 'text/plain', body: 'OK' };
  if (faults.has('hco-rejects-fhir-xml') && /^application\/fhir\+xml/i.test(request.contentType))
    return problem(415, 'FHIR XML is not supported: send application/fhir+json');
  const opened = openDelivery(request, faults);
  if ('status' in opened) return opened;
  const message = readMessage(opened.bundle, faults);
  // No MessageHeader, or one without id (1..1): an acknowledgement would have nothing to name in
  // response.identifier, so the delivery is refused as such.
  // Fault: a message without MessageHeader.id breaks the endpoint (HTTP 500) instead of being refused.
  if (message.messageId === '')
    return faults.has('hco-message-without-id-breaks')
      ? problem(500, 'internal error: the message has no id')
      : problem(400, 'no MessageHeader with an id: nothing to acknowledge');
  if (state.messaging.technicalError) {
    // Fault: the AR is kept as the message's acknowledgement, so the resend after the error counts as a duplicate.
    if (faults.has('ack-technical-error-remembered'))
      state.homecare.acks.set(message.messageId, TECHNICAL_ERROR);
    return answer(ctx, message, TECHNICAL_ERROR, orders);
  }
  const known = state.homecare.acks.get(message.messageId);
  if (known && !faults.has('hco-shows-duplicates')) {
    // Stryker disable next-line BooleanLiteral: only fault code reads `again` (ack-duplicate-rejected, ack-resend-same-*)
    if (!faults.has('hco-duplicate-fatal-error')) return answer(ctx, message, known, orders, true);
    return answer(
      ctx,
      message,
      rejected({
        detail: { system: HL7_DETAILS, code: 'MSG_DUPLICATE_ID' },
        text: 'message already received',
      }),
      orders,
      true,
    );
  }
  const earlier = message.previous ? state.homecare.acks.get(message.previous) : undefined;
  if (
    faults.has('hco-correction-as-duplicate') &&
    message.activity === 'modified-message' &&
    earlier &&
    message.previous
  )
    return answer(ctx, { ...message, messageId: message.previous }, earlier, orders);
  const rejection =
    (opened.envelope && !faults.has('hco-ignores-envelope')
      ? envelopeRejection(opened.envelope, message)
      : undefined) ?? rejectionOf(opened.bundle, message, faults);
  if (rejection) {
    // Fault: the receiver breaks on a contradicting envelope instead of refusing it.
    if (opened.envelope && faults.has('hco-envelope-mismatch-crashes'))
      return problem(500, 'internal error while reading the envelope');
    if (faults.has('hco-stores-rejected')) fileMessage(ctx, message);
    const content = rejected(rejection);
    state.homecare.acks.set(message.messageId, content);
    return answer(ctx, message, content, orders);
  }
  fileMessage(ctx, message);
  const content: AckContent = { code: 'ok', issues: [] };
  state.homecare.acks.set(message.messageId, content);
  return answer(ctx, message, content, orders);
}
