// The MedCom acknowledgement (addendum §D.1, §D.4), judged against the message it acknowledges: one place for every
// protocol that judges acknowledgements. kommunale-proevesvar reads it from the receiver's synchronous answer to the
// delivery (readAck), acknowledgement-send also from the acknowledgement message the SUT sends in a VANS envelope
// (./vans.ts); both judge it with the functions here.
import { isResource, referenceOf, resolveInBundle, resourcesOf, type Resource } from '../../fhir/bundle.ts';
import { instantOf } from '../../fhir/datetime.ts';
import { objects as array, type Json } from '../../fhir/json.ts';
import { readSbdh } from '../homecare/sbdh.ts';
import {
  ACK_DETAIL_SYSTEMS,
  ACK_EVENT,
  HL7_ACK_DETAIL_PATTERN,
  MEDCOM_ACK_DETAILS,
  MESSAGING_ACTIVITIES,
  MESSAGING_EVENTS,
  type AckCode,
} from './codes.ts';
import { parseJsonBounded } from '../../limits/parse-limits.ts';
import {
  indexBundle,
  resolveInBundle as resolveByFhirRules,
} from '../../validation/validator/bundle-index.ts';

/**
 * Whether `reference`, made in `from`'s resource, names an entry of the Bundle by FHIR R4's rules (an absolute
 * reference is a fullUrl; a relative one is read against the base of the referring entry's RESTful fullUrl), as a
 * receiver resolves it: not merely an entry whose resource has that type and id.
 */
function resolvesByFullUrl(bundle: Resource, from: Resource, reference: string | undefined): boolean {
  if (!reference) return false;
  const index = indexBundle(bundle, 'Bundle');
  return resolveByFhirRules(index, reference, index.byResource.get(from)?.fullUrl) !== undefined;
}

/** The id in a reference `Type/id`, `urn:uuid:id` or a full URL ending in `/Type/id`. */
function idOfReference(reference: string | undefined): string | undefined {
  if (!reference) return undefined;
  return /(?:^urn:uuid:|\/)([A-Za-z0-9\-.]{1,64})$/.exec(reference)?.[1];
}

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
    parsed = parseJsonBounded(text);
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

const ISSUE_SEVERITIES = ['fatal', 'error', 'warning', 'information'];
// FHIR R4 id.
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The issues of the OperationOutcome an acknowledgement carries: each with a severity of IssueSeverity and a code
 * (FHIR R4 OperationOutcome.issue.severity and .code are 1..1), as in every acknowledgement test example of MedCom.
 */
function issueProblems(ack: Resource): string[] {
  const response = ackHeader(ack)?.['response'] as Any | undefined;
  const outcome = resolveInBundle(ack, referenceOf(response?.['details']));
  return array(outcome?.['issue']).flatMap((issue, i) => [
    ...(ISSUE_SEVERITIES.includes(String(issue['severity']))
      ? []
      : [
          `OperationOutcome.issue[${i}].severity is ${JSON.stringify(issue['severity'])}, expected one of ${ISSUE_SEVERITIES.join(', ')} (1..1)`,
        ]),
    ...(typeof issue['code'] === 'string' && issue['code'] !== ''
      ? []
      : [
          `OperationOutcome.issue[${i}].code is ${JSON.stringify(issue['code'])}, expected an IssueType code (1..1)`,
        ]),
  ]);
}

function isMedComDetail(detail: { system?: string; code?: string }): boolean {
  if (detail.system === ACK_DETAIL_SYSTEMS.medcom)
    return (MEDCOM_ACK_DETAILS as readonly (string | undefined)[]).includes(detail.code);
  if (detail.system === ACK_DETAIL_SYSTEMS.hl7) return HL7_ACK_DETAIL_PATTERN.test(detail.code ?? '');
  return false;
}

/**
 * Problems of an acknowledgement of the message `messageId` that should carry `code`: one message Bundle, eventCoding
 * acknowledgement-message, no cc destination, response.identifier the acknowledged MessageHeader.id (any FHIR id when
 * the message had none: `messageId` undefined), for a negative
 * code an OperationOutcome named by response.details, each of its issues with a severity and a code, and for
 * fatal-error (AE) an issue with severity error and a detail code of value set medcom-acknowledgement-issue-details.
 */
export function ackProblems(ack: Resource, messageId: string | undefined, code: AckCode): string[] {
  const problems: string[] = [];
  if (ack['type'] !== 'message')
    problems.push(`acknowledgement Bundle.type is "${String(ack['type'])}", expected message`);
  const headers = resourcesOf(ack, 'MessageHeader');
  if (headers.length !== 1)
    return [...problems, `the acknowledgement has ${headers.length} MessageHeaders, expected one`];
  const header = headers[0] as Resource;
  const event = header['eventCoding'] as Any | undefined;
  if (event?.['system'] !== MESSAGING_EVENTS || event['code'] !== ACK_EVENT)
    problems.push(
      `acknowledgement MessageHeader.eventCoding is ${String(event?.['system'])}|${String(event?.['code'])}, expected ${MESSAGING_EVENTS}|${ACK_EVENT}`,
    );
  const cc = array(header['destination']).filter((d) =>
    array(d['extension']).some((e) => (e['valueCoding'] as Any | undefined)?.['code'] === 'cc'),
  );
  if (cc.length > 0) problems.push('the acknowledgement has a cc destination (destination[cc] is 0..0)');
  const response = header['response'] as Any | undefined;
  if (!response) return [...problems, 'acknowledgement MessageHeader.response is missing'];
  // A message without MessageHeader.id leaves nothing to name: response.identifier (1..1) must still be a FHIR id.
  if (messageId === undefined) {
    if (typeof response['identifier'] !== 'string' || !FHIR_ID.test(response['identifier']))
      problems.push(
        `response.identifier is ${JSON.stringify(response['identifier'])}, not a FHIR id (MessageHeader.response.identifier 1..1)`,
      );
  } else if (response['identifier'] !== messageId)
    problems.push(
      `response.identifier is "${String(response['identifier'])}", expected the acknowledged MessageHeader.id "${messageId}"`,
    );
  if (response['code'] !== code)
    problems.push(`response.code is "${String(response['code'])}", expected "${code}"`);
  if (code !== 'ok') {
    const details = referenceOf(response['details']);
    if (resolveInBundle(ack, details)?.resourceType !== 'OperationOutcome')
      problems.push(
        'response.details does not name an OperationOutcome in the acknowledgement (medcom-acknowledgement-1)',
      );
    else if (!resolvesByFullUrl(ack, header, details))
      problems.push(
        `response.details "${details ?? ''}" does not resolve to the OperationOutcome's fullUrl: FHIR R4 reads a relative reference against the base of the MessageHeader's fullUrl (Bundle, "Resolving references in Bundles")`,
      );
  }
  problems.push(...issueProblems(ack));
  // AE only: MedCom's AR test example Acknowledgement_3.3.3.4_A-AR carries an information issue without a detail
  // code, so an AR needs no more than its OperationOutcome.
  if (code === 'fatal-error') {
    const details = ackDetails(ack);
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
  if (!activity.some((c) => c['system'] === MESSAGING_ACTIVITIES && c['code'] === 'acknowledgement'))
    problems.push(
      `Provenance.activity is ${activity.map((c) => `${String(c['system'])}|${String(c['code'])}`).join(', ') || 'missing'}, expected ${MESSAGING_ACTIVITIES}|acknowledgement`,
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

/** The acknowledgement's own Provenance (the one targeting its MessageHeader), if any. */
export function ackProvenance(ack: Resource): Resource | undefined {
  const header = ackHeader(ack);
  return resourcesOf(ack, 'Provenance').find((p) =>
    array(p['target']).some((t) => idOfReference(referenceOf(t)) === header?.id),
  );
}

/** The three times of an acknowledgement (Send test protocol 3.4.5-3.4.7), as written. */
export interface AckTimes {
  timestamp?: string;
  occurred?: string;
  recorded?: string;
}

export function ackTimes(ack: Resource): AckTimes {
  const own = ackProvenance(ack);
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const times: AckTimes = {};
  const timestamp = text(ack['timestamp']);
  const occurred = text(own?.['occurredDateTime']);
  const recorded = text(own?.['recorded']);
  if (timestamp) times.timestamp = timestamp;
  if (occurred) times.occurred = occurred;
  if (recorded) times.recorded = recorded;
  return times;
}

/**
 * An acknowledgement sent again (the answer to a duplicate, Send test protocol 3.4.3, 3.4.4, 3.4.7; governance:
 * "the same acknowledgement content as the first time"): the same content, a new Bundle.id, and a new Bundle.timestamp,
 * Provenance.occurredDateTime and Provenance.recorded.
 */
export function ackResendProblems(
  first: Resource,
  again: Resource,
  what: 'content' | 'id' | 'times',
): string[] {
  if (what === 'content')
    return ackContent(first) === ackContent(again)
      ? []
      : [`the acknowledgement sent again is ${ackContent(again)}, the first was ${ackContent(first)}`];
  if (what === 'id')
    return first.id !== undefined && first.id === again.id
      ? [`the acknowledgement sent again has the Bundle.id ${String(again.id)} of the first one`]
      : [];
  const before = ackTimes(first);
  const after = ackTimes(again);
  const problems: string[] = [];
  for (const [name, key] of [
    ['Bundle.timestamp', 'timestamp'],
    ['Provenance.occurredDateTime', 'occurred'],
    ['Provenance.recorded', 'recorded'],
  ] as const) {
    const a = instantOf(before[key]);
    const b = instantOf(after[key]);
    if (!a || !b) problems.push(`${name} is missing or not a dateTime in one of the acknowledgements`);
    else if (b.getTime() <= a.getTime())
      problems.push(
        `${name} of the acknowledgement sent again is ${String(after[key])}, not after the first one's ${String(before[key])}`,
      );
  }
  return problems;
}

/**
 * Bundle.timestamp is the time the acknowledgement was created, Provenance.occurredDateTime and recorded the time it
 * was sent (Send test protocol 3.4.5, 3.4.6; addendum §D.1), judged on an acknowledgement the SUT created when the
 * message arrived and sent only when told to (`sentAfter`, certbench's clock). Both Provenance times must be later
 * than Bundle.timestamp and not before the send was asked for; Bundle.timestamp not after it; the clock tolerance
 * allows for the SUT's clock.
 */
export function ackTimeProblems(
  ack: Resource,
  window: { createdAfter: Date; sentAfter: Date; arrived: Date; toleranceMs: number },
  what: 'creation' | 'sending',
): string[] {
  const times = ackTimes(ack);
  const created = instantOf(times.timestamp);
  if (!created) return ['Bundle.timestamp is missing or not a dateTime with a time zone'];
  const tolerance = window.toleranceMs;
  const problems: string[] = [];
  if (what === 'creation') {
    if (created.getTime() < window.createdAfter.getTime() - tolerance)
      problems.push(
        `Bundle.timestamp ${String(times.timestamp)} is before the message was delivered (${window.createdAfter.toISOString()})`,
      );
    if (created.getTime() > window.sentAfter.getTime() + tolerance)
      problems.push(
        `Bundle.timestamp ${String(times.timestamp)} is after the acknowledgement was released for sending (${window.sentAfter.toISOString()}): the time of sending, not of creation`,
      );
  }
  for (const [name, key] of [
    ['Provenance.occurredDateTime', 'occurred'],
    ['Provenance.recorded', 'recorded'],
  ] as const) {
    const sent = instantOf(times[key]);
    if (!sent) {
      problems.push(`${name} is missing or not a dateTime with a time zone`);
      continue;
    }
    if (sent.getTime() <= created.getTime())
      problems.push(
        what === 'creation'
          ? `Bundle.timestamp ${String(times.timestamp)} is not before ${name} ${String(times[key])}, although the acknowledgement was sent well after it was created`
          : `${name} ${String(times[key])} is not after Bundle.timestamp ${String(times.timestamp)}: the time of creation, not of sending`,
      );
    if (what === 'sending') {
      if (sent.getTime() < window.sentAfter.getTime() - tolerance)
        problems.push(
          `${name} ${String(times[key])} is before the acknowledgement was released for sending (${window.sentAfter.toISOString()})`,
        );
      if (sent.getTime() > window.arrived.getTime() + tolerance)
        problems.push(
          `${name} ${String(times[key])} is after the acknowledgement arrived (${window.arrived.toISOString()})`,
        );
    }
  }
  return problems;
}
