// The rules a receiving GP system applies to a HomeCareObservation message before it accepts it (medcom-standards.md
// §7.2 profiles and invariants, §1.4 "receivers SHALL reject violations of mandatory constraints"). Each problem
// names the element, what was expected and what was found; none means the message is acceptable.
import {
  describeResource,
  entriesOf,
  isResource,
  resolveInBundle,
  resourcesOf,
  type Resource,
} from '../../fhir/bundle.ts';
import { DEFINITION_PATTERN, HCO, HCO_ACTIVITIES, HCO_EVENT, MAX_RESULT_LENGTH } from './codes.ts';
import { objects as array, type Json } from '../../fhir/json.ts';

type Any = Json;

function codings(concept: unknown): Any[] {
  return array((concept as Any | undefined)?.['coding']);
}

/** Every `reference` string anywhere inside a value, with its path. */
function references(value: unknown, path: string): { path: string; reference: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => references(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Any).flatMap(([key, v]) =>
    key === 'reference' && typeof v === 'string' ? [{ path, reference: v }] : references(v, `${path}.${key}`),
  );
}

/**
 * References that must resolve inside the message. A Provenance may point at MessageHeaders of earlier messages
 * (the message it corrects or cancels, and that message's own Provenance), which are not in this Bundle.
 */
function brokenReferences(bundle: Resource): string[] {
  return resourcesOf(bundle).flatMap((resource) =>
    references(resource, describeResource(bundle, resource))
      .filter(
        (r) =>
          !(resource.resourceType === 'Provenance' && /MessageHeader\/[^/]+$/.test(r.reference)) &&
          resolveInBundle(bundle, r.reference) === undefined,
      )
      .map((r) => `${r.path}.reference "${r.reference}" does not resolve inside the message`),
  );
}

function headerProblems(bundle: Resource): string[] {
  const first = entriesOf(bundle)[0]?.resource;
  if (!isResource(first) || first.resourceType !== 'MessageHeader')
    return [`entry[0] is ${isResource(first) ? first.resourceType : 'missing'}, expected the MessageHeader`];
  const problems: string[] = [];
  if (typeof first['id'] !== 'string' || first['id'] === '')
    problems.push('MessageHeader.id is missing (1..1 in medcom-messaging-messageHeader)');
  const event = first['eventCoding'] as Any | undefined;
  if (event?.['system'] !== HCO.eventCodes || event['code'] !== HCO_EVENT)
    problems.push(
      `MessageHeader.eventCoding is ${String(event?.['system'])}|${String(event?.['code'])}, expected ${HCO.eventCodes}|${HCO_EVENT}`,
    );
  const definition = first['definition'];
  if (typeof definition !== 'string' || !DEFINITION_PATTERN.test(definition))
    problems.push(
      `MessageHeader.definition "${String(definition)}" is not the HomeCareObservation MessageDefinition 1.x`,
    );
  const destinations = array(first['destination']);
  if (destinations.length !== 1)
    problems.push(
      `MessageHeader.destination has ${destinations.length} entries, expected exactly one primary (no cc)`,
    );
  for (const d of destinations) {
    const use = array(d['extension']).map((e) => (e['valueCoding'] as Any | undefined)?.['code']);
    if (!use.includes('primary'))
      problems.push(`MessageHeader.destination use is ${use.join(', ') || 'missing'}, expected primary`);
    if (
      resolveInBundle(bundle, (d['receiver'] as Any | undefined)?.['reference'])?.resourceType !==
      'Organization'
    )
      problems.push('MessageHeader.destination.receiver does not name an Organization in the message');
  }
  const focus = array(first['focus'])[0];
  if (resolveInBundle(bundle, focus?.['reference'])?.resourceType !== 'DiagnosticReport')
    problems.push('MessageHeader.focus does not name the DiagnosticReport of the message');
  return problems;
}

function reportProblems(bundle: Resource, report: Resource): string[] {
  const where = describeResource(bundle, report);
  const problems: string[] = [];
  if (!codings(report['code']).some((c) => c['system'] === HCO.reportCodes && c['code'] === 'HomeCareReport'))
    problems.push(`${where}.code is not ${HCO.reportCodes}|HomeCareReport`);
  if (report['status'] !== 'final')
    problems.push(`${where}.status is "${String(report['status'])}", expected final`);
  const performers = array(report['performer']).map((p) => resolveInBundle(bundle, p['reference']));
  const role = performers.find((p) => p?.resourceType === 'PractitionerRole');
  if (performers.length !== 2 || !performers.some((p) => p?.resourceType === 'Organization') || !role)
    problems.push(`${where}.performer must be exactly the producer Organization and a PractitionerRole`);
  if (role) {
    if (codings(array(role['code'])[0]).length === 0)
      problems.push('the signing PractitionerRole has no role code (medcom-homecareReport-1)');
    const practitioner = resolveInBundle(bundle, (role['practitioner'] as Any | undefined)?.['reference']);
    if (array(practitioner?.['name']).length === 0)
      problems.push('the signing Practitioner has no name (medcom-homecareReport-2)');
    if (!array(practitioner?.['telecom']).some((t) => t['system'] === 'phone'))
      problems.push('the signing Practitioner has no phone number (medcom-homecareReport-3)');
  }
  if (array(report['result']).length === 0) problems.push(`${where}.result is empty`);
  return problems;
}

function observationProblems(bundle: Resource, observation: Resource): string[] {
  const where = describeResource(bundle, observation);
  const problems: string[] = [];
  // A code is required, its system is not: MedCom's test example 4 (receive protocol 1.2.1, step 3.3.5) codes
  // NPU02319 without a system and conforms to HomeCareObservation 1.2.1.
  const coded = codings(observation['code']).some((c) => typeof c['code'] === 'string');
  if (!coded) problems.push(`${where}.code has no coding with a code`);
  const quantity = observation['valueQuantity'] as Any | undefined;
  const raw = quantity ? quantity['value'] : observation['valueString'];
  const value = typeof raw === 'number' || typeof raw === 'string' ? String(raw) : undefined;
  if (value !== undefined && value.length > MAX_RESULT_LENGTH)
    problems.push(
      `${where} result "${value}" has ${value.length} characters, at most ${MAX_RESULT_LENGTH} are allowed`,
    );
  if (quantity && !['<', '>', undefined].includes(quantity['comparator'] as string | undefined))
    problems.push(`${where}.valueQuantity.comparator "${String(quantity['comparator'])}" is not < or >`);
  const ni = array(observation['interpretation']).some((i) =>
    codings(i).some((c) => c['system'] === HCO.interpretation && c['code'] === 'NI'),
  );
  if (!ni) problems.push(`${where}.interpretation is not ${HCO.interpretation}|NI (not reference-evaluated)`);
  if (typeof observation['effectiveDateTime'] !== 'string')
    problems.push(`${where}.effectiveDateTime (sampling time) is missing`);
  return problems;
}

function provenanceProblems(bundle: Resource): string[] {
  const provenances = resourcesOf(bundle, 'Provenance');
  if (provenances.length === 0) return ['the message has no Provenance (medcom-messaging-2)'];
  return provenances.flatMap((p) => {
    const codes = codings(p['activity']).map((c) => c['code']);
    return codes.some((c) => (HCO_ACTIVITIES as readonly unknown[]).includes(c))
      ? []
      : [
          `${describeResource(bundle, p)}.activity is ${codes.map(String).join(', ') || 'missing'}, not in medcom-HomeCareObservation-messagingActivities (medcom-homecareObsMessage-2)`,
        ];
  });
}

function receiverProblems(bundle: Resource, header: Resource | undefined): string[] {
  const receiver = resolveInBundle(
    bundle,
    (array(header?.['destination'])[0]?.['receiver'] as Any | undefined)?.['reference'],
  );
  if (!receiver) return [];
  return array(receiver['contact']).flatMap((contact) =>
    contact['name'] !== undefined ||
    array(contact['extension']).some((e) => e['url'] === HCO.dataAbsentReason)
      ? []
      : [
          'the receiving Organization contact has neither GP initials nor a data-absent-reason (medcom-homecareObservation-4)',
        ],
  );
}

/** Everything that makes a HomeCareObservation message unacceptable to a receiver. */
export function hcoProblems(value: unknown): string[] {
  if (!isResource(value) || value.resourceType !== 'Bundle') return ['the message is not a FHIR Bundle'];
  const bundle = value;
  if (bundle['type'] !== 'message') return [`Bundle.type is "${String(bundle['type'])}", expected message`];
  const header = resourcesOf(bundle, 'MessageHeader')[0];
  const reports = resourcesOf(bundle, 'DiagnosticReport');
  const patients = resourcesOf(bundle, 'Patient');
  return [
    ...headerProblems(bundle),
    ...brokenReferences(bundle),
    ...(patients.length === 1 ? [] : [`the message has ${patients.length} Patients, expected exactly one`]),
    ...(reports.length === 1 ? [] : [`the message has ${reports.length} DiagnosticReports, expected one`]),
    ...reports.flatMap((r) => reportProblems(bundle, r)),
    ...resourcesOf(bundle, 'Observation').flatMap((o) => observationProblems(bundle, o)),
    ...provenanceProblems(bundle),
    ...receiverProblems(bundle, header),
  ];
}
