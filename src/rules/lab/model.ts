/**
 * certbench's FHIR model of a local lab result shared from general practice (no public specification exists, see
 * protocols/lab-sharing.yaml): one FHIR message Bundle per result — MessageHeader, DiagnosticReport, its
 * Observations, Patient, the producing clinic and a Provenance — following MedCom's verified messaging patterns
 * (HomeCareObservation, shared/domain/medcom-standards.md §7).
 */

export const LAB_SYSTEM = {
  npu: 'urn:oid:1.2.208.176.2.1',
  ucum: 'http://unitsofmeasure.org',
  snomed: 'http://snomed.info/sct',
  /** HL7 v2 table 0074 diagnostic service section: CH chemistry, MB microbiology. */
  diagnosticService: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  confidentiality: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  activity: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes',
  uri: 'urn:ietf:rfc:3986',
} as const;

/** MedCom XDS healthcareFacilityType "almen lægepraksis": marks the producer as general practice. */
export const GENERAL_PRACTICE = { system: LAB_SYSTEM.snomed, code: '394761003' } as const;

/** Confidentiality R on the report and its observations: the patient refused sharing (nægtet samtykke). */
export const RESTRICTED = { system: LAB_SYSTEM.confidentiality, code: 'R' } as const;

/** MessageHeader.source.name when PLSP sends for the clinic. */
export const PLSP_SOURCE_NAME = 'PLSP';

export type Database = 'laba' | 'miba';
export type Discipline = 'biochemistry' | 'microbiology';
export type SenderVariant = 'gp-system' | 'plsp';

export const DATABASE_NAME: Record<Database, string> = { laba: 'LABA', miba: 'MiBA' };
export const DATABASE_OF: Record<Discipline, Database> = { biochemistry: 'laba', microbiology: 'miba' };
export const CATEGORY_OF: Record<Discipline, string> = { biochemistry: 'CH', microbiology: 'MB' };

/**
 * DiagnosticReport.code of a shared result by discipline (certbench's model, provisional: no public lab sharing
 * specification): LOINC 11502-2 "Laboratory report" for biochemistry, 18725-2 "Microbiology studies (set)" for
 * microbiology.
 */
export const REPORT_CODE_OF: Record<Discipline, { system: string; code: string }> = {
  biochemistry: { system: 'http://loinc.org', code: '11502-2' },
  microbiology: { system: 'http://loinc.org', code: '18725-2' },
};

/** Observation.category of every shared analysis: FHIR R4 observation-category "laboratory". */
export const LABORATORY_CATEGORY = {
  system: 'http://terminology.hl7.org/CodeSystem/observation-category',
  code: 'laboratory',
} as const;

/** MedCom messaging activities (value set medcom-HomeCareObservation-messagingActivities). */
export const ACTIVITY = {
  new: 'new-message',
  modified: 'modified-message',
  retract: 'retract-message',
} as const;
export type Activity = (typeof ACTIVITY)[keyof typeof ACTIVITY];
