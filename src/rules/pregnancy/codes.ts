// Codes and identifiers of Graviditetsmappen v2 (GMv2): the three document types, their entries ("sections"), the
// component codes of the model elements, and the OIDs. Sources: shared/domain/medcom-standards.md §4 and the SDS
// FHIR draft trifork/gm-fhir-ig (gm-basic-types.fsh and one .fsh per model element), read in 2026.

/** MedCom's OID, under which the draft files the document type codes (and, by its `$sct` alias, SNOMED codes). */
export const MEDCOM_OID = '1.2.208.184.100.1';
export const SNOMED_OID = '2.16.840.1.113883.6.96';
export const CPR_OID = '1.2.208.176.1.2';
export const SOR_OID = '1.2.208.176.1.1';
/** Official pregnancy episode id; the draft writes it without `urn:oid:` (GMGraditetsforloebReference). */
export const PREGNANCY_EPISODE_OID = '1.2.208.176.7.4.1';
/** Fetus identifier (GMFetusRelatedPerson.identifier.system), also without `urn:oid:` in the draft. */
export const FETUS_OID = '1.2.208.184.100.4';
export const CONFIDENTIALITY_OID = '2.16.840.1.113883.5.25';
export const HL7_CDA_NAMESPACE = 'urn:hl7-org:v3';
/** CDA R2 typeId: root and extension every CDA R2 document carries. */
export const CDA_TYPE_ID = { root: '2.16.840.1.113883.1.3', extension: 'POCD_HD000040' } as const;

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

export const DOCUMENT_TYPES: Record<DocumentKind, DocumentType> = {
  PRF: {
    code: 'PRF',
    title: 'Svangerskabsjournal',
    formatCode: 'urn:ad:dk:medcom:prf-v1.0:full',
    formatDisplay: 'DK PRF schema',
    typeDisplay: 'Pregnancy Referral Form',
  },
  PSCR: {
    code: 'PSCR',
    title: 'Vandrejournal',
    formatCode: 'urn:ad:dk:medcom:pscr-v1.0:full',
    formatDisplay: 'DK PSCR schema',
    typeDisplay: 'Pregnancy Shared Care Report',
  },
  PMR: {
    code: 'PMR',
    title: 'Målinger',
    formatCode: 'urn:ad:dk:medcom:pmr-v1.0:full',
    formatDisplay: 'DK PMR schema',
    typeDisplay: 'Pregnancy Measurement Report',
  },
};

export const FORMAT_CODE_SYSTEM = 'urn:oid:1.2.208.184.100.10';
export const CLASS_CODE_SYSTEM = 'urn:oid:1.2.208.184.100.9';
export const CLASS_CODE_CLINICAL_REPORT = '001';

/**
 * PSCR entries ("sections") whose model element code certbench knows; the draft has 16 entries, each 0..1
 * (GMPSCRComposition: also erhvervsmaessig-tilknytning, foedested, jordemodercenter, kost, motion, nikotin,
 * oplysninger-om-partner, resume, rusmidler, sundhedsplejen, uddannelsesniveau, ydelse).
 */
export const PSCR_SECTIONS = {
  alkohol: '363905002',
  'samlet-vurdering': '278844005',
  terminsberegning: '161714006',
  tobak: '229819007',
} as const;
export const PSCR_MAX_ENTRIES = 16;

/** PRF entries that are 1..1 in the draft (GMPRFComposition), with their model element codes. */
export const PRF_MANDATORY_SECTIONS = {
  'familiehistorie-arvelige-sygdomme': '416471007',
  fertilitetsbehandling: '55767001',
  'fysiske-data': '248326004',
  konsangvinitet: '842009',
  'praenatal-risikovurderingsoenskes': '568011000005108',
  'praenatal-ultralyd': '304602002',
  'psykisk-sygdom-af-relevans': '74732009',
  'social-saarbarhed-af-relevans': '365448001',
  'somatisk-sygdom': '64572001',
  sprog: '363915008',
  'tidligere-operation-af-relevans': '161615003',
} as const;

export type PrfSection = keyof typeof PRF_MANDATORY_SECTIONS;

/** The Danish name of each mandatory PRF section: the coding display, and the heading the printed forms show. */
export const PRF_SECTION_NAMES: Record<PrfSection, string> = {
  'familiehistorie-arvelige-sygdomme': 'Familiehistorie og arvelige sygdomme',
  fertilitetsbehandling: 'Fertilitetsbehandling',
  'fysiske-data': 'Fysiske data',
  konsangvinitet: 'Konsangvinitet',
  'praenatal-risikovurderingsoenskes': 'Prænatal risikovurdering ønskes',
  'praenatal-ultralyd': 'Prænatal ultralyd',
  'psykisk-sygdom-af-relevans': 'Psykisk sygdom af relevans',
  'social-saarbarhed-af-relevans': 'Social sårbarhed af relevans',
  'somatisk-sygdom': 'Somatisk sygdom',
  sprog: 'Sprog',
  'tidligere-operation-af-relevans': 'Tidligere operation af relevans',
};

/** Component codes of the model elements certbench fills in (component slices are keyed by code). */
export const COMPONENT = {
  terminsberegning: {
    lastMenstrualPeriod: '161713000', // dateTime
    cycleDays: '364310004', // string
    naegeleDueDate: '289206005', // dateTime
    certain: '567941000005109', // boolean
    remark: '398005008', // string
  },
  tobak: {
    smokingBefore: '449345000', // boolean
    smokingDuring: '598171000005102', // string
    passiveAtHome: '228524006', // boolean
  },
  alkohol: {
    before: '568171000005100', // boolean
    during: '427013000', // boolean
    /** The draft gives "genstande pr. uge før" and "… under" the same code, so only one can be sent. */
    drinksPerWeek: '228958009', // integer
  },
  'samlet-vurdering': {
    assessment: '243814003', // string
    careLevel: '710824005', // string
    obstetricReferral: '306133003', // boolean
  },
  sprog: { interpreter: '315594003', country: '276205001', language: '439736001', remark: '398005008' },
  'fysiske-data': { height: '248333004', weightAtStart: '1162389000', bmi: '60621009' },
} as const;

/** PMR measurement codes certbench uses (one GMxxxMeasurementObs per measurement in the draft's history). */
export const MEASUREMENT = {
  weight: { code: '27113001', unit: 'kg', unitCode: '258683005', slice: 'maalinger' },
  symphysisFundus: { code: '364253002', unit: 'mm', unitCode: '258673006', slice: 'maalinger' },
  ultrasoundDueDate: { code: '738070007', slice: 'maalinger' },
  /** Blood pressure as an interval: low = diastolic, high = systolic (certbench's reading of interval-maalinger). */
  bloodPressure: { code: '75367002', unit: 'mmHg', unitCode: '259018001', slice: 'interval-maalinger' },
  fetalHeartSound: { code: '271660002', slice: 'fostermaalinger' },
} as const;

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
