// Opening a delivery to the reference GP's receiving endpoint for kommunale prøvesvar (../homecare/receive.ts): the
// message as FHIR JSON, as FHIR XML, or in an EHMI SBDH whose addressing must agree with the message; anything else
// is an HTTP problem. Reading and checking what arrived, like read.ts and envelope.ts, which kommunale-proevesvar's
// protocol tests (KP-3.3.5, the SBDH checkpoints); acknowledgement-send's MedCom protocol delivers valid JSON only.
import type { FaultName } from '../faults/catalogue.ts';
import type { InboundRequest, InboundResponse } from '../inbound.ts';
import { fhirXmlToJson, openEnvelope, type Envelope } from './envelope.ts';
import { MEDCOM_DETAILS, type ReceivedMessage, type Rejection } from './read.ts';

export function problem(status: number, error: string): InboundResponse {
  return { status, contentType: 'application/json', body: JSON.stringify({ error }) };
}

/** An SBDH whose addressing contradicts the message it carries is refused (MSG_Receiver_Identifier_UNKNOWN). */
export function envelopeRejection(envelope: Envelope, message: ReceivedMessage): Rejection | undefined {
  const differences = [
    envelope.receiverGln !== message.receiverGln &&
      `Receiver GLN ${envelope.receiverGln} is not the message's receiver ${message.receiverGln}`,
    envelope.senderGln !== message.senderGln &&
      `Sender GLN ${envelope.senderGln} is not the message's sender ${message.senderGln}`,
    envelope.scope('MESSAGEIDENTIFIER') !== message.messageId &&
      'MESSAGEIDENTIFIER is not the MessageHeader.id',
    envelope.scope('MESSAGEENVELOPEIDENTIFIER') !== message.bundleId &&
      'MESSAGEENVELOPEIDENTIFIER is not the Bundle.id',
  ].filter((d): d is string => typeof d === 'string');
  if (differences.length === 0) return undefined;
  return {
    detail: { system: MEDCOM_DETAILS, code: 'MSG_Receiver_Identifier_UNKNOWN' },
    text: differences.join('; '),
  };
}

/** What the endpoint makes of the bytes: the message and its envelope, or an HTTP problem. */
export function openDelivery(
  request: InboundRequest,
  faults: ReadonlySet<FaultName>,
): { bundle: Record<string, unknown>; envelope?: Envelope } | InboundResponse {
  let text = request.body.toString('utf8');
  let envelope: Envelope | undefined;
  if (/^application\/fhir\+xml/i.test(request.contentType)) {
    // The message itself as FHIR XML (receive protocol 3.3.5: XML and JSON both).
    const read = fhirXmlToJson(text);
    // Fault: FHIR XML that FHIR.js cannot parse breaks the endpoint (HTTP 500) instead of being refused.
    if ('error' in read)
      return faults.has('hco-fhir-xml-error-breaks')
        ? problem(500, 'internal error while reading FHIR XML')
        : problem(400, read.error);
    text = read.json;
  } else if (/xml/i.test(request.contentType)) {
    const opened = openEnvelope(text, faults);
    if ('error' in opened) return problem(400, opened.error);
    envelope = opened;
    text = opened.payload;
  } else if (!/json/i.test(request.contentType)) {
    return problem(
      415,
      `content type ${request.contentType || 'none'}: send application/fhir+json or an SBDH as application/xml`,
    );
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch (error) {
    return problem(400, `the message is not JSON: ${(error as Error).message}`);
  }
  // Fault: JSON null is read as a message (and breaks the reading: HTTP 500).
  // Fault: the message sent as a JSON string (encoded twice) is decoded again and read.
  if (typeof bundle === 'string' && faults.has('hco-reads-json-scalar')) bundle = JSON.parse(bundle);
  if (
    typeof bundle !== 'object' ||
    (bundle === null && !faults.has('hco-reads-json-null')) ||
    Array.isArray(bundle)
  )
    return problem(400, 'the message is not a FHIR resource');
  return { bundle: bundle as Record<string, unknown>, ...(envelope ? { envelope } : {}) };
}
