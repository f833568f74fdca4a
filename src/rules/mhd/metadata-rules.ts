import { objects, type Json } from '../../fhir/json.ts';
import { createHash } from 'node:crypto';
import type { Resource } from '../../fhir/bundle.ts';
import { isUuidValue, SYSTEM } from '../../fhir/identifiers.ts';
import type { ProvideDocumentBundle } from '../../fhir/mhd.ts';

/** Rules on the sharing metadata (DocumentReference, MedCom XDS metadata) of a submitted document. */

export const HOME_COMMUNITY_EXTENSION =
  'http://medcomfhir.dk/ig/document/StructureDefinition/medcom-document-homecommunityid-extension';

export function providesOneDocument(unpacked: ProvideDocumentBundle): string[] {
  return unpacked.problems;
}

export function homeCommunityId(documentReference: Resource, expected: string): string[] {
  const extensions =
    (documentReference.extension as
      { url?: string; valueCoding?: { system?: string; code?: string } }[] | undefined) ?? [];
  const found = extensions.filter((e) => e.url === HOME_COMMUNITY_EXTENSION);
  if (found.length !== 1)
    return [`DocumentReference has ${found.length} homeCommunityId extensions, expected one`];
  const code = found[0]?.valueCoding?.code;
  return code === expected ? [] : [`homeCommunityId is ${JSON.stringify(code)}, expected "${expected}"`];
}

export function masterIdentifierIsDocumentIdentifier(
  documentReference: Resource,
  document: Resource,
): string[] {
  const problems: string[] = [];
  const master = (documentReference.masterIdentifier as { value?: unknown } | undefined)?.value;
  const identifier = (document.identifier as { value?: unknown } | undefined)?.value;
  if (master === undefined || master !== identifier)
    problems.push(
      `masterIdentifier.value ${JSON.stringify(master)} is not the document's Bundle.identifier.value ${JSON.stringify(identifier)}`,
    );
  const ids = (documentReference.identifier as { value?: unknown }[] | undefined) ?? [];
  if (ids.length !== 1 || !isUuidValue(ids[0]?.value))
    problems.push(`DocumentReference.identifier must be one UUID, found ${JSON.stringify(ids)}`);
  return problems;
}

/** subject (a contained Patient) and context.sourcePatientInfo identify the same CPR as the document. */
export function metadataPatient(documentReference: Resource, expectedCpr: string): string[] {
  const problems: string[] = [];
  const contained = (documentReference.contained as Resource[] | undefined) ?? [];
  const cprOf = (reference: unknown, where: string): void => {
    const ref = (reference as { reference?: unknown } | undefined)?.reference;
    const target =
      typeof ref === 'string' && ref.startsWith('#')
        ? contained.find((r) => `#${r.id ?? ''}` === ref)
        : undefined;
    if (!target || target.resourceType !== 'Patient') {
      problems.push(`${where} ${JSON.stringify(ref)} does not point to a contained Patient`);
      return;
    }
    const cpr = ((target.identifier as { system?: string; value?: string }[] | undefined) ?? []).find(
      (i) => i.system === SYSTEM.cpr,
    )?.value;
    if (cpr !== expectedCpr)
      problems.push(`${where} identifies CPR ${JSON.stringify(cpr)}, expected ${expectedCpr}`);
  };
  cprOf(documentReference.subject, 'DocumentReference.subject');
  cprOf(
    (documentReference.context as { sourcePatientInfo?: unknown } | undefined)?.sourcePatientInfo,
    'DocumentReference.context.sourcePatientInfo',
  );
  return problems;
}

/** A new version's DocumentReference replaces the previous one (IHE XDS/MHD replace). */
export function replacesPrevious(documentReference: Resource, previous: Resource): string[] {
  // Whatever the SUT sent is judged, never trusted to have the right shape.
  const previousIds = objects(previous.identifier).map((i) => i['value']);
  const replaces = objects(documentReference.relatesTo).filter((r) => r['code'] === 'replaces');
  if (replaces.length === 0)
    return ['DocumentReference.relatesTo has no "replaces" relation to the previous document'];
  const targets = replaces.map((r) => r['target']);
  return targets.some((t) => {
    const identifier = typeof t === 'object' && t !== null ? (t as Json)['identifier'] : undefined;
    const value =
      typeof identifier === 'object' && identifier !== null ? (identifier as Json)['value'] : undefined;
    return value !== undefined && previousIds.includes(value);
  })
    ? []
    : [
        `relatesTo replaces ${JSON.stringify(targets)}, expected the previous DocumentReference identifier ${JSON.stringify(previousIds)}`,
      ];
}

/** For tests and evidence: the SHA-1 (base64) MHD uses for attachment.hash. */
export function sha1Base64(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('base64');
}
