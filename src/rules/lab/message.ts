import { isResource, referenceOf, resolveInBundle, resourcesOf, type Resource } from '../../fhir/bundle.ts';
import { LAB_SYSTEM, RESTRICTED } from './model.ts';

/** A lab message as read by the rules: tolerant of malformed content, every part may be missing. */
export interface LabMessage {
  bundle: Resource;
  header?: Resource;
  report?: Resource;
  observations: Resource[];
  patient?: Resource;
  provenances: Resource[];
}

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

/** Reads a message Bundle: the MessageHeader, the report it focuses, the report's results and subject. */
export function readMessage(bundle: unknown): LabMessage {
  const root: Resource = isResource(bundle) ? bundle : { resourceType: 'Unknown' };
  const header = resourcesOf(root, 'MessageHeader')[0];
  const focus = Array.isArray(header?.focus) ? (header.focus as unknown[])[0] : undefined;
  const focused = resolveInBundle(root, referenceOf(focus));
  const report =
    focused?.resourceType === 'DiagnosticReport' ? focused : resourcesOf(root, 'DiagnosticReport')[0];
  const results = Array.isArray(report?.result) ? (report.result as unknown[]) : [];
  const resolved = results
    .map((r) => resolveInBundle(root, referenceOf(r)))
    .filter((r): r is Resource => r?.resourceType === 'Observation');
  const subject = resolveInBundle(root, referenceOf(report?.subject));
  const patient = subject?.resourceType === 'Patient' ? subject : resourcesOf(root, 'Patient')[0];
  return {
    bundle: root,
    ...(header ? { header } : {}),
    ...(report ? { report } : {}),
    observations: resolved.length > 0 ? resolved : resourcesOf(root, 'Observation'),
    ...(patient ? { patient } : {}),
    provenances: resourcesOf(root, 'Provenance'),
  };
}

export function codingsOf(concept: unknown): Coding[] {
  const coding = (concept as { coding?: unknown } | undefined)?.coding;
  return Array.isArray(coding) ? (coding.filter((c) => typeof c === 'object' && c !== null) as Coding[]) : [];
}

/** The NPU coding of an Observation (code system urn:oid:1.2.208.176.2.1), if any. */
export function npuCoding(observation: Resource): Coding | undefined {
  return codingsOf(observation.code).find((c) => c.system === LAB_SYSTEM.npu && typeof c.code === 'string');
}

export function npuCodeOf(observation: Resource): string | undefined {
  return npuCoding(observation)?.code;
}

/** The first identifier value of a resource (the result's stable identifier). */
export function identifierOf(resource: Resource | undefined): string | undefined {
  const identifier = Array.isArray(resource?.identifier) ? (resource.identifier as unknown[])[0] : undefined;
  const value = (identifier as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' ? value : undefined;
}

export function messageIdOf(message: LabMessage): string | undefined {
  return typeof message.header?.id === 'string' ? message.header.id : undefined;
}

export function reportIdentifierOf(message: LabMessage): string | undefined {
  return identifierOf(message.report);
}

/** Whether a resource carries the confidentiality R marking of nægtet samtykke. */
export function isRestricted(resource: Resource | undefined): boolean {
  const security = (resource?.meta as { security?: unknown } | undefined)?.security;
  return (
    Array.isArray(security) &&
    (security as Coding[]).some((c) => c.system === RESTRICTED.system && c.code === RESTRICTED.code)
  );
}

/** The Provenance of the message itself: the one whose target is the MessageHeader. */
export function ownProvenance(message: LabMessage): Resource | undefined {
  if (!message.header) return undefined;
  return message.provenances.find((p) =>
    (Array.isArray(p.target) ? (p.target as unknown[]) : []).some(
      (t) => resolveInBundle(message.bundle, referenceOf(t)) === message.header,
    ),
  );
}

export function activityOf(provenance: Resource | undefined): string | undefined {
  return codingsOf(provenance?.activity).find((c) => c.system === LAB_SYSTEM.activity)?.code;
}

/** The entities of a Provenance: role and the id of the message they point to (`urn:uuid:` stripped). */
export function entitiesOf(provenance: Resource | undefined): { role?: string; messageId?: string }[] {
  const entities = Array.isArray(provenance?.entity) ? (provenance.entity as unknown[]) : [];
  return entities.map((e) => {
    const entity = e as { role?: unknown; what?: { identifier?: { value?: unknown } } };
    const value = entity.what?.identifier?.value;
    return {
      ...(typeof entity.role === 'string' ? { role: entity.role } : {}),
      ...(typeof value === 'string' ? { messageId: value.replace(/^urn:uuid:/, '') } : {}),
    };
  });
}

/** `DiagnosticReport/abc` or `Observation/def (NPU19748)`, for failure messages. */
export function describe(resource: Resource | undefined): string {
  if (!resource) return '(missing)';
  const npu = resource.resourceType === 'Observation' ? npuCodeOf(resource) : undefined;
  return `${resource.resourceType}/${resource.id ?? '?'}${npu ? ` (${npu})` : ''}`;
}
