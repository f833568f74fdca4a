// Messages certbench delivers, derived by code from MedCom's official examples: every delivery gets new ids and the
// current sending time; the variants MedCom's receive protocol asks for (unknown GP initials, comparators, a
// correction, a cancellation, invalid content) change the least they must. Choices where the IG is unclear are
// documented in protocols/kommunale-proevesvar.yaml.
import { randomUUID } from 'node:crypto';
import { danishLocalParts } from '../../fhir/datetime.ts';
import { HCO } from './codes.ts';
import { loadExample } from './examples.ts';

type Bundle = fhir4.Bundle;
type Resource = fhir4.FhirResource;

/** `YYYY-MM-DDThh:mm:ss+hh:mm` in Danish time, the form MedCom's examples use. */
export function danishSeconds(instant: Date): string {
  const { date, time, offset } = danishLocalParts(instant);
  return `${date}T${time}${offset}`;
}

function resources<T extends Resource['resourceType']>(bundle: Bundle, type: T) {
  return (bundle.entry ?? []).flatMap((e) =>
    e.resource?.resourceType === type ? [e.resource as Extract<Resource, { resourceType: T }>] : [],
  );
}

function only<T>(items: T[], what: string): T {
  const [first] = items;
  if (!first || items.length !== 1) throw new Error(`the example must have exactly one ${what}`);
  return first;
}

export function headerOf(bundle: Bundle): fhir4.MessageHeader {
  return only(resources(bundle, 'MessageHeader'), 'MessageHeader');
}

export function reportOf(bundle: Bundle): fhir4.DiagnosticReport {
  return only(resources(bundle, 'DiagnosticReport'), 'DiagnosticReport');
}

function observationByCode(bundle: Bundle, code: string): fhir4.Observation {
  return only(
    resources(bundle, 'Observation').filter((o) => o.code.coding?.some((c) => c.code === code)),
    `Observation ${code}`,
  );
}

const fullUrl = (type: string, id: string) => `${HCO.fullUrlBase}/${type}/${id}`;

/** Gives a resource a new id and points every reference to it at the new id. */
function renameResource(bundle: Bundle, resource: Resource, id: string): void {
  const before = `${resource.resourceType}/${resource.id ?? ''}`;
  const after = `${resource.resourceType}/${id}`;
  const entry = (bundle.entry ?? []).find((e) => e.resource === resource);
  if (entry) entry.fullUrl = fullUrl(resource.resourceType, id);
  resource.id = id;
  const rewrite = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(rewrite);
    else if (typeof value === 'object' && value !== null) {
      const object = value as Record<string, unknown>;
      if (object['reference'] === before) object['reference'] = after;
      Object.values(object).forEach(rewrite);
    }
  };
  for (const e of bundle.entry ?? []) if (e.resource !== resource) rewrite(e.resource);
}

function stamp(bundle: Bundle, provenance: fhir4.Provenance, sent: string): void {
  bundle.timestamp = sent;
  provenance.occurredDateTime = sent;
  provenance.recorded = sent;
}

/**
 * A new message from an official example: new Bundle.id, MessageHeader.id and Provenance id (UUIDs) and the
 * sending time `now` in Bundle.timestamp and the Provenance, so no delivery repeats an earlier one.
 */
export function freshMessage(example: Bundle, now: Date): Bundle {
  const bundle = structuredClone(example);
  bundle.id = randomUUID();
  renameResource(bundle, headerOf(bundle), randomUUID());
  const provenance = only(resources(bundle, 'Provenance'), 'Provenance');
  renameResource(bundle, provenance, randomUUID());
  stamp(bundle, provenance, danishSeconds(now));
  return bundle;
}

/** The GP who requisitioned the visit is not known: data-absent-reason `unknown` instead of initials. */
export function withUnknownInitials(bundle: Bundle): Bundle {
  const receiver = (bundle.entry ?? [])
    .map((e) => e.resource)
    .find(
      (r): r is fhir4.Organization =>
        r?.resourceType === 'Organization' &&
        (r.meta?.profile ?? []).some((p) => p.endsWith('/medcom-requesterorganization')),
    );
  if (!receiver) throw new Error('the example has no requester Organization');
  receiver.contact = [{ extension: [{ url: HCO.dataAbsentReason, valueCode: 'unknown' }] }];
  return bundle;
}

/**
 * Results outside the measuring range, written with comparators: the glucose meter's upper limit (>33.3 mmol/L)
 * and a CRP under the point-of-care detection limit (<5 mg/L), the CRP Observation taken from MedCom's large
 * example 3.4.5 without its analysis comment.
 */
export function withComparators(bundle: Bundle): Bundle {
  const glucose = observationByCode(bundle, 'NPU22089');
  glucose.valueQuantity = { comparator: '>', value: 33.3, unit: 'mmol/L' };
  const crp = structuredClone(observationByCode(loadExample('3.4.5'), 'NPU19748'));
  delete crp.note;
  crp.id = randomUUID();
  crp.subject = structuredClone(glucose.subject);
  crp.effectiveDateTime = glucose.effectiveDateTime;
  crp.valueQuantity = { comparator: '<', value: 5, unit: 'mg/L' };
  bundle.entry?.push({ fullUrl: fullUrl('Observation', crp.id), resource: crp });
  reportOf(bundle).result?.push({ reference: `Observation/${crp.id}` });
  return bundle;
}

/** The glucose result written with 13 characters, just over MedCom's limit of 12 (valueQuantity.value maxLength). */
export function withTooLongResult(bundle: Bundle): Bundle {
  observationByCode(bundle, 'NPU22089').valueQuantity = { value: 6.80000000001, unit: 'mmol/L' };
  return bundle;
}

/**
 * The glucose result at the limit: a value of exactly 12 characters, written with the comparator ">" (the
 * comparator is its own element, valueQuantity.comparator, outside value's maxLength 12).
 */
export function withTwelveCharacterResult(bundle: Bundle): Bundle {
  observationByCode(bundle, 'NPU22089').valueQuantity = {
    comparator: '>',
    value: 33.300000001,
    unit: 'mmol/L',
  };
  return bundle;
}

/** The same content as a Bundle of type collection: not a FHIR message (Bundle.type is fixed to message). */
export function asCollection(bundle: Bundle): Bundle {
  bundle.type = 'collection';
  return bundle;
}

/**
 * The message whose MessageHeader has no id (1..1 in medcom-messaging-messageHeader): nothing for an
 * acknowledgement to name, so a receiver cannot accept it. The Provenance still names the header by its fullUrl.
 */
export function withoutMessageHeaderId(bundle: Bundle): Bundle {
  delete headerOf(bundle).id;
  return bundle;
}

/** The message under another MedCom event code (a CareCommunication's), which a prøvesvar receiver does not take. */
export function withOtherEvent(bundle: Bundle): Bundle {
  const header = headerOf(bundle);
  header.eventCoding = { ...header.eventCoding, code: 'care-communication-message' };
  return bundle;
}

/**
 * The message's Provenance with activity forward-message: a MedCom messaging activity outside value set
 * medcom-HomeCareObservation-messagingActivities (invariant medcom-homecareObsMessage-2).
 */
export function withOtherActivity(bundle: Bundle): Bundle {
  return withActivity(bundle, 'forward-message');
}

/** The message as a reply (activity reply-message, inside the HomeCareObservation activities). */
export function asReply(bundle: Bundle): Bundle {
  return withActivity(bundle, 'reply-message');
}

function withActivity(bundle: Bundle, code: string): Bundle {
  const provenance = only(resources(bundle, 'Provenance'), 'Provenance');
  provenance.activity = { coding: [{ system: HCO.activityCodes, code }] };
  return bundle;
}

/**
 * MedCom's examples give several fields in one shape only: a result always as valueQuantity with a unit text, at most
 * one analysis note per result, the signer's role as a code without display, the phone as the signer's only telecom,
 * and the producer always the MessageHeader's sender and the first performer. This variant of a report with comments
 * and no attachment (TestScript example R1-3.3.1.1: attachments are not relevant in the production trial) gives each in another shape the HomeCareObservation 1.2.1 profiles allow (it validates against them),
 * so a receiver that reads only the examples' shape is noticed. Not varied, because the profiles allow one shape
 * only: DiagnosticReport.meta.security (0..1, fixed to v3-Confidentiality R) and Media.operator (invariants
 * medcom-homecareReport-5/6 ask for a PractitionerRole with a role code).
 * - a urine protein dipstick grade as valueString "1+" (NPU04206, MedCom's NPU display; valueString maxLength 12);
 * - the glucose unit only as its UCUM code (Quantity.unit is optional);
 * - two analysis notes on the heart rate (Observation.note 0..*);
 * - the role social- og sundhedsassistent with the display of medcom-core-PractitionerRolesSKSadministrativ;
 * - an e-mail address before the phone (medcom-homecareReport-3 asks for a phone among the telecoms);
 * - a producer Organization of its own beside the sender (medcom-producer-organization: GLN, SOR id and producer
 *   id KAF; its GLN and SOR id are those of the sender organisation of MedCom's acknowledgement test examples, as
 *   certbench knows no other registered unit: provisional test data), named after the PractitionerRole in
 *   DiagnosticReport.performer (its slices are not ordered).
 */
export function inOtherShapes(bundle: Bundle): Bundle {
  const report = reportOf(bundle);
  const glucose = observationByCode(bundle, 'NPU22089');
  glucose.valueQuantity = {
    value: glucose.valueQuantity?.value ?? 6.8,
    system: 'http://unitsofmeasure.org',
    code: 'mmol/L',
  };
  const heartRate = observationByCode(bundle, 'NPU21692');
  heartRate.note = [...(heartRate.note ?? []), { text: 'Målt igen efter 10 minutters hvile: 92 slag/min.' }];
  // The EOJ's own coding of "not reference-evaluated" before MedCom's (interpretation.coding 0..*, each coding's code
  // fixed to NI; the required binding asks for one coding from MedCom's value set).
  heartRate.interpretation = (heartRate.interpretation ?? []).map((i) => ({
    ...i,
    coding: [
      {
        system: 'https://skovly.example.dk/fhir/CodeSystem/fortolkning',
        code: 'NI',
        display: 'Ikke referencevurderet',
      },
      ...(i.coding ?? []),
    ],
  }));
  const protein: fhir4.Observation = {
    ...structuredClone(glucose),
    id: randomUUID(),
    code: { coding: [{ system: HCO.npu, code: 'NPU04206', display: 'U—Protein; arb.k.(proc.) = ?' }] },
    valueString: '1+',
  };
  delete protein.valueQuantity;
  bundle.entry?.push({ fullUrl: fullUrl('Observation', protein.id ?? ''), resource: protein });
  report.result?.push({ reference: `Observation/${protein.id ?? ''}` });
  const role = only(resources(bundle, 'PractitionerRole'), 'PractitionerRole');
  role.code = [
    {
      coding: [
        {
          system:
            'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-PractitionerRolesSKSadministrativ',
          code: 'socialogsundhedsassistent',
          display: 'Social- og sundhedsassistent',
        },
      ],
    },
  ];
  const signer = role.practitioner?.reference ?? '';
  const practitioner = only(
    resources(bundle, 'Practitioner').filter((p) => `Practitioner/${p.id ?? ''}` === signer),
    'signing Practitioner',
  );
  practitioner.telecom = [
    { system: 'email', value: 'akutteam@skovly.example.dk' },
    ...(practitioner.telecom ?? []),
  ];
  const sender = organizationOf(bundle, headerOf(bundle).sender?.reference);
  const producer: fhir4.Organization = {
    ...structuredClone(sender),
    id: randomUUID(),
    identifier: [
      { system: HCO.gln, value: '5790001348120' },
      { system: HCO.sor, value: '953741000016009' },
      { system: HCO.producentId, value: 'KAF' },
    ],
    name: 'Akutfunktionen, Pleje og Rehabilitering',
  };
  bundle.entry?.push({ fullUrl: fullUrl('Organization', producer.id ?? ''), resource: producer });
  const others = (report.performer ?? []).filter((p) => p.reference !== headerOf(bundle).sender?.reference);
  report.performer = [...others, { reference: `Organization/${producer.id ?? ''}` }];
  return bundle;
}

/**
 * The signing Practitioner named by the family name alone (HumanName.given 0..*; medcom-homecareReport-2 asks for a
 * name only), where MedCom's R1 examples name John by the given name alone.
 */
export function withSignerByFamilyName(bundle: Bundle): Bundle {
  const role = only(resources(bundle, 'PractitionerRole'), 'PractitionerRole');
  const signer = only(
    resources(bundle, 'Practitioner').filter(
      (p) => `Practitioner/${p.id ?? ''}` === role.practitioner?.reference,
    ),
    'signing Practitioner',
  );
  signer.name = [{ family: 'Jensen' }];
  return bundle;
}

/** The attached file without its author: Media.operator is 0..1 (medcom-core-media). */
export function withAttachmentWithoutAuthor(bundle: Bundle): Bundle {
  for (const media of resources(bundle, 'Media')) delete media.operator;
  return bundle;
}

/** The report names a result that is not in the message. */
export function withBrokenReference(bundle: Bundle): Bundle {
  const [first] = reportOf(bundle).result ?? [];
  if (!first) throw new Error('the example report has no result');
  first.reference = `Observation/${randomUUID()}`;
  return bundle;
}

/**
 * A later message about an earlier one (correction or cancellation): a new Bundle.id and MessageHeader.id (a
 * modified message is a new message), the earlier message's Provenance kept, and a new Provenance with the
 * activity and the entity role pointing at the earlier MessageHeader.
 */
function followUp(
  sent: Bundle,
  now: Date,
  activity: 'modified-message' | 'retract-message',
  role: 'revision' | 'removal',
): Bundle {
  const bundle = structuredClone(sent);
  const header = headerOf(bundle);
  const previous = header.id ?? '';
  const [original] = resources(bundle, 'Provenance');
  if (!original) throw new Error('the earlier message has no Provenance');
  bundle.id = randomUUID();
  renameResource(bundle, header, randomUUID());
  // The earlier message's own Provenance still targets the earlier MessageHeader.
  original.target = [{ reference: `MessageHeader/${previous}` }];
  const provenance: fhir4.Provenance = {
    ...structuredClone(original),
    id: randomUUID(),
    target: [{ reference: `MessageHeader/${header.id ?? ''}` }],
    activity: { coding: [{ system: HCO.activityCodes, code: activity }] },
    entity: [{ role, what: { reference: fullUrl('MessageHeader', previous) } }],
  };
  bundle.entry?.push({ fullUrl: fullUrl('Provenance', provenance.id ?? ''), resource: provenance });
  const sentAt = danishSeconds(now);
  stamp(bundle, provenance, sentAt);
  reportOf(bundle).issued = sentAt;
  return bundle;
}

/** A correction of a sent message: the glucose result is corrected to `value` (a correctable element). */
export function correctionOf(sent: Bundle, now: Date, value: number): Bundle {
  const bundle = followUp(sent, now, 'modified-message', 'revision');
  const glucose = observationByCode(bundle, 'NPU22089');
  glucose.valueQuantity = { ...glucose.valueQuantity, value };
  return bundle;
}

/**
 * The correctable content of a HomeCareObservation (IG home page: sampling time, result, clinical or analysis
 * comment, attachment, GP initials, signature), each corrected on its own in a message with comments and an
 * attachment (MedCom's TestScript example R1-3.3.2.1: glucose NPU22089, heart rate NPU21692 with an analysis comment).
 */
export const CORRECTABLE = {
  result: (b: Bundle) => {
    const glucose = observationByCode(b, 'NPU22089');
    glucose.valueQuantity = { ...glucose.valueQuantity, value: 7.2 };
  },
  // A result the first message left out, added by the correction (C-reactive protein, as in TestScript example 3.4.5).
  'results: one added': (b: Bundle) => {
    const glucose = observationByCode(b, 'NPU22089');
    const crp: fhir4.Observation = {
      ...structuredClone(glucose),
      id: randomUUID(),
      code: {
        coding: [{ system: HCO.npu, code: 'NPU19748', display: 'P—C-reaktivt protein; massek. = ? mg/L' }],
      },
      valueQuantity: { value: 26, unit: 'mg/L' },
    };
    delete crp.note;
    b.entry?.push({ fullUrl: fullUrl('Observation', crp.id ?? ''), resource: crp });
    reportOf(b).result?.push({ reference: `Observation/${crp.id ?? ''}` });
  },
  'sampling time': (b: Bundle) => {
    observationByCode(b, 'NPU22089').effectiveDateTime = '2025-08-07T14:17:23+02:00';
  },
  'analysis comment': (b: Bundle) => {
    observationByCode(b, 'NPU21692').note = [{ text: 'Målt igen efter 10 minutters hvile.' }];
  },
  'clinical comment': (b: Bundle) => {
    reportOf(b).conclusion = 'Glukose i orden; pulsen er målt igen i hvile og er normal.';
  },
  attachment: (b: Bundle) => {
    const media = only(resources(b, 'Media'), 'Media');
    media.content = { ...media.content, title: 'MedCom-logo, rettet billede' };
  },
  'GP initials': (b: Bundle) => {
    const receiver = organizationOf(b, headerOf(b).destination?.[0]?.receiver?.reference);
    receiver.contact = [{ name: { given: ['KJN'] } }];
  },
  signature: (b: Bundle) => {
    const role = only(resources(b, 'PractitionerRole'), 'PractitionerRole');
    const nurse = only(
      resources(b, 'Practitioner').filter(
        (p) => `Practitioner/${p.id ?? ''}` === role.practitioner?.reference,
      ),
      'signing Practitioner',
    );
    nurse.telecom = [{ system: 'phone', value: '+45 05577669' }];
  },
} as const satisfies Record<string, (b: Bundle) => void>;

export type Correctable = keyof typeof CORRECTABLE;

export function isCorrectable(element: string): element is Correctable {
  return Object.hasOwn(CORRECTABLE, element);
}

function organizationOf(bundle: Bundle, reference: string | undefined): fhir4.Organization {
  return only(
    resources(bundle, 'Organization').filter((o) => `Organization/${o.id ?? ''}` === reference),
    `Organization ${reference ?? '?'}`,
  );
}

/** A correction of a sent message that changes one correctable element and nothing else. */
export function correctionOfElement(sent: Bundle, now: Date, element: Correctable): Bundle {
  const bundle = followUp(sent, now, 'modified-message', 'revision');
  CORRECTABLE[element](bundle);
  return bundle;
}

/** A cancellation of a whole sent message, the reason written in the clinical comment (conclusion). */
export function cancellationOf(sent: Bundle, now: Date, reason: string): Bundle {
  const bundle = followUp(sent, now, 'retract-message', 'removal');
  reportOf(bundle).conclusion = reason;
  return bundle;
}

/** The same message resent: a new envelope (Bundle.id) and envelope time, the same MessageHeader.id and content. */
export function resendOf(sent: Bundle, now: Date): Bundle {
  const bundle = structuredClone(sent);
  bundle.id = randomUUID();
  bundle.timestamp = danishSeconds(now);
  return bundle;
}
