// Identifier and code systems of the MedCom ConditionList document and its XDS/MHD metadata.

export const URI = 'urn:ietf:rfc:3986';
export const CPR = 'urn:oid:1.2.208.176.1.2';
export const SOR = 'urn:oid:1.2.208.176.1.1';
export const YDERNUMMER = 'urn:oid:1.2.208.176.1.4';
export const LOINC = 'http://loinc.org';
export const LOINC_OID = 'urn:oid:2.16.840.1.113883.6.1';
export const SNOMED = 'http://snomed.info/sct';
export const SNOMED_OID = 'urn:oid:2.16.840.1.113883.6.96';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CLASS_CODE = 'urn:oid:1.2.208.184.100.9';
export const FORMAT_CODE = 'urn:oid:1.2.208.184.100.10';
export const CONFIDENTIALITY = 'urn:oid:2.16.840.1.113883.5.25';
export const HOME_COMMUNITY = 'urn:oid:1.2.208.176.8.1';
/**
 * The reference GP system's sourceId (IHE MHD ihe-sourceId: "the globally unique, immutable identifier of the
 * entity that contributed the SubmissionSet", an OID). A UUID-based OID (ITU-T X.667, arc 2.25) of the fixed UUID
 * c9e65f68-b136-4dce-94df-59fc84c0f8de, as a system without a registered OID of its own may use.
 */
export const SOURCE_ID = 'urn:oid:2.25.268370990553716845366021737054596036830';

export const PROBLEM_LIST_LOINC = { code: '11450-4', display: 'Problem list - Reported' } as const;
export const STATUS_CODES = { current: '15240007', resolved: '723506003' } as const;

export const PROFILES = {
  bundle: 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle',
  composition: 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-composition',
  condition: 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-condition',
  organization: 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-organization',
  patient: 'http://medcomfhir.dk/ig/document/StructureDefinition/medcom-document-patient',
  practitioner: 'http://medcomfhir.dk/ig/document/StructureDefinition/medcom-document-practitioner',
  documentReference:
    'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-documentreference',
  homeCommunityExtension:
    'http://medcomfhir.dk/ig/document/StructureDefinition/medcom-document-homecommunityid-extension',
  versionIdExtension:
    'http://medcomfhir.dk/ig/document/StructureDefinition/medcom-document-version-id-extension',
  mhdProvideBundle: 'https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Minimal.ProvideBundle',
  mhdSubmissionSet: 'https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Minimal.SubmissionSet',
  mhdListTypes: 'https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes',
  mhdSourceId: 'https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId',
} as const;
