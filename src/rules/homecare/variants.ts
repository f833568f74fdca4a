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

/** The glucose result written with 14 characters, over MedCom's limit of 12. */
export function withTooLongResult(bundle: Bundle): Bundle {
  observationByCode(bundle, 'NPU22089').valueQuantity = { value: 6.800000000001, unit: 'mmol/L' };
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
