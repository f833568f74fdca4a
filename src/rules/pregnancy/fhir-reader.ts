// FHIR binding, reading: a GMv2 document Bundle (SDS draft) to the format-neutral model. Structural deviations
// the content rules cannot see (Bundle type, Composition place, unresolved references) are listed as problems.
import { emptyJsonElements } from '../../fhir/structural.ts';
import {
  entriesOf as bundleEntries,
  isResource,
  resolveInBundle,
  type Entry,
  type Resource,
} from '../../fhir/bundle.ts';
import type {
  GmComponent,
  GmDocument,
  GmEntry,
  GmIdentifier,
  GmQuantity,
  GmValue,
  ReadDocument,
} from './model.ts';
import { GMV2_CODES } from './codes.ts';
import { sliceOf } from './slices.ts';

export const EXTENSION = GMV2_CODES.extensions;

/** Observation elements GMObservation constrains to 0..0 (besides meta, text and friends). */
const FORBIDDEN_OBSERVATION = [
  'meta',
  'implicitRules',
  'language',
  'text',
  'contained',
  'identifier',
  'basedOn',
  'partOf',
  'category',
  'encounter',
  'issued',
  'performer',
  'dataAbsentReason',
  'interpretation',
  'note',
  'bodySite',
  'method',
  'specimen',
  'device',
  'referenceRange',
  'hasMember',
  'derivedFrom',
] as const;

/** Composition elements GMDocumentComposition constrains to 0..0. */
export const FORBIDDEN_COMPOSITION = [
  'identifier',
  'text',
  'language',
  'confidentiality',
  'category',
  'encounter',
  'attester',
  'custodian',
  'relatesTo',
  'event',
] as const;

interface Coding {
  system?: string;
  code?: string;
}
type Json = Record<string, unknown>;

const codingOf = (concept: unknown): Coding =>
  ((concept as { coding?: Coding[] } | undefined)?.coding ?? [])[0] ?? {};

function identifiers(value: unknown): GmIdentifier[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return (list as { system?: unknown; value?: unknown }[]).map((i) => ({
    system: typeof i.system === 'string' ? i.system : '',
    value: typeof i.value === 'string' ? i.value : '',
  }));
}

function quantity(q: unknown): GmQuantity | undefined {
  const v = q as { value?: unknown; unit?: unknown; code?: unknown } | undefined;
  if (!v || typeof v.value !== 'number') return undefined;
  return {
    value: v.value,
    unit: typeof v.unit === 'string' ? v.unit : '',
    ...(typeof v.code === 'string' ? { unitCode: v.code } : {}),
  };
}

/** The value[x] of an Observation or component, in the neutral form. */
function valueOf(element: Json): GmValue | undefined {
  if (element['valueQuantity'] !== undefined) {
    const q = quantity(element['valueQuantity']);
    return q ? { type: 'quantity', quantity: q } : undefined;
  }
  if (typeof element['valueDateTime'] === 'string')
    return { type: 'dateTime', value: element['valueDateTime'] };
  if (typeof element['valueBoolean'] === 'boolean')
    return { type: 'boolean', value: element['valueBoolean'] };
  if (typeof element['valueInteger'] === 'number') return { type: 'integer', value: element['valueInteger'] };
  if (typeof element['valueString'] === 'string') return { type: 'string', value: element['valueString'] };
  if (element['valueCodeableConcept'] !== undefined) {
    const concept = element['valueCodeableConcept'] as { text?: string };
    const coding = codingOf(concept);
    return {
      type: 'coded',
      ...(coding.code ? { code: coding.code } : {}),
      ...(coding.system ? { system: coding.system } : {}),
      ...(concept.text ? { text: concept.text } : {}),
    };
  }
  return undefined;
}

function intervalOf(observation: Json): GmValue | undefined {
  const ext = ((observation['extension'] as Json[] | undefined) ?? []).find(
    (e) => e['url'] === EXTENSION.quantityInterval,
  );
  if (!ext) return undefined;
  const part = (name: string) =>
    quantity(
      ((ext['extension'] as Json[] | undefined) ?? []).find((e) => e['url'] === name)?.['valueQuantity'],
    );
  const low = part('low');
  const high = part('high');
  return { type: 'interval', ...(low ? { low } : {}), ...(high ? { high } : {}) };
}

/** References resolve by fullUrl or by `Type/id` (the draft forbids entry.fullUrl, see the manifest). */
function resolver(bundle: unknown): (reference: unknown) => Resource | undefined {
  return (reference) =>
    resolveInBundle(bundle, (reference as { reference?: unknown } | undefined)?.reference);
}

const cprOf = (resource: Resource | undefined): string | undefined =>
  identifiers(resource?.['identifier']).find((i) => i.system === 'urn:oid:1.2.208.176.1.2')?.value;

function readEntry(
  kind: string,
  observation: Resource,
  resolve: (r: unknown) => Resource | undefined,
): GmEntry {
  const coding = codingOf(observation['code']);
  const focus = ((observation['focus'] as unknown[] | undefined) ?? [])[0];
  const fetusResource = focus === undefined ? undefined : resolve(focus);
  const interval = intervalOf(observation);
  const value = valueOf(observation) ?? interval;
  const components: GmComponent[] = ((observation['component'] as Json[] | undefined) ?? []).map((c) => {
    const cc = codingOf(c['code']);
    const v = valueOf(c);
    return { code: cc.code ?? '', codeSystem: cc.system ?? '', ...(v ? { value: v } : {}) };
  });
  const fetusId = identifiers(fetusResource?.['identifier'])[0];
  const relationships = fetusResource?.['relationship'];
  const relationship = codingOf(Array.isArray(relationships) ? relationships[0] : relationships);
  const subjectCpr = cprOf(resolve(observation['subject']));
  const motherCpr = cprOf(resolve(fetusResource?.['patient']));
  const code = coding.code ?? '';
  return {
    slice: sliceOf(kind, { code, hasFetus: focus !== undefined, hasInterval: interval !== undefined }),
    code,
    codeSystem: coding.system ?? '',
    ...(typeof observation['status'] === 'string' ? { status: observation['status'] } : {}),
    ...(typeof observation['effectiveDateTime'] === 'string'
      ? { effective: observation['effectiveDateTime'] }
      : {}),
    ...(value ? { value } : {}),
    components,
    ...(focus !== undefined
      ? {
          fetus: {
            identifierSystem: fetusId?.system ?? '',
            identifierValue: fetusId?.value ?? '',
            relationship: relationship.code ?? '',
            relationshipSystem: relationship.system ?? '',
            ...(fetusResource ? { resourceType: fetusResource.resourceType } : {}),
            ...(motherCpr ? { motherCpr } : {}),
          },
        }
      : {}),
    ...(subjectCpr ? { subjectCpr } : {}),
    forbidden: FORBIDDEN_OBSERVATION.filter((name) => observation[name] !== undefined),
  };
}

const EMPTY: GmDocument = {
  format: 'fhir',
  kind: '',
  kindSystem: '',
  patientIds: [],
  authors: [],
  pregnancyIds: [],
  entries: [],
};

// FHIR R4 uuid datatype: urn:uuid: and an RFC 4122 UUID (R4 writes it in lower case; either case is accepted here).
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The entries' fullUrls as FHIR R4 defines them (Bundle.entry.fullUrl): an absolute URL or a URN, a urn:uuid one
 * carrying a UUID, each naming one entry (bdl-7: unless their meta.versionId differ). References in a document
 * resolve through them.
 */
function fullUrlProblems(entries: Entry[]): string[] {
  const seen = new Set<string>();
  return entries.flatMap((e, i) => {
    const url: unknown = e.fullUrl;
    if (url === undefined) return [];
    if (typeof url !== 'string') return [`Bundle.entry[${i}].fullUrl is not a string`];
    const problems: string[] = [];
    if (
      url.startsWith('urn:uuid:')
        ? !UUID_URN.test(url)
        : !/^(urn:[a-z0-9][a-z0-9-]*:\S+|https?:\/\/\S+)$/i.test(url)
    )
      problems.push(
        `Bundle.entry[${i}].fullUrl ${JSON.stringify(url)} is not an absolute URL or a valid urn:uuid`,
      );
    const version = (e.resource?.['meta'] as { versionId?: unknown } | undefined)?.versionId;
    const key = `${url} ${typeof version === 'string' ? version : ''}`;
    if (seen.has(key))
      problems.push(`Bundle.entry[${i}].fullUrl ${url} names another entry too (FHIR R4 bdl-7)`);
    seen.add(key);
    return problems;
  });
}

/** Reads a GMv2 FHIR document Bundle. Never throws. */
export function readFhirDocument(bundle: unknown): ReadDocument {
  const b = bundle as { resourceType?: unknown; type?: unknown } | undefined;
  if (b?.resourceType !== 'Bundle')
    return { document: EMPTY, problems: ['the document is not a FHIR Bundle'] };
  // FHIR R4 JSON has no empty values: no empty string (a primitive needs content), object or array, no null
  // (an empty CodeableConcept as a value says nothing). The first five are named.
  const problems: string[] = emptyJsonElements(bundle, 'Bundle').slice(0, 5);
  if (b.type !== 'document') problems.push(`Bundle.type is ${JSON.stringify(b.type)}, expected "document"`);
  const entries = bundleEntries(bundle);
  const composition = entries[0]?.resource;
  if (!isResource(composition) || composition.resourceType !== 'Composition') {
    problems.push('the first entry of the Bundle is not the Composition');
    return { document: EMPTY, problems };
  }
  problems.push(...fullUrlProblems(entries));
  entries.forEach((e, i) => {
    if (!isResource(e.resource)) problems.push(`Bundle.entry[${i}] has no resource`);
    for (const name of ['request', 'response', 'search'])
      if ((e as Json)[name] !== undefined)
        problems.push(`Bundle.entry[${i}].${name} is present (0..0 in a document)`);
  });
  const resolve = resolver(bundle);
  const coding = codingOf(composition['type']);
  const kind = coding.code ?? '';
  const patient = resolve(composition['subject']);
  if (!patient) problems.push('Composition.subject does not resolve to an entry of the Bundle');
  else if (patient.resourceType !== 'Patient')
    problems.push(`Composition.subject is a ${patient.resourceType}`);
  const authorRefs = (composition['author'] as unknown[] | undefined) ?? [];
  const authors = authorRefs.map((ref, i) => {
    const organization = resolve(ref);
    if (!organization) problems.push(`Composition.author[${i}] does not resolve to an entry of the Bundle`);
    else if (organization.resourceType !== 'Organization')
      problems.push(`Composition.author[${i}] is a ${organization.resourceType}, expected an Organization`);
    return {
      ids: identifiers(organization?.['identifier']),
      ...(typeof organization?.['name'] === 'string' ? { name: organization['name'] } : {}),
    };
  });
  const sections = (composition['section'] as Json[] | undefined) ?? [];
  const observations = sections.flatMap((section, s) =>
    ((section['entry'] as unknown[] | undefined) ?? []).flatMap((ref, i) => {
      const resource = resolve(ref);
      if (!resource) {
        problems.push(`Composition.section[${s}].entry[${i}] does not resolve to an entry of the Bundle`);
        return [];
      }
      if (resource.resourceType !== 'Observation') {
        problems.push(
          `Composition.section[${s}].entry[${i}] is a ${resource.resourceType}, expected an Observation`,
        );
        return [];
      }
      return [resource];
    }),
  );
  const pregnancyIds = ((composition['extension'] as Json[] | undefined) ?? [])
    .filter((e) => e['url'] === EXTENSION.pregnancyEpisode)
    .flatMap((e) => identifiers(e['valueIdentifier']));
  const document: GmDocument = {
    format: 'fhir',
    kind,
    kindSystem: coding.system ?? '',
    ...(typeof composition['title'] === 'string' ? { title: composition['title'] } : {}),
    ...(typeof composition['date'] === 'string' ? { time: composition['date'] } : {}),
    patientIds: identifiers(patient?.['identifier']),
    patientNames: ((patient?.['name'] as Json[] | undefined) ?? []).map((n) => ({
      given: ((n['given'] as unknown[] | undefined) ?? []).filter((g) => typeof g === 'string').join(' '),
      family: typeof n['family'] === 'string' ? n['family'] : '',
    })),
    ...(typeof patient?.['gender'] === 'string' ? { patientGender: patient['gender'] } : {}),
    authors,
    pregnancyIds,
    entries: observations.map((o) => readEntry(kind, o, resolve)),
  };
  return { document, problems };
}

/** The Composition of a document Bundle, for rules on elements the neutral model does not carry. */
export function compositionOf(bundle: unknown): Resource | undefined {
  const first = bundleEntries(bundle)[0]?.resource;
  return isResource(first) && first.resourceType === 'Composition' ? first : undefined;
}
