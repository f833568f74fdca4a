// Code and identifier systems of the lab result message (certbench's model, protocols/lab-sharing.yaml).

export const NPU = 'urn:oid:1.2.208.176.2.1';
export const UCUM = 'http://unitsofmeasure.org';
export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const URI = 'urn:ietf:rfc:3986';
export const CPR = 'urn:oid:1.2.208.176.1.2';
export const SOR = 'urn:oid:1.2.208.176.1.1';
export const YDERNUMMER = 'urn:oid:1.2.208.176.1.4';
export const DIAGNOSTIC_SERVICE = 'http://terminology.hl7.org/CodeSystem/v2-0074';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
export const ACTIVITY = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes';
/** No MedCom event code exists for lab sharing: certbench's own, provisional. */
export const EVENT = { system: 'urn:certbench:lab-sharing', code: 'lab-result-message' } as const;
/** MedCom XDS healthcareFacilityType "almen lægepraksis". */
export const GENERAL_PRACTICE = { system: SNOMED, code: '394761003', display: 'almen lægepraksis' } as const;

export const CATEGORY = { biochemistry: 'CH', microbiology: 'MB' } as const;
export const REPORT_CODE = {
  biochemistry: { system: LOINC, code: '11502-2', display: 'Laboratory report' },
  microbiology: { system: LOINC, code: '18725-2', display: 'Microbiology studies (set)' },
} as const;
export const DATABASE_NAME = { laba: 'LABA', miba: 'MiBA' } as const;

export const PLSP_NAME = 'PLSP';
/** MessageHeader.source.name when the GP system sends itself. */
export const SYSTEM_NAME = 'certbench reference GP system';
