// The receiver's MedCom acknowledgement (addendum §D.1, §D.4), returned synchronously as the body of its answer to
// the delivery: read it from the HTTP answer (unwrapping an EHMI SBDH envelope if the receiver answers in one) and
// judge it against the message it acknowledges.
import { isResource, referenceOf, resolveInBundle, resourcesOf, type Resource } from '../../fhir/bundle.ts';
import { instantOf } from '../../fhir/datetime.ts';
import {
  ACK_DETAIL_SYSTEMS,
  ACK_EVENT,
  HCO,
  HL7_ACK_DETAIL_PATTERN,
  MEDCOM_ACK_DETAILS,
  type AckCode,
} from './codes.ts';
import { idOfReference } from './message.ts';
import { readSbdh } from './sbdh.ts';
import { objects as array, type Json } from '../../fhir/json.ts';

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

type Any = Json;

function excerpt(body: Buffer): string {
  const text = body.subarray(0, 200).toString('utf8');
  return body.length > 200 ? `${text}…` : text;
}

/** The acknowledgement Bundle in the receiver's answer, or why there is none. */
export function readAck(answer: HttpAnswer): { ack?: Resource; problems: string[] } {
  if (answer.status < 200 || answer.status > 299)
    return {
      problems: [
        `the receiver answered HTTP ${answer.status} (${excerpt(answer.body)}), expected 200 with an acknowledgement`,
      ],
    };
  let text = answer.body.toString('utf8');
  if (/xml/i.test(answer.contentType) || text.trimStart().startsWith('<')) {
    const envelope = readSbdh(text);
    if (!envelope?.payload)
      return {
        problems: [
          `the answer (${answer.contentType || 'no content type'}) is neither a FHIR acknowledgement nor an SBDH carrying one: ${excerpt(answer.body)}`,
        ],
      };
    text = envelope.payload;
  } else if (!/json/i.test(answer.contentType)) {
    return {
      problems: [
        `the answer has content type "${answer.contentType || 'none'}", expected application/fhir+json`,
      ],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    return { problems: [`the answer is not JSON (${(error as Error).message}): ${excerpt(answer.body)}`] };
  }
  if (!isResource(parsed) || parsed.resourceType !== 'Bundle')
    return {
      problems: [
        `the answer is ${isResource(parsed) ? `a ${parsed.resourceType}` : 'not a FHIR resource'}, expected an acknowledgement Bundle`,
      ],
    };
  return { ack: parsed, problems: [] };
}

function ackHeader(ack: Resource): Resource | undefined {
  return resourcesOf(ack, 'MessageHeader')[0];
}

/** The detail codes of the OperationOutcome the acknowledgement's response names, as `system|code`. */
export function ackDetails(ack: Resource): { system?: string; code?: string; severity?: string }[] {
  const header = ackHeader(ack);
  const response = header?.['response'] as Any | undefined;
  const outcome =
    resolveInBundle(ack, referenceOf(response?.['details'])) ?? resourcesOf(ack, 'OperationOutcome')[0];
  return array(outcome?.['issue']).flatMap((issue) => {
    const codings = array((issue['details'] as Any | undefined)?.['coding']);
    const severity = typeof issue['severity'] === 'string' ? issue['severity'] : undefined;
    return (codings.length > 0 ? codings : [{}]).map((c) => ({
      ...(typeof c['system'] === 'string' ? { system: c['system'] } : {}),
      ...(typeof c['code'] === 'string' ? { code: c['code'] } : {}),
      ...(severity ? { severity } : {}),
    }));
  });
}

function isMedComDetail(detail: { system?: string; code?: string }): boolean {
  if (detail.system === ACK_DETAIL_SYSTEMS.medcom)
    return (MEDCOM_ACK_DETAILS as readonly (string | undefined)[]).includes(detail.code);
  if (detail.system === ACK_DETAIL_SYSTEMS.hl7) return HL7_ACK_DETAIL_PATTERN.test(detail.code ?? '');
  return false;
}

/**
 * Problems of an acknowledgement of the message `messageId` that should carry `code`: one message Bundle, eventCoding
 * acknowledgement-message, no cc destination, response.identifier the acknowledged MessageHeader.id, and for a
 * negative code an OperationOutcome with an error and a detail code of value set medcom-acknowledgement-issue-details.
 */
export function ackProblems(ack: Resource, messageId: string, code: AckCode): string[] {
  const problems: string[] = [];
  if (ack['type'] !== 'message')
    problems.push(`acknowledgement Bundle.type is "${String(ack['type'])}", expected message`);
  const headers = resourcesOf(ack, 'MessageHeader');
  if (headers.length !== 1)
    return [...problems, `the acknowledgement has ${headers.length} MessageHeaders, expected one`];
  const header = headers[0] as Resource;
  const event = header['eventCoding'] as Any | undefined;
  if (event?.['system'] !== HCO.eventCodes || event['code'] !== ACK_EVENT)
    problems.push(
      `acknowledgement MessageHeader.eventCoding is ${String(event?.['system'])}|${String(event?.['code'])}, expected ${HCO.eventCodes}|${ACK_EVENT}`,
    );
  const cc = array(header['destination']).filter((d) =>
    array(d['extension']).some((e) => (e['valueCoding'] as Any | undefined)?.['code'] === 'cc'),
  );
  if (cc.length > 0) problems.push('the acknowledgement has a cc destination (destination[cc] is 0..0)');
  const response = header['response'] as Any | undefined;
  if (!response) return [...problems, 'acknowledgement MessageHeader.response is missing'];
  if (response['identifier'] !== messageId)
    problems.push(
      `response.identifier is "${String(response['identifier'])}", expected the acknowledged MessageHeader.id "${messageId}"`,
    );
  if (response['code'] !== code)
    problems.push(`response.code is "${String(response['code'])}", expected "${code}"`);
  if (code !== 'ok') {
    const details = ackDetails(ack);
    if (!resolveInBundle(ack, referenceOf(response['details'])))
      problems.push(
        'response.details does not name an OperationOutcome in the acknowledgement (medcom-acknowledgement-1)',
      );
    if (!details.some((d) => d.severity === 'error' || d.severity === 'fatal'))
      problems.push('the OperationOutcome has no issue with severity error');
    if (!details.some(isMedComDetail))
      problems.push(
        `no issue detail code from medcom-acknowledgement-issue-details (found ${details.map((d) => `${d.system ?? '?'}|${d.code ?? '?'}`).join(', ') || 'none'})`,
      );
  }
  return problems;
}

/** What must be equal in two acknowledgements of the same message (a duplicate gets the same content). */
export function ackContent(ack: Resource): string {
  const response = (ackHeader(ack)?.['response'] as Any | undefined) ?? {};
  const details = ackDetails(ack)
    .map((d) => `${d.severity ?? ''} ${d.system ?? ''}|${d.code ?? ''}`)
    .sort();
  return JSON.stringify({ identifier: response['identifier'], code: response['code'], details });
}

/**
 * The acknowledgement's Provenance (addendum §D.1, §D.4 item 5): activity acknowledgement, entity role revision
 * naming the acknowledged MessageHeader, and Bundle.timestamp not after Provenance.recorded.
 */
export function ackProvenanceProblems(ack: Resource, messageId: string): string[] {
  const header = ackHeader(ack);
  const own = resourcesOf(ack, 'Provenance').find((p) =>
    array(p['target']).some((t) => idOfReference(referenceOf(t)) === header?.id),
  );
  if (!own) return ['the acknowledgement has no Provenance targeting its MessageHeader'];
  const problems: string[] = [];
  const activity = array((own['activity'] as Any | undefined)?.['coding']);
  if (!activity.some((c) => c['system'] === HCO.activityCodes && c['code'] === 'acknowledgement'))
    problems.push(
      `Provenance.activity is ${activity.map((c) => `${String(c['system'])}|${String(c['code'])}`).join(', ') || 'missing'}, expected ${HCO.activityCodes}|acknowledgement`,
    );
  const entity = array(own['entity']).find((e) => idOfReference(referenceOf(e['what'])) === messageId);
  if (!entity) problems.push(`no Provenance.entity names the acknowledged MessageHeader ${messageId}`);
  else if (entity['role'] !== 'revision')
    problems.push(`Provenance.entity.role is "${String(entity['role'])}", expected revision`);
  const created = instantOf(ack['timestamp']);
  const recorded = instantOf(own['recorded']);
  if (!created || !recorded)
    problems.push('Bundle.timestamp or Provenance.recorded is missing or not a dateTime');
  else if (created.getTime() > recorded.getTime())
    problems.push(
      `Bundle.timestamp ${String(ack['timestamp'])} is after Provenance.recorded ${String(own['recorded'])}`,
    );
  return problems;
}
