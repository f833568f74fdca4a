// How the reference GP reads a received HomeCareObservation message: the parts it stores and shows, and the
// validation that decides between a positive and a negative acknowledgement. Deliberately its own code (not
// certbench's rules), as a vendor's receiver would be.
import type { FaultName } from '../faults/catalogue.ts';
import type { HomecareAttachment, HomecareResult } from './records.ts';

type Json = Record<string, unknown>;

const NPU = 'urn:oid:1.2.208.176.2.1';
const SOR = 'urn:oid:1.2.208.176.1.1';
const GLN = 'https://www.gs1.org/gln';
const PRODUCER_ID = 'http://medcomfhir.dk/ig/terminology/CodeSystem/MedComProducentID';
const CPR = 'urn:oid:1.2.208.176.1.2';
const NOT_INTERPRETED = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-interpretation-codes';
const HCO_ACTIVITIES = new Set(['new-message', 'reply-message', 'retract-message', 'modified-message']);

export interface Rejection {
  /** Detail code of value set medcom-acknowledgement-issue-details. */
  detail: { system: string; code: string };
  text: string;
}

export const MEDCOM_DETAILS =
  'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-acknowledgement-error-codes';
export const HL7_DETAILS = 'http://terminology.hl7.org/CodeSystem/operation-outcome';

export interface ReceivedMessage {
  bundleId: string;
  messageId: string;
  activity: string;
  /** MessageHeader.id of the earlier message a correction or cancellation is about. */
  previous?: string;
  sentAt: string;
  senderGln: string;
  receiverGln: string;
  /** SOR id of the sending organisation (where the acknowledgement goes). */
  senderSor: string;
  senderName: string;
  addressedTo: string;
  patient: { id: string; system: string; name: string };
  receiver: { name: string; sor: string };
  producer: { name: string; sor: string; producerId: string };
  signature: { name: string; title: string; phone: string };
  reportStatus: string;
  clinicalComment?: string;
  results: HomecareResult[];
  attachments: HomecareAttachment[];
  refusedConsent: boolean;
  /** Result count the report names (a broken reference makes it differ from `results`). */
  namedResults: number;
}

const list = (v: unknown): Json[] =>
  Array.isArray(v) ? v.filter((x): x is Json => typeof x === 'object' && x !== null) : [];
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const lastSegment = (reference: string): string => reference.split(/[/:]/).pop() ?? '';

class Message {
  private readonly byRef = new Map<string, Json>();
  readonly resources: Json[];

  constructor(bundle: Json) {
    this.resources = list(bundle['entry']).map((e) => obj(e['resource']));
    list(bundle['entry']).forEach((e, i) => {
      const resource = this.resources[i] ?? {};
      if (typeof e['fullUrl'] === 'string') this.byRef.set(e['fullUrl'], resource);
      this.byRef.set(`${str(resource['resourceType'])}/${str(resource['id'])}`, resource);
    });
  }

  resolve(reference: unknown): Json | undefined {
    const ref = str(obj(reference)['reference']);
    return this.byRef.get(ref) ?? [...this.byRef.entries()].find(([k]) => k.endsWith(`/${ref}`))?.[1];
  }

  first(type: string): Json {
    return this.resources.find((r) => r['resourceType'] === type) ?? {};
  }
}

function identifierValue(resource: Json, system: string): string {
  return str(list(resource['identifier']).find((i) => i['system'] === system)?.['value']);
}

function nameOf(resource: Json): string {
  const name = list(resource['name'])[0] ?? {};
  return [...(Array.isArray(name['given']) ? name['given'].map(str) : []), str(name['family'])]
    .filter(Boolean)
    .join(' ');
}

function resultOf(observation: Json, faults: ReadonlySet<FaultName>): HomecareResult {
  const coding = list(obj(observation['code'])['coding'])[0] ?? {};
  const quantity = obj(observation['valueQuantity']);
  const comparator = faults.has('hco-drop-comparator') ? '' : str(quantity['comparator']);
  // Fault: a result given as text (valueString) is kept without its value.
  const text = faults.has('hco-text-result-without-value') ? '' : str(observation['valueString']);
  const value = observation['valueQuantity'] ? `${comparator}${str(quantity['value'])}` : text;
  // Fault: a unit given only as its code (Quantity.code) is not shown.
  const unit = str(quantity['unit']) || (faults.has('hco-unit-text-only') ? '' : str(quantity['code']));
  const notes = list(observation['note'])
    .map((n) => str(n['text']))
    .filter(Boolean);
  // Fault: of several analysis notes only the first is kept.
  // Fault: several analysis notes are run together, with nothing between them.
  const comment = (faults.has('hco-first-analysis-note-only') ? notes.slice(0, 1) : notes).join(
    faults.has('hco-analysis-notes-run-together') ? '' : '\n',
  );
  return {
    code: str(coding['code']),
    // Kept only when sent: a code without a system (as in MedCom's test example 4) is stored as it came.
    ...(typeof coding['system'] === 'string' ? { system: coding['system'] } : {}),
    ...(typeof coding['display'] !== 'string' ? {} : { longName: coding['display'] }),
    value,
    ...(unit ? { unit } : {}),
    samplingTime: str(observation['effectiveDateTime']),
    status: str(observation['status']),
    // Fault: only the first coding of the interpretation is read.
    notReferenceEvaluated: list(observation['interpretation']).some((i) =>
      (faults.has('hco-interpretation-first-coding-only')
        ? list(obj(i)['coding']).slice(0, 1)
        : list(obj(i)['coding'])
      ).some((c) => c['system'] === NOT_INTERPRETED && c['code'] === 'NI'),
    ),
    ...(comment ? { analysisComment: comment } : {}),
  };
}

/** The attachment with its author (Media.operator: a Practitioner, or the practitioner of a PractitionerRole). */
function attachmentOf(m: Message, media: Json): HomecareAttachment {
  const content = obj(media['content']);
  const operator = m.resolve(media['operator']);
  const author =
    operator?.['resourceType'] === 'PractitionerRole' ? m.resolve(operator['practitioner']) : operator;
  const name = author ? nameOf(author) : '';
  const created = str(content['creation']);
  return {
    title: str(content['title']),
    contentType: str(content['contentType']),
    bytes: Buffer.from(str(content['data']), 'base64').length,
    ...(name ? { author: name } : {}),
    ...(created ? { createdAt: created } : {}),
  };
}

/** Reads the parts the GP system keeps. */
export function readMessage(bundle: Json, faults: ReadonlySet<FaultName>): ReceivedMessage {
  const m = new Message(bundle);
  const header = m.first('MessageHeader');
  const report = m.resolve(list(header['focus'])[0]) ?? m.first('DiagnosticReport');
  const patient = m.resolve(report['subject']) ?? m.first('Patient');
  const performers = list(report['performer']).map((p) => m.resolve(p) ?? {});
  // Fault: the MessageHeader's sender is shown as the producer, not the report's performer Organization.
  // Fault: the first performer is taken for the producer, whatever its type.
  const performer = faults.has('hco-producer-is-sender')
    ? undefined
    : faults.has('hco-producer-first-performer')
      ? performers[0]
      : performers.find((p) => p['resourceType'] === 'Organization');
  const producer = performer ?? m.resolve(header['sender']) ?? {};
  const role = performers.find((p) => p['resourceType'] === 'PractitionerRole') ?? {};
  const practitioner = m.resolve(role['practitioner']) ?? {};
  const receiver = m.resolve(obj(list(header['destination'])[0])['receiver']) ?? {};
  // Fault: the sender's GLN (compared with the SBDH envelope) is read from the producer.
  const sender = (faults.has('hco-sender-is-producer') ? producer : m.resolve(header['sender'])) ?? producer;
  const messageId = str(header['id']);
  const own =
    m.resources.find(
      (r) =>
        r['resourceType'] === 'Provenance' &&
        list(r['target']).some((t) => lastSegment(str(t['reference'])) === messageId),
    ) ?? {};
  const entity = list(own['entity'])[0];
  const given = obj(list(receiver['contact'])[0])['name'];
  const initialsText = Array.isArray(obj(given)['given'])
    ? (obj(given)['given'] as unknown[]).map(str).join(' ')
    : '';
  const roleCoding = list(obj(list(role['code'])[0])['coding'])[0] ?? {};
  const patientIdentifier = list(patient['identifier'])[0] ?? {};
  const observations = list(report['result']).map((r) => m.resolve(r));
  return {
    bundleId: str(bundle['id']),
    messageId,
    activity: str(list(obj(own['activity'])['coding'])[0]?.['code']),
    ...(entity ? { previous: lastSegment(str(obj(entity['what'])['reference'])) } : {}),
    sentAt: faults.has('hco-sent-time-is-receipt-time') ? '' : str(own['recorded']),
    senderGln: identifierValue(sender, GLN),
    receiverGln: identifierValue(receiver, GLN),
    senderSor: identifierValue(sender, SOR),
    senderName: str(sender['name']),
    addressedTo: initialsText && !faults.has('hco-ignore-initials') ? initialsText : 'unknown',
    patient: {
      id: str(patientIdentifier['value']),
      system: str(patientIdentifier['system']),
      name: nameOf(patient),
    },
    receiver: { name: str(receiver['name']), sor: identifierValue(receiver, SOR) },
    producer: {
      name: str(producer['name']),
      sor: identifierValue(producer, SOR),
      producerId: identifierValue(producer, PRODUCER_ID),
    },
    signature: {
      // Fault: a name without given names (the family name alone) is not shown.
      name:
        faults.has('hco-family-name-alone-unshown') &&
        !Array.isArray(list(practitioner['name'])[0]?.['given'])
          ? ''
          : nameOf(practitioner),
      // Fault: the title is the role's code, also where the role coding has a display.
      title: faults.has('hco-signature-title-is-role-code')
        ? str(roleCoding['code'])
        : str(roleCoding['display']) || str(roleCoding['code']),
      // Fault: the first telecom is taken for the phone, whatever its system.
      phone: str(
        (faults.has('hco-signature-first-telecom')
          ? list(practitioner['telecom'])[0]
          : list(practitioner['telecom']).find((t) => t['system'] === 'phone'))?.['value'],
      ),
    },
    reportStatus: str(report['status']),
    ...(typeof report['conclusion'] === 'string' ? { clinicalComment: report['conclusion'] } : {}),
    results: observations.filter((o): o is Json => o !== undefined).map((o) => resultOf(o, faults)),
    attachments: list(report['media'])
      .map((l) => m.resolve(obj(l)['link']))
      .filter((x): x is Json => x !== undefined)
      .map((media) => attachmentOf(m, media)),
    // Fault: every report is marked as refused consent, whatever its security labels.
    refusedConsent:
      faults.has('hco-refused-consent-on-every-report') ||
      (!faults.has('hco-ignore-refused-consent') &&
        list(obj(report['meta'])['security']).some((s) => s['code'] === 'R')),
    namedResults: observations.length,
  };
}

/** Why the message must be rejected (fatal-error), or undefined when it is acceptable. */
export function rejectionOf(
  bundle: Json,
  message: ReceivedMessage,
  faults: ReadonlySet<FaultName>,
): Rejection | undefined {
  // The message has a MessageHeader with an id: receive.ts refuses a delivery without one before it gets here.
  const header = new Message(bundle).first('MessageHeader');
  // Fault: any Bundle with a MessageHeader is read as a message, whatever its type.
  if (bundle['type'] !== 'message' && !faults.has('hco-accepts-any-bundle-type'))
    return {
      detail: { system: HL7_DETAILS, code: 'MSG_RESOURCE_REQUIRED' },
      text: 'not a FHIR message with a MessageHeader',
    };
  if (
    str(obj(header['eventCoding'])['code']) !== 'homecareobservation-message' &&
    !faults.has('hco-accepts-other-events')
  )
    return {
      detail: { system: MEDCOM_DETAILS, code: 'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE' },
      text: 'not a HomeCareObservation message',
    };
  if (
    (!HCO_ACTIVITIES.has(message.activity) && !faults.has('hco-accepts-any-activity')) ||
    (faults.has('hco-reject-cancellations') && message.activity === 'retract-message')
  )
    return {
      detail: { system: MEDCOM_DETAILS, code: 'MSG_VALUESET_VALUE_UNKNOWN' },
      text: `Provenance.activity "${message.activity}" is not a HomeCareObservation activity`,
    };
  if (message.namedResults !== message.results.length && !faults.has('hco-ignores-broken-references'))
    return {
      detail: { system: HL7_DETAILS, code: 'MSG_LOCAL_FAIL' },
      text: 'DiagnosticReport.result names an Observation that is not in the message',
    };
  // Fault: the comparator is counted as one of the 12 characters.
  const counted = (value: string) =>
    faults.has('hco-limit-counts-comparator') ? value : value.replace(/^[<>]/, '');
  const long = message.results.find((r) => counted(r.value).length > 12);
  if (long && !faults.has('hco-accepts-long-results'))
    return {
      detail: { system: MEDCOM_DETAILS, code: 'MSG_Element_To_Long' },
      text: `result ${long.code} "${long.value}" is longer than 12 characters`,
    };
  // A code without a system is accepted: MedCom's test example 4 sends NPU02319 so, valid under the 1.2.1 profile.
  const foreign = (system: string | undefined) =>
    system !== undefined && system !== NPU && !system.startsWith('http://medcomfhir.dk/');
  if (message.results.some((r) => foreign(r.system)))
    return {
      detail: { system: MEDCOM_DETAILS, code: 'MSG_CodeSystem_VALUE_UNKNOWN' },
      text: 'a result is neither NPU nor MedCom coded',
    };
  if (faults.has('hco-reject-ecpr') && message.patient.system !== CPR)
    return {
      detail: { system: MEDCOM_DETAILS, code: 'MSG_Datatype_Wrong' },
      text: 'the patient has no CPR number',
    };
  if (faults.has('hco-reject-attachment-without-author') && message.attachments.some((a) => !a.author))
    return {
      detail: { system: MEDCOM_DETAILS, code: 'MSG_Datatype_Wrong' },
      text: 'an attachment has no author',
    };
  if (faults.has('hco-reject-attachments') && message.attachments.length > 0)
    return {
      detail: { system: MEDCOM_DETAILS, code: 'MSG_Datatype_Wrong' },
      text: 'attachments are not supported',
    };
  if (faults.has('hco-reject-unknown-initials') && message.addressedTo === 'unknown')
    return {
      detail: { system: MEDCOM_DETAILS, code: 'MSG_Receiver_Identifier_MISSING' },
      text: 'no GP initials',
    };
  return undefined;
}
