// Sharing metadata of a GMv2 document (the DocumentReference of the ITI-65 submission, mirroring XDS metadata):
// formatCode, typeCode, classCode and the MIME type of the format.
import type { Resource } from '../../fhir/bundle.ts';
import { UUID_PATTERN } from '../../fhir/identifiers.ts';
import type { GmDocument } from './model.ts';
import {
  CLASS_CODE_CLINICAL_REPORT,
  CLASS_CODE_SYSTEM,
  DOCUMENT_TYPES,
  FORMAT_CODE_SYSTEM,
  MEDCOM_OID,
  urnOid,
  type DocumentFormat,
  type DocumentKind,
} from './codes.ts';

interface Coding {
  system?: string;
  code?: string;
}
const codings = (concept: unknown): Coding[] => (concept as { coding?: Coding[] } | undefined)?.coding ?? [];
const show = (c: Coding[]): string =>
  c.map((x) => `${x.system ?? '(no system)'}|${x.code ?? '(no code)'}`).join(', ') || 'nothing';

export const CONTENT_TYPE: Record<DocumentFormat, string> = {
  cda: 'text/xml',
  fhir: 'application/fhir+json',
};

/** formatCode urn:ad:dk:medcom:<type>-v1.0:full in MedCom's FormatCode system. */
export function formatCode(documentReference: Resource, kind: DocumentKind): string[] {
  const contents = (documentReference['content'] as { format?: Coding }[] | undefined) ?? [];
  const expected = DOCUMENT_TYPES[kind].formatCode;
  const found = contents.map((c) => c.format ?? {});
  return found.length === 1 && found[0]?.system === FORMAT_CODE_SYSTEM && found[0].code === expected
    ? []
    : [`content.format is ${show(found)}, expected ${FORMAT_CODE_SYSTEM}|${expected}`];
}

/** typeCode PSCR/PMR/PRF under the MedCom OID (not the value set's misspelt PFR) and classCode 001. */
export function typeAndClassCode(documentReference: Resource, kind: DocumentKind): string[] {
  const problems: string[] = [];
  const type = codings(documentReference['type']);
  if (!type.some((c) => c.system === urnOid(MEDCOM_OID) && c.code === kind))
    problems.push(`type is ${show(type)}, expected ${urnOid(MEDCOM_OID)}|${kind}`);
  const category = ((documentReference['category'] as unknown[] | undefined) ?? []).flatMap(codings);
  if (!category.some((c) => c.system === CLASS_CODE_SYSTEM && c.code === CLASS_CODE_CLINICAL_REPORT))
    problems.push(
      `category (classCode) is ${show(category)}, expected ${CLASS_CODE_SYSTEM}|${CLASS_CODE_CLINICAL_REPORT}`,
    );
  return problems;
}

/** The attachment's MIME type says the format the document is in. */
export function contentTypeOfFormat(documentReference: Resource, format: DocumentFormat): string[] {
  const contents =
    (documentReference['content'] as { attachment?: { contentType?: string } }[] | undefined) ?? [];
  const type = contents[0]?.attachment?.contentType;
  return type === CONTENT_TYPE[format]
    ? []
    : [
        `content.attachment.contentType is ${JSON.stringify(type)}, expected "${CONTENT_TYPE[format]}" for a ${format.toUpperCase()} document`,
      ];
}

/** masterIdentifier names the document: the CDA id, or the FHIR Bundle.identifier when one is sent. */
export function masterIdentifierNamesDocument(
  documentReference: Resource,
  document: GmDocument,
  bundle?: unknown,
): string[] {
  const master = (documentReference['masterIdentifier'] as { value?: unknown } | undefined)?.value;
  if (typeof master !== 'string' || master === '') return ['DocumentReference.masterIdentifier has no value'];
  const names: string[] = [];
  if (document.format === 'cda' && document.id) {
    const { system, value } = document.id;
    names.push(
      value
        ? `${system}^${value}`
        : UUID_PATTERN.test(system)
          ? `urn:uuid:${system.toLowerCase()}`
          : `urn:oid:${system}`,
    );
  }
  const bundleIdentifier = (bundle as { identifier?: { value?: unknown } } | undefined)?.identifier?.value;
  if (document.format === 'fhir') {
    if (typeof bundleIdentifier === 'string') names.push(bundleIdentifier);
    else if (/^urn:(uuid|oid):/.test(master)) return [];
  }
  if (names.length === 0)
    return [`the document has no id for masterIdentifier ${JSON.stringify(master)} to name`];
  return names.includes(master.toLowerCase()) || names.includes(master)
    ? []
    : [
        `DocumentReference.masterIdentifier is ${JSON.stringify(master)}, expected the document's id ${JSON.stringify(names[0])}`,
      ];
}
