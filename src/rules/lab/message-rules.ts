import { entriesOf, referenceOf, resolveInBundle, type Resource } from '../../fhir/bundle.ts';
import { isUuidValue, SOR_PATTERN, SYSTEM, UUID_PATTERN } from '../../fhir/identifiers.ts';
import { bundleIdIsUuid, timestampDanish } from '../document/bundle-rules.ts';
import { activityOf, describe, entitiesOf, identifierOf, ownProvenance, type LabMessage } from './message.ts';
import {
  DATABASE_NAME,
  LAB_SYSTEM,
  PLSP_SOURCE_NAME,
  type Activity,
  type Database,
  type SenderVariant,
} from './model.ts';

/** Rules on the message as a whole: Bundle, MessageHeader, identifiers, sender and Provenance. */

export function messageStructure(message: LabMessage): string[] {
  const { bundle, header, report } = message;
  if (bundle.resourceType !== 'Bundle') return [`resourceType is ${bundle.resourceType}, expected Bundle`];
  const problems: string[] = [];
  if (bundle.type !== 'message')
    problems.push(`Bundle.type is ${JSON.stringify(bundle.type)}, expected "message"`);
  const first = entriesOf(bundle)[0]?.resource?.resourceType;
  if (first !== 'MessageHeader')
    problems.push(`Bundle.entry[0] is ${first ?? 'missing'}, expected the MessageHeader`);
  const focus = Array.isArray(header?.focus) ? (header.focus as unknown[])[0] : undefined;
  if (resolveInBundle(bundle, referenceOf(focus))?.resourceType !== 'DiagnosticReport')
    problems.push('MessageHeader.focus does not resolve to the DiagnosticReport in the Bundle');
  const results = Array.isArray(report?.result) ? (report.result as unknown[]) : [];
  if (results.length === 0) problems.push('DiagnosticReport.result is empty, expected the Observations');
  results.forEach((r, i) => {
    if (resolveInBundle(bundle, referenceOf(r))?.resourceType !== 'Observation')
      problems.push(
        `DiagnosticReport.result[${i}] (${String(referenceOf(r))}) does not resolve to an Observation`,
      );
  });
  if (resolveInBundle(bundle, referenceOf(report?.subject))?.resourceType !== 'Patient')
    problems.push('DiagnosticReport.subject does not resolve to the Patient in the Bundle');
  return problems;
}

/** Bundle.id and MessageHeader.id are UUIDs; Bundle.timestamp has seconds, the Danish offset and is the send time. */
export function messageIdentity(
  message: LabMessage,
  window?: { start: Date; end: Date; toleranceMs: number },
): string[] {
  const problems = [...bundleIdIsUuid(message.bundle), ...timestampDanish(message.bundle, window)];
  const id = message.header?.id;
  if (typeof id !== 'string' || !UUID_PATTERN.test(id))
    problems.push(`MessageHeader.id is ${JSON.stringify(id)}, expected a UUID`);
  return problems;
}

/** The report and every observation carry a globally unique identifier (urn:ietf:rfc:3986, urn:uuid:). */
export function identifiersPresent(message: LabMessage): string[] {
  return [message.report, ...message.observations].flatMap((resource) => {
    if (!resource) return ['DiagnosticReport is missing'];
    const identifier = Array.isArray(resource.identifier) ? (resource.identifier as unknown[])[0] : undefined;
    const { system, value } = (identifier ?? {}) as { system?: unknown; value?: unknown };
    if (identifier === undefined) return [`${describe(resource)} has no identifier`];
    const problems: string[] = [];
    if (system !== LAB_SYSTEM.uri)
      problems.push(
        `${describe(resource)}.identifier.system is ${JSON.stringify(system)}, expected "${LAB_SYSTEM.uri}"`,
      );
    if (!isUuidValue(value) || !String(value).startsWith('urn:uuid:'))
      problems.push(
        `${describe(resource)}.identifier.value is ${JSON.stringify(value)}, expected urn:uuid:<UUID>`,
      );
    return problems;
  });
}

/** Different results never share an identifier (a report's or an observation's). */
export function identifiersDistinct(messages: LabMessage[]): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const message of messages) {
    for (const resource of [message.report, ...message.observations]) {
      const value = identifierOf(resource);
      if (!resource || value === undefined) continue;
      const other = seen.get(value);
      if (other !== undefined)
        problems.push(`${describe(resource)} reuses the identifier ${value} of ${other}`);
      else seen.set(value, describe(resource));
    }
  }
  return problems;
}

/**
 * The clinic sends (MessageHeader.sender is the producing clinic, by SOR) and MessageHeader.source names the sending
 * system: PLSP when PLSP sends for the clinic, the GP system itself otherwise (profile variant).
 */
export function senderAsDeclared(message: LabMessage, variant: SenderVariant): string[] {
  const { header, bundle, report } = message;
  if (!header) return ['the message has no MessageHeader'];
  const problems: string[] = [];
  const sender = resolveInBundle(bundle, referenceOf(header.sender));
  const performer = resolveInBundle(bundle, referenceOf((report?.performer as unknown[] | undefined)?.[0]));
  const sor = sorOf(sender);
  if (sender?.resourceType !== 'Organization' || sor === undefined)
    problems.push('MessageHeader.sender does not resolve to an Organization with a SOR identifier');
  else if (sor !== sorOf(performer))
    problems.push(
      `MessageHeader.sender has SOR ${sor}, expected the producing clinic's SOR ${sorOf(performer) ?? '(none)'}`,
    );
  const name = (header.source as { name?: unknown } | undefined)?.name;
  if (variant === 'plsp' && name !== PLSP_SOURCE_NAME)
    problems.push(
      `MessageHeader.source.name is ${JSON.stringify(name)}, expected "${PLSP_SOURCE_NAME}" (variant plsp)`,
    );
  if (variant === 'gp-system' && (typeof name !== 'string' || name === '' || name === PLSP_SOURCE_NAME))
    problems.push(
      `MessageHeader.source.name is ${JSON.stringify(name)}, expected the GP system's name (variant gp-system)`,
    );
  return problems;
}

/**
 * The MessageHeader as certbench's model has it (provisional, no public lab sharing specification; after
 * MedComMessagingMessageHeader): an eventCoding with system and code, one destination with an endpoint and — where
 * named — the name of the database the message is for, and a source with an endpoint and — where given — the software
 * of the declared sender (PLSP for the plsp variant, never PLSP when the GP system sends itself).
 */
export function headerAsModel(message: LabMessage, database: Database, variant: SenderVariant): string[] {
  const { header } = message;
  if (!header) return ['the message has no MessageHeader'];
  const problems: string[] = [];
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const event = header.eventCoding as { system?: unknown; code?: unknown } | undefined;
  if (!text(event?.system) || !text(event?.code))
    problems.push(
      `MessageHeader.eventCoding is ${JSON.stringify(event ?? null)}, expected a system and a code`,
    );
  const destinations = Array.isArray(header.destination)
    ? (header.destination as { name?: unknown; endpoint?: unknown }[])
    : [];
  if (destinations.length !== 1)
    problems.push(
      `MessageHeader.destination has ${destinations.length} entries, expected one: ${DATABASE_NAME[database]}`,
    );
  for (const d of destinations) {
    if (!text(d.endpoint)) problems.push('MessageHeader.destination.endpoint is missing');
    if (
      d.name !== undefined &&
      (typeof d.name !== 'string' || d.name.toUpperCase() !== DATABASE_NAME[database].toUpperCase())
    )
      problems.push(
        `MessageHeader.destination.name is ${JSON.stringify(d.name)}, expected "${DATABASE_NAME[database]}" (the database it was sent to)`,
      );
  }
  const source = header.source as { endpoint?: unknown; software?: unknown } | undefined;
  if (!text(source?.endpoint)) problems.push('MessageHeader.source.endpoint is missing');
  const software = source?.software;
  if (software !== undefined) {
    if (!text(software)) problems.push(`MessageHeader.source.software is ${JSON.stringify(software)}`);
    else if ((software === PLSP_SOURCE_NAME) !== (variant === 'plsp'))
      problems.push(
        variant === 'plsp'
          ? `MessageHeader.source.software is ${JSON.stringify(software)}, expected "${PLSP_SOURCE_NAME}" (variant plsp)`
          : `MessageHeader.source.software is "${PLSP_SOURCE_NAME}", but the GP system sends itself (variant gp-system)`,
      );
  }
  return problems;
}

export function sorOf(organization: Resource | undefined): string | undefined {
  const identifiers = Array.isArray(organization?.identifier) ? (organization.identifier as unknown[]) : [];
  const sor = identifiers.find((i) => (i as { system?: unknown }).system === SYSTEM.sor) as
    { value?: unknown } | undefined;
  return typeof sor?.value === 'string' && SOR_PATTERN.test(sor.value) ? sor.value : undefined;
}

/**
 * The message's own Provenance (target: its MessageHeader) records the activity, the clinic as agent, and — for a
 * follow-up message — an entity with the role pointing to the previous message's MessageHeader.id.
 */
export function provenanceRecords(
  message: LabMessage,
  activity: Activity,
  previous?: { role: 'revision' | 'removal'; messageId: string | undefined },
): string[] {
  const provenance = ownProvenance(message);
  if (!provenance) return ['no Provenance has the MessageHeader as target'];
  const problems: string[] = [];
  const actual = activityOf(provenance);
  if (actual !== activity)
    problems.push(
      `Provenance.activity is ${JSON.stringify(actual ?? null)}, expected ${LAB_SYSTEM.activity}#${activity}`,
    );
  const agents = Array.isArray(provenance.agent) ? (provenance.agent as { who?: unknown }[]) : [];
  if (
    !agents.some((a) => resolveInBundle(message.bundle, referenceOf(a.who))?.resourceType === 'Organization')
  )
    problems.push('Provenance.agent.who does not resolve to the clinic Organization');
  const entities = entitiesOf(provenance);
  if (!previous) {
    if (entities.some((e) => e.role === 'revision' || e.role === 'removal'))
      problems.push('Provenance of a new result refers to a previous message (entity revision/removal)');
    return problems;
  }
  if (!entities.some((e) => e.role === previous.role && e.messageId === previous.messageId)) {
    const found = entities.map((e) => `${e.role ?? '?'} → ${e.messageId ?? '?'}`).join(', ') || 'none';
    problems.push(
      `Provenance.entity has no role "${previous.role}" pointing to the previous message urn:uuid:${previous.messageId ?? '?'} (found ${found})`,
    );
  }
  return problems;
}
