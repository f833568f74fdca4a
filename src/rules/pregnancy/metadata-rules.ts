// Sharing metadata of a GMv2 document (the DocumentReference of the ITI-65 submission, mirroring XDS metadata):
// formatCode, typeCode, classCode and the MIME type of the format.
import type { Resource } from '../../fhir/bundle.ts';
import { UUID_PATTERN } from '../../fhir/identifiers.ts';
import { objects, text, type Json } from '../../fhir/json.ts';
import type { GmDocument } from './model.ts';
import {
  CLASS_CODE_CLINICAL_REPORT,
  CLASS_CODE_SYSTEM,
  DOCUMENT_TYPES,
  FORMAT_CODE_SYSTEM,
  MEDCOM_OID,
  SOR_OID,
  systemFor,
  urnOid,
  type DocumentFormat,
  type DocumentKind,
  GMV2_CODES,
} from './codes.ts';

// Everything below reads what the SUT sent: elements of the wrong shape are reported, never trusted.
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const codings = (concept: unknown): Json[] => (isObject(concept) ? objects(concept['coding']) : []);
const show = (c: Json[]): string =>
  c.map((x) => `${text(x['system']) ?? '(no system)'}|${text(x['code']) ?? '(no code)'}`).join(', ') ||
  'nothing';
/** Problems when an element that must be a list of objects is something else. */
const notAList = (documentReference: Resource, element: string): string[] => {
  const value = documentReference[element];
  return value === undefined || (Array.isArray(value) && value.every(isObject))
    ? []
    : [`${element} is ${JSON.stringify(value)}, expected a list of objects`];
};

export const CONTENT_TYPE: Record<DocumentFormat, string> = GMV2_CODES.contentTypes;

/** formatCode urn:ad:dk:medcom:<type>-v1.0:full in MedCom's FormatCode system. */
export function formatCode(documentReference: Resource, kind: DocumentKind): string[] {
  const expected = DOCUMENT_TYPES[kind].formatCode;
  const found = objects(documentReference['content']).map((c) => (isObject(c['format']) ? c['format'] : {}));
  const first = found[0];
  return [
    ...notAList(documentReference, 'content'),
    ...(found.length === 1 && first?.['system'] === FORMAT_CODE_SYSTEM && first['code'] === expected
      ? []
      : [`content.format is ${show(found)}, expected ${FORMAT_CODE_SYSTEM}|${expected}`]),
  ];
}

/** typeCode PSCR/PMR/PRF under the MedCom OID (not the value set's misspelt PFR) and classCode 001. */
export function typeAndClassCode(documentReference: Resource, kind: DocumentKind): string[] {
  const problems: string[] = notAList(documentReference, 'category');
  const type = codings(documentReference['type']);
  if (!type.some((c) => c['system'] === urnOid(MEDCOM_OID) && c['code'] === kind))
    problems.push(`type is ${show(type)}, expected ${urnOid(MEDCOM_OID)}|${kind}`);
  const category = objects(documentReference['category']).flatMap(codings);
  if (!category.some((c) => c['system'] === CLASS_CODE_SYSTEM && c['code'] === CLASS_CODE_CLINICAL_REPORT))
    problems.push(
      `category (classCode) is ${show(category)}, expected ${CLASS_CODE_SYSTEM}|${CLASS_CODE_CLINICAL_REPORT}`,
    );
  return problems;
}

/** The attachment's MIME type says the format the document is in. */
export function contentTypeOfFormat(documentReference: Resource, format: DocumentFormat): string[] {
  const attachment = objects(documentReference['content'])[0]?.['attachment'];
  const type = isObject(attachment) ? attachment['contentType'] : undefined;
  return type === CONTENT_TYPE[format]
    ? []
    : [
        `content.attachment.contentType is ${JSON.stringify(type)}, expected "${CONTENT_TYPE[format]}" for a ${format.toUpperCase()} document`,
      ];
}

/**
 * What MedCom's XDS metadata IG (medcom.fhir.dk.xdsmetadata 1.0.1) allows a general practice: confidentialityCode N
 * (MedCom-ihe-core-confidentialitycode-VS has only N), healthcareFacilityTypeCode SNOMED 394761003 "almen
 * lægepraksis" and practiceSettingCode 408443003 "almen medicin" (medcom-standards.md §10, XDS metadata).
 */
const GENERAL_PRACTICE = {
  confidentiality: { system: 'urn:oid:2.16.840.1.113883.5.25', code: 'N' },
  facilityType: { system: 'urn:oid:2.16.840.1.113883.6.96', code: '394761003' },
  practiceSetting: { system: 'urn:oid:2.16.840.1.113883.6.96', code: '408443003' },
} as const;

/** securityLabel (confidentialityCode), context.facilityType and context.practiceSetting of a GP's document. */
export function generalPracticeMetadata(documentReference: Resource): string[] {
  const context = isObject(documentReference['context']) ? documentReference['context'] : {};
  const concepts: [string, Json[], { system: string; code: string }][] = [
    [
      'securityLabel',
      objects(documentReference['securityLabel']).flatMap(codings),
      GENERAL_PRACTICE.confidentiality,
    ],
    ['context.facilityType', codings(context['facilityType']), GENERAL_PRACTICE.facilityType],
    ['context.practiceSetting', codings(context['practiceSetting']), GENERAL_PRACTICE.practiceSetting],
  ];
  return [
    ...notAList(documentReference, 'securityLabel'),
    ...concepts.flatMap(([element, found, expected]) =>
      found.some((c) => c['system'] === expected.system && c['code'] === expected.code)
        ? []
        : [`${element} is ${show(found)}, expected ${expected.system}|${expected.code}`],
    ),
  ];
}

/** masterIdentifier names the document: the CDA id, or the FHIR Bundle.identifier (the document's own id). */
export function masterIdentifierNamesDocument(
  documentReference: Resource,
  document: GmDocument,
  bundle?: unknown,
): string[] {
  const masterIdentifier = documentReference['masterIdentifier'];
  const master = isObject(masterIdentifier) ? masterIdentifier['value'] : undefined;
  if (typeof master !== 'string' || master === '') return ['DocumentReference.masterIdentifier has no value'];
  let name: string | undefined;
  if (document.format === 'cda' && document.id) {
    const { system, value } = document.id;
    name = value
      ? `${system}^${value}`
      : UUID_PATTERN.test(system)
        ? `urn:uuid:${system.toLowerCase()}`
        : `urn:oid:${system}`;
  }
  if (document.format === 'fhir') {
    const identifier = isObject(bundle) ? bundle['identifier'] : undefined;
    name = isObject(identifier) ? text(identifier['value']) : undefined;
    if (!name)
      return [
        `the Bundle has no identifier.value, so masterIdentifier ${JSON.stringify(master)} names no document id`,
      ];
  }
  if (!name) return [`the document has no id for masterIdentifier ${JSON.stringify(master)} to name`];
  return master === name || master.toLowerCase() === name
    ? []
    : [
        `DocumentReference.masterIdentifier is ${JSON.stringify(master)}, expected the document's id ${JSON.stringify(name)}`,
      ];
}

/** A list of identifier values read from the metadata, and what was wrong with its shape. */
export interface IdentifierValues {
  values: string[];
  problems: string[];
}

/** DocumentReference.identifier values: what a later version's relatesTo must name. */
export function documentReferenceIdentifiers(documentReference: Resource): IdentifierValues {
  return {
    values: objects(documentReference['identifier']).flatMap((i) => text(i['value']) ?? []),
    problems: notAList(documentReference, 'identifier'),
  };
}

/** The identifier values the relatesTo targets name: the DocumentReferences this one relates to. */
export function relatedIdentifiers(documentReference: Resource): IdentifierValues {
  return {
    values: objects(documentReference['relatesTo']).flatMap((relation) => {
      const target = relation['target'];
      const identifier = isObject(target) ? target['identifier'] : undefined;
      return (isObject(identifier) ? text(identifier['value']) : undefined) ?? [];
    }),
    problems: notAList(documentReference, 'relatesTo'),
  };
}

/** The languages MedCom XDS metadata codes a Danish document with (MedCom-ihe-core-languagecode-VS). */
const DANISH = /^da(-dk)?$/i;

/**
 * The document entry as the practice registers it: status current (IHE MHD ITI-65: a submitted DocumentReference
 * is current; superseded is document sharing's to set), the author a contained Organization with the SOR id of the
 * document's author (MedComDocumentReference: author 1..1 medcom-document-organization), and every attachment in
 * Danish (attachment.language 1..1, MedCom-ihe-core-languagecode-VS: da, da-DK).
 */
export function practiceDocumentEntry(
  documentReference: Resource,
  document: GmDocument | undefined,
): string[] {
  const problems: string[] = [];
  if (documentReference['status'] !== 'current')
    problems.push(`status is ${JSON.stringify(documentReference['status'])}, expected "current"`);
  const contained = objects(documentReference['contained']);
  const authorSors = objects(documentReference['author']).flatMap((a) => {
    const ref = text(a['reference']);
    const target = contained.find((r) => ref !== undefined && `#${text(r['id']) ?? ''}` === ref);
    if (target?.['resourceType'] !== 'Organization') return [];
    return objects(target['identifier'])
      .filter((i) => i['system'] === urnOid(SOR_OID))
      .flatMap((i) => text(i['value']) ?? []);
  });
  const documentSors = (document?.authors ?? []).flatMap((a) =>
    a.ids.filter((i) => i.system === systemFor(document?.format ?? 'fhir', SOR_OID)).map((i) => i.value),
  );
  if (authorSors.length === 0)
    problems.push('author does not point to a contained Organization with a SOR id');
  else if (documentSors.length > 0 && !authorSors.some((s) => documentSors.includes(s)))
    problems.push(
      `the author's SOR id ${authorSors.join(', ')} is not the document's author ${documentSors.join(', ')}`,
    );
  const contents = objects(documentReference['content']);
  for (const [i, c] of contents.entries()) {
    const attachment = isObject(c['attachment']) ? c['attachment'] : {};
    const language = text(attachment['language']);
    if (language === undefined || !DANISH.test(language))
      problems.push(
        `content[${i}].attachment.language is ${JSON.stringify(attachment['language'])}, expected da or da-DK`,
      );
  }
  return problems;
}
