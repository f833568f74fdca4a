// Codes and identifiers of Graviditetsmappen v2 (GMv2): the three document types, their entries ("sections"), the
// component codes of the model elements, and the OIDs, read from protocols/data/gmv2/codes.yaml (which names its
// sources), and how the judge uses them in each format.

import { join } from 'node:path';
import { z } from 'zod';
import { readShippedYaml } from '../../input/yaml-file.ts';
import { PACKAGE_ROOT } from '../../run/package-root.ts';

/** The code lists, kept once as data with their source and read by the reference GP system too. */
export const CODES_FILE = 'protocols/data/gmv2/codes.yaml';

const code = z.string().regex(/^\d+$/);
const documentType = z.strictObject({
  title: z.string(),
  formatCode: z.string(),
  formatDisplay: z.string(),
  typeDisplay: z.string(),
});
const measurement = z.strictObject({
  code,
  unit: z.string().optional(),
  unitCode: code.optional(),
  slice: z.enum(['maalinger', 'interval-maalinger', 'fostermaalinger']),
});
const prfSection = z.strictObject({ code, name: z.string() });
const codesSchema = z.strictObject({
  source: z.record(z.string(), z.string()),
  oids: z.strictObject({
    medcom: z.string(),
    snomed: z.string(),
    cpr: z.string(),
    sor: z.string(),
    pregnancyEpisode: z.string(),
    fetus: z.string(),
    confidentiality: z.string(),
  }),
  cdaTypeId: z.strictObject({ root: z.string(), extension: z.string() }),
  documentTypes: z.strictObject({ PRF: documentType, PSCR: documentType, PMR: documentType }),
  formatCodeSystem: z.string(),
  classCodeSystem: z.string(),
  classCodeClinicalReport: z.string(),
  contentTypes: z.strictObject({ cda: z.string(), fhir: z.string() }),
  extensions: z.strictObject({ pregnancyEpisode: z.string(), quantityInterval: z.string() }),
  pscrSections: z.strictObject({
    alkohol: code,
    'samlet-vurdering': code,
    terminsberegning: code,
    tobak: code,
  }),
  pscrMaxEntries: z.number().int().positive(),
  prfMandatorySections: z.strictObject({
    'familiehistorie-arvelige-sygdomme': prfSection,
    fertilitetsbehandling: prfSection,
    'fysiske-data': prfSection,
    konsangvinitet: prfSection,
    'praenatal-risikovurderingsoenskes': prfSection,
    'praenatal-ultralyd': prfSection,
    'psykisk-sygdom-af-relevans': prfSection,
    'social-saarbarhed-af-relevans': prfSection,
    'somatisk-sygdom': prfSection,
    sprog: prfSection,
    'tidligere-operation-af-relevans': prfSection,
  }),
  components: z.strictObject({
    terminsberegning: z.strictObject({
      lastMenstrualPeriod: code,
      cycleDays: code,
      naegeleDueDate: code,
      certain: code,
      remark: code,
    }),
    tobak: z.strictObject({ smokingBefore: code, smokingDuring: code, passiveAtHome: code }),
    alkohol: z.strictObject({ before: code, during: code, drinksPerWeek: code }),
    'samlet-vurdering': z.strictObject({ assessment: code, careLevel: code, obstetricReferral: code }),
    sprog: z.strictObject({ interpreter: code, country: code, language: code, remark: code }),
    'fysiske-data': z.strictObject({ height: code, weightAtStart: code, bmi: code }),
  }),
  measurements: z.strictObject({
    weight: measurement.required({ unit: true, unitCode: true }),
    symphysisFundus: measurement.required({ unit: true, unitCode: true }),
    ultrasoundDueDate: measurement,
    bloodPressure: measurement.required({ unit: true, unitCode: true }),
    fetalHeartSound: measurement,
  }),
});

/** The code lists as read and checked; a broken data file is an error at start-up, naming the field. */
export const GMV2_CODES = codesSchema.parse(readShippedYaml(join(PACKAGE_ROOT, CODES_FILE)));

/** MedCom's OID, under which the draft files the document type codes (and, by its `$sct` alias, SNOMED codes). */
export const MEDCOM_OID = GMV2_CODES.oids.medcom;
export const SNOMED_OID = GMV2_CODES.oids.snomed;
export const CPR_OID = GMV2_CODES.oids.cpr;
export const SOR_OID = GMV2_CODES.oids.sor;
/** Official pregnancy episode id; the draft writes it without `urn:oid:` (GMGraditetsforloebReference). */
export const PREGNANCY_EPISODE_OID = GMV2_CODES.oids.pregnancyEpisode;
/** Fetus identifier (GMFetusRelatedPerson.identifier.system), also without `urn:oid:` in the draft. */
export const FETUS_OID = GMV2_CODES.oids.fetus;
export const CONFIDENTIALITY_OID = GMV2_CODES.oids.confidentiality;
export const HL7_CDA_NAMESPACE = 'urn:hl7-org:v3';
/** CDA R2 typeId: root and extension every CDA R2 document carries. */
export const CDA_TYPE_ID = GMV2_CODES.cdaTypeId;

export const urnOid = (oid: string): string => `urn:oid:${oid}`;

export type DocumentKind = 'PRF' | 'PSCR' | 'PMR';
export type DocumentFormat = 'cda' | 'fhir';

export interface DocumentType {
  code: DocumentKind;
  title: string;
  /** XDS formatCode (MedCom FormatCode CodeSystem, urn:oid:1.2.208.184.100.10). */
  formatCode: string;
  formatDisplay: string;
  /** Display of the XDS typeCode in MedCom's typecode CodeSystem. */
  typeDisplay: string;
}

const documentTypeOf = (code: DocumentKind): DocumentType => ({ code, ...GMV2_CODES.documentTypes[code] });
export const DOCUMENT_TYPES: Record<DocumentKind, DocumentType> = {
  PRF: documentTypeOf('PRF'),
  PSCR: documentTypeOf('PSCR'),
  PMR: documentTypeOf('PMR'),
};

export const FORMAT_CODE_SYSTEM = GMV2_CODES.formatCodeSystem;
export const CLASS_CODE_SYSTEM = GMV2_CODES.classCodeSystem;
export const CLASS_CODE_CLINICAL_REPORT = GMV2_CODES.classCodeClinicalReport;

/** PSCR entries ("sections") whose model element code certbench knows (the draft has 16, each 0..1). */
export const PSCR_SECTIONS = GMV2_CODES.pscrSections;
export const PSCR_MAX_ENTRIES = GMV2_CODES.pscrMaxEntries;

export type PrfSection = keyof typeof GMV2_CODES.prfMandatorySections;
const PRF_SECTIONS = Object.keys(GMV2_CODES.prfMandatorySections) as PrfSection[];
const bySection = <T>(pick: (s: { code: string; name: string }) => T): Record<PrfSection, T> =>
  Object.fromEntries(PRF_SECTIONS.map((k) => [k, pick(GMV2_CODES.prfMandatorySections[k])])) as Record<
    PrfSection,
    T
  >;

/** PRF entries that are 1..1 in the draft (GMPRFComposition), with their model element codes. */
export const PRF_MANDATORY_SECTIONS: Record<PrfSection, string> = bySection((s) => s.code);

/** The Danish name of each mandatory PRF section: the coding display, and the heading the printed forms show. */
export const PRF_SECTION_NAMES: Record<PrfSection, string> = bySection((s) => s.name);

/** Component codes of the model elements certbench fills in (component slices are keyed by code). */
export const COMPONENT = GMV2_CODES.components;

/** PMR measurement codes certbench uses (one GMxxxMeasurementObs per measurement in the draft's history). */
export const MEASUREMENT = GMV2_CODES.measurements;

export const PMR_SLICES = ['maalinger', 'interval-maalinger', 'fostermaalinger'] as const;
export type PmrSlice = (typeof PMR_SLICES)[number];

/** Days from the first day of the last menstrual period to the due date by Naegele's rule (28-day cycle). */
export const NAEGELE_DAYS = 280;

/**
 * How an OID is written as an identifier or code system in each format: bare in CDA (root / codeSystem), with
 * `urn:oid:` in FHIR, except where the draft itself writes it bare (pregnancy episode and fetus ids).
 */
export function systemFor(format: DocumentFormat, oid: string): string {
  if (format === 'cda') return oid;
  return oid === PREGNANCY_EPISODE_OID || oid === FETUS_OID ? oid : urnOid(oid);
}

/**
 * The code system of observation and component codes: SNOMED CT in CDA (2.16.840.1.113883.6.96); in the FHIR
 * draft `$sct` is aliased to the MedCom OID, so the draft fixes urn:oid:1.2.208.184.100.1 (an inconsistency the
 * manifest names; provisional).
 */
export function observationCodeSystem(format: DocumentFormat): string {
  return format === 'cda' ? SNOMED_OID : urnOid(MEDCOM_OID);
}

/** Observation status of a finished observation: final in FHIR, completed in CDA. */
export const FINAL_STATUS: Record<DocumentFormat, string> = { fhir: 'final', cda: 'completed' };

/** HL7 v3 RoleCode, the system of the fetus relationship CHILD: its OID in CDA, its canonical URL in FHIR R4. */
export const ROLE_CODE_SYSTEM: Record<DocumentFormat, string> = {
  cda: '2.16.840.1.113883.5.111',
  fhir: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
};
