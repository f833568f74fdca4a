import { danishOffsetAt, DATETIME_WITH_SECONDS_AND_ZONE, instantOf, offsetOf } from '../../fhir/datetime.ts';
import { describeResource, entriesOf, resourcesOf, type Resource } from '../../fhir/bundle.ts';
import { UUID_PATTERN } from '../../fhir/identifiers.ts';
import { narrativeShapeProblems, unsafeNarrativeContent } from '../../fhir/narrative.ts';
import { emptyJsonElements, structuralIssues } from '../../fhir/structural.ts';

/** Rules of MedCom's document Bundle (MedComDocumentBundle and document governance). Each returns problems. */

export function documentTypeAndFirstEntry(bundle: Resource, firstType = 'Composition'): string[] {
  const problems: string[] = [];
  if (bundle.resourceType !== 'Bundle') return [`resourceType is ${bundle.resourceType}, expected Bundle`];
  if (bundle.type !== 'document')
    problems.push(`Bundle.type is ${JSON.stringify(bundle.type)}, expected "document"`);
  const first = entriesOf(bundle)[0]?.resource?.resourceType;
  if (first !== firstType)
    problems.push(`Bundle.entry[0] is ${first ?? 'missing'}, expected the ${firstType}`);
  return problems;
}

export function bundleIdIsUuid(bundle: Resource): string[] {
  return typeof bundle.id === 'string' && UUID_PATTERN.test(bundle.id)
    ? []
    : [`Bundle.id is ${JSON.stringify(bundle.id)}, expected a UUID`];
}

/** Bundle.timestamp is there, with seconds and a zone (medcom-datetime-has-time-offset-zulu). */
function timestampFormatProblem(timestamp: unknown): string | undefined {
  if (typeof timestamp !== 'string') return 'Bundle.timestamp is missing';
  return DATETIME_WITH_SECONDS_AND_ZONE.test(timestamp)
    ? undefined
    : `Bundle.timestamp "${timestamp}" lacks seconds or a time zone (YYYY-MM-DDThh:mm:ss+hh:mm)`;
}

/**
 * `Bundle.timestamp` with seconds and a Danish offset (+01:00 / +02:00, MedCom TestScript assertDanishTimeZone);
 * given the sharing window, the instant must also fall within it, which catches a wrong offset for the season.
 */
export function timestampDanish(
  bundle: Resource,
  window?: { start: Date; end: Date; toleranceMs: number },
): string[] {
  const timestamp = bundle.timestamp;
  const malformed = timestampFormatProblem(timestamp);
  if (malformed || typeof timestamp !== 'string') return [malformed ?? 'Bundle.timestamp is missing'];
  const offset = offsetOf(timestamp);
  if (offset !== '+01:00' && offset !== '+02:00')
    return [
      `Bundle.timestamp "${timestamp}" has offset ${offset ?? '?'}, expected a Danish offset (+01:00 or +02:00)`,
    ];
  const instant = instantOf(timestamp);
  if (window && instant && !within(instant, window)) {
    return [
      `Bundle.timestamp "${timestamp}" is not the time of the sharing (${window.start.toISOString()} – ${window.end.toISOString()}); the Danish offset at that time is ${danishOffsetAt(window.start)}`,
    ];
  }
  return [];
}

/** Whether an instant lies in a window, widened by the allowed clock difference between SUT and certbench. */
export function within(instant: Date, window: { start: Date; end: Date; toleranceMs: number }): boolean {
  return (
    instant.getTime() >= window.start.getTime() - window.toleranceMs &&
    instant.getTime() <= window.end.getTime() + window.toleranceMs
  );
}

export function structurallyValid(bundle: Resource): string[] {
  return structuralIssues(bundle).map((i) => `${i.location}: ${i.message}`);
}

/**
 * FHIR R4 JSON: "objects are never empty, arrays are never empty, and properties never have null values" (nor empty
 * strings). The structural and profile validators accept all of them, e.g. `code: { coding: [] }`.
 */
export function noEmptyJsonElements(bundle: Resource): string[] {
  return emptyJsonElements(bundle, 'Bundle');
}

/** Every resource except the Bundle has a narrative (MedCom narrative governance). */
export function narrativesPresent(bundle: Resource): string[] {
  return resourcesOf(bundle).flatMap((r) =>
    narrativeShapeProblems(r.text).map((p) => `${describeResource(bundle, r)}: ${p}`),
  );
}

export function narrativesSafe(bundle: Resource): string[] {
  return resourcesOf(bundle).flatMap((r) =>
    unsafeNarrativeContent((r.text as { div?: unknown } | undefined)?.div).map(
      (p) => `${describeResource(bundle, r)}: ${p}`,
    ),
  );
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Bundle.id is a UUID (medcom-document-bundle-id-uuid); Bundle.identifier is a version 4 UUID and another one than
 * Bundle.id (ConditionList send protocol 3.4.3.2).
 */
export function bundleIdentity(bundle: Resource): string[] {
  const problems = bundleIdIsUuid(bundle);
  const value = (bundle.identifier as { value?: unknown } | undefined)?.value;
  if (typeof value !== 'string') return [...problems, 'Bundle.identifier.value is missing'];
  const uuid = value.replace(/^urn:uuid:/, '');
  if (!UUID_V4.test(uuid))
    problems.push(`Bundle.identifier ${JSON.stringify(value)} is not a version 4 UUID`);
  if (typeof bundle.id === 'string' && uuid.toLowerCase() === bundle.id.toLowerCase())
    problems.push(`Bundle.identifier ${value} is the same UUID as Bundle.id`);
  return problems;
}

/** Bundle.timestamp has seconds and a zone, and is the time the document was assembled (within the sharing). */
export function timestampIsAssemblyTime(
  bundle: Resource,
  window: { start: Date; end: Date; toleranceMs: number },
): string[] {
  const timestamp = bundle.timestamp;
  const malformed = timestampFormatProblem(timestamp);
  if (malformed || typeof timestamp !== 'string') return [malformed ?? 'Bundle.timestamp is missing'];
  const instant = instantOf(timestamp);
  return instant && within(instant, window)
    ? []
    : [
        `Bundle.timestamp "${timestamp}" is not the time the document was assembled (${window.start.toISOString()} – ${window.end.toISOString()})`,
      ];
}

/** Bundle.timestamp in Danish time: the offset Denmark has at that instant (+01:00 winter, +02:00 summer). */
export function timestampHasDanishOffset(bundle: Resource): string[] {
  const timestamp = bundle.timestamp;
  const malformed = timestampFormatProblem(timestamp);
  if (malformed || typeof timestamp !== 'string') return [malformed ?? 'Bundle.timestamp is missing'];
  const offset = offsetOf(timestamp);
  const instant = instantOf(timestamp);
  if (!offset || !instant) return [`Bundle.timestamp "${timestamp}" is not a valid dateTime`];
  const danish = danishOffsetAt(instant);
  return offset === danish
    ? []
    : [`Bundle.timestamp "${timestamp}" has offset ${offset}; Danish time at that instant is ${danish}`];
}

/** Bundle.timestamp (assembly) and Composition.date (last change) are different instants (MedCom TestScript). */
export function timestampInstantDiffersFromCompositionDate(bundle: Resource): string[] {
  const date = resourcesOf(bundle, 'Composition')[0]?.date;
  const a = instantOf(bundle.timestamp);
  const b = instantOf(date);
  return a && b && a.getTime() === b.getTime()
    ? [
        `Bundle.timestamp ${String(bundle.timestamp)} is the same instant as Composition.date ${String(date)}; the timestamp is when the document was assembled`,
      ]
    : [];
}
