// Reads a HomeCareObservation message into what a receiving GP system must show and store. Tolerant of malformed
// content: every part may be missing, so rules and checks can say what is wrong instead of throwing.
import { isResource, referenceOf, resolveInBundle, resourcesOf, type Resource } from '../../fhir/bundle.ts';
import { HCO } from './codes.ts';
import { objects as array, text, type Json } from '../../fhir/json.ts';

export interface HcoResult {
  observationId: string;
  system?: string;
  code?: string;
  /** The long name (NPU display) as sent. */
  display?: string;
  /** The result as a user reads it: comparator and value, e.g. `<5`, `6.8`. */
  value?: string;
  comparator?: string;
  unit?: string;
  samplingTime?: string;
  status?: string;
  analysisComment?: string;
  /** The texts of the analysis notes, where there are several (Observation.note 0..*). */
  analysisNotes?: string[];
  notInterpreted: boolean;
}

export interface HcoAttachment {
  id: string;
  title?: string;
  contentType?: string;
  /** Decoded size of the base64 data. */
  bytes: number;
  /** The author's name parts (Media.operator: a Practitioner, or a PractitionerRole's practitioner), if named. */
  authorNames?: string[];
  /** Time of creation (Media.content.creation), if given. */
  creation?: string;
}

export interface HcoMessage {
  bundle: Resource;
  bundleId?: string;
  messageId?: string;
  timestamp?: string;
  header?: Resource;
  report?: Resource;
  patient?: { id?: string; system?: string; name?: string };
  producer?: { name?: string; sor?: string; producerId?: string };
  receiver?: { name?: string; sor?: string; initials: string };
  signature?: { name?: string; role?: string; phone?: string };
  reportStatus?: string;
  clinicalComment?: string;
  results: HcoResult[];
  attachments: HcoAttachment[];
  refusedConsent: boolean;
  /** Provenance of this message (the one whose target is this MessageHeader). */
  activity?: string;
  entityRole?: string;
  /** MessageHeader.id of the message this one corrects or cancels (Provenance.entity.what). */
  previousMessageId?: string;
  /** Sending time (Provenance.recorded of this message). */
  sentAt?: string;
}

type Any = Json;

function identifier(resource: Resource | undefined, system: string): string | undefined {
  return text(array(resource?.['identifier']).find((i) => i['system'] === system)?.['value']);
}

function humanName(value: unknown): string | undefined {
  const name = array(value)[0];
  if (!name) return undefined;
  const given = Array.isArray(name['given']) ? (name['given'] as unknown[]).map(String) : [];
  const parts = [...given, ...(typeof name['family'] === 'string' ? [name['family']] : [])];
  return parts.length > 0 ? parts.join(' ') : text(name['text']);
}

/** The id a reference names at its end (`MessageHeader/<id>`, a full URL, `urn:uuid:<id>`). */
export function idOfReference(reference: string | undefined): string | undefined {
  if (!reference) return undefined;
  return /(?:^urn:uuid:|\/)([A-Za-z0-9\-.]{1,64})$/.exec(reference)?.[1];
}

function resolve(bundle: Resource, value: unknown): Resource | undefined {
  return resolveInBundle(bundle, referenceOf(value));
}

function initialsOf(receiver: Resource | undefined): string {
  const contact = array(receiver?.['contact'])[0];
  const given = contact ? (contact['name'] as Any | undefined)?.['given'] : undefined;
  if (Array.isArray(given) && given.length > 0) return given.map(String).join(' ');
  const absent = array(contact?.['extension']).find((e) => e['url'] === HCO.dataAbsentReason);
  return text(absent?.['valueCode']) ?? 'unknown';
}

function quantityText(quantity: Any): { value?: string; comparator?: string; unit?: string } {
  const comparator = text(quantity['comparator']);
  const raw = quantity['value'];
  const value = typeof raw === 'number' || typeof raw === 'string' ? String(raw) : undefined;
  return {
    ...(value !== undefined ? { value: `${comparator ?? ''}${value}` } : {}),
    ...(comparator ? { comparator } : {}),
    ...(typeof quantity['unit'] === 'string'
      ? { unit: quantity['unit'] }
      : typeof quantity['code'] === 'string'
        ? { unit: quantity['code'] }
        : {}),
  };
}

function readResult(observation: Resource): HcoResult {
  const coding = array((observation['code'] as Any | undefined)?.['coding'])[0];
  const quantity = observation['valueQuantity'] as Any | undefined;
  const value = quantity
    ? quantityText(quantity)
    : typeof observation['valueString'] === 'string'
      ? { value: observation['valueString'] }
      : {};
  const note = array(observation['note'])
    .map((n) => text(n['text']))
    .filter((t): t is string => t !== undefined);
  const notInterpreted = array(observation['interpretation']).some((i) =>
    array(i['coding']).some((c) => c['system'] === HCO.interpretation && c['code'] === 'NI'),
  );
  const optional = {
    system: text(coding?.['system']),
    code: text(coding?.['code']),
    display: text(coding?.['display']),
    samplingTime: text(observation['effectiveDateTime']),
    status: text(observation['status']),
    analysisComment: note.length > 0 ? note.join('\n') : undefined,
  };
  return {
    observationId: observation.id ?? '?',
    ...(Object.fromEntries(
      Object.entries(optional).filter(([, v]) => v !== undefined),
    ) as Partial<HcoResult>),
    ...value,
    ...(note.length > 1 ? { analysisNotes: note } : {}),
    notInterpreted,
  };
}

/** The name parts (given, family) of a Practitioner's first name. */
function nameParts(resource: Resource | undefined): string[] {
  const name = array(resource?.['name'])[0];
  if (!name) return [];
  const given = Array.isArray(name['given']) ? (name['given'] as unknown[]).map(String) : [];
  return [...given, ...(typeof name['family'] === 'string' ? [name['family']] : [])].filter(Boolean);
}

function readAttachment(bundle: Resource, media: Resource): HcoAttachment {
  const content = (media['content'] as Any | undefined) ?? {};
  const data = text(content['data']) ?? '';
  const operator = resolve(bundle, media['operator']);
  const author =
    operator?.resourceType === 'PractitionerRole' ? resolve(bundle, operator['practitioner']) : operator;
  const authorNames = nameParts(author);
  return {
    id: media.id ?? '?',
    ...(text(content['title']) ? { title: text(content['title']) } : {}),
    ...(text(content['contentType']) ? { contentType: text(content['contentType']) } : {}),
    bytes: Buffer.from(data, 'base64').length,
    ...(authorNames.length > 0 ? { authorNames } : {}),
    ...(text(content['creation']) ? { creation: text(content['creation']) } : {}),
  };
}

/** Reads a HomeCareObservation message Bundle. */
export function readHco(value: unknown): HcoMessage {
  const bundle: Resource = isResource(value) ? value : { resourceType: 'Unknown' };
  const header = resourcesOf(bundle, 'MessageHeader')[0];
  const focus = resolve(bundle, array(header?.['focus'])[0]);
  const report =
    focus?.resourceType === 'DiagnosticReport' ? focus : resourcesOf(bundle, 'DiagnosticReport')[0];
  const subject = resolve(bundle, report?.['subject']);
  const patient = subject?.resourceType === 'Patient' ? subject : resourcesOf(bundle, 'Patient')[0];
  const performers = array(report?.['performer']).map((p) => resolve(bundle, p));
  const producer =
    performers.find((p) => p?.resourceType === 'Organization') ?? resolve(bundle, header?.['sender']);
  const role = performers.find((p) => p?.resourceType === 'PractitionerRole');
  const practitioner = resolve(bundle, role?.['practitioner']);
  const receiver = resolve(bundle, array(header?.['destination'])[0]?.['receiver']);
  const observations = array(report?.['result'])
    .map((r) => resolve(bundle, r))
    .filter((r): r is Resource => r?.resourceType === 'Observation');
  const media = array(report?.['media'])
    .map((m) => resolve(bundle, m['link']))
    .filter((m): m is Resource => m?.resourceType === 'Media');
  const own = resourcesOf(bundle, 'Provenance').find((p) =>
    array(p['target']).some((t) => idOfReference(referenceOf(t)) === header?.id),
  );
  const entity = array(own?.['entity'])[0];
  const patientId = array(patient?.['identifier'])[0];
  const meta = report?.['meta'] as Any | undefined;
  const roleCoding = array(array(role?.['code'])[0]?.['coding'])[0];
  const telecom = array(practitioner?.['telecom']).find((t) => t['system'] === 'phone');
  const message: HcoMessage = {
    bundle,
    results: observations.map(readResult),
    attachments: media.map((m) => readAttachment(bundle, m)),
    refusedConsent: array(meta?.['security']).some(
      (s) => s['system'] === HCO.confidentiality && s['code'] === 'R',
    ),
  };
  const optional: Partial<HcoMessage> = {
    bundleId: bundle.id,
    messageId: header?.id,
    timestamp: text(bundle['timestamp']),
    header,
    report,
    patient: patient && {
      id: text(patientId?.['value']),
      system: text(patientId?.['system']),
      name: humanName(patient['name']),
    },
    producer: producer && {
      name: text(producer['name']),
      sor: identifier(producer, HCO.sor),
      producerId: identifier(producer, HCO.producentId),
    },
    receiver: receiver && {
      name: text(receiver['name']),
      sor: identifier(receiver, HCO.sor),
      initials: initialsOf(receiver),
    },
    signature: (role || practitioner) && {
      name: humanName(practitioner?.['name']),
      role: text(roleCoding?.['display']) ?? text(roleCoding?.['code']),
      phone: text(telecom?.['value']),
    },
    reportStatus: text(report?.['status']),
    clinicalComment: text(report?.['conclusion']),
    activity: text(array((own?.['activity'] as Any | undefined)?.['coding'])[0]?.['code']),
    entityRole: text(entity?.['role']),
    previousMessageId: idOfReference(referenceOf(entity?.['what'])),
    sentAt: text(own?.['recorded']),
  };
  for (const [key, v] of Object.entries(optional)) if (v !== undefined) Object.assign(message, { [key]: v });
  return message;
}
