// The GMv2 codes the reference GP system writes, read from the plain data file the judge reads too
// (protocols/data/gmv2/codes.yaml, which names its sources). Only the lists are shared: how each format writes
// an OID, which code system observation codes use and what a document holds are decided here, from the standard.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export type DocumentKind = 'PRF' | 'PSCR' | 'PMR';
export type DocumentFormat = 'cda' | 'fhir';

interface Measurement {
  code: string;
  unit: string;
  unitCode: string;
  slice: string;
}

/** The part of the data file the reference GP uses, as it is written there. */
interface Gmv2Data {
  oids: Record<
    'medcom' | 'snomed' | 'cpr' | 'sor' | 'pregnancyEpisode' | 'fetus' | 'confidentiality',
    string
  >;
  cdaTypeId: { root: string; extension: string };
  documentTypes: Record<
    DocumentKind,
    { title: string; formatCode: string; formatDisplay: string; typeDisplay: string }
  >;
  formatCodeSystem: string;
  classCodeSystem: string;
  classCodeClinicalReport: string;
  contentTypes: Record<DocumentFormat, string>;
  extensions: { pregnancyEpisode: string; quantityInterval: string };
  pscrSections: Record<'alkohol' | 'samlet-vurdering' | 'terminsberegning' | 'tobak', string>;
  prfMandatorySections: Record<string, { code: string; name: string }>;
  components: {
    terminsberegning: Record<'lastMenstrualPeriod' | 'cycleDays' | 'naegeleDueDate' | 'certain', string>;
    tobak: Record<'smokingBefore' | 'smokingDuring', string>;
    alkohol: Record<'before' | 'during' | 'drinksPerWeek', string>;
    'samlet-vurdering': Record<'assessment' | 'careLevel', string>;
    sprog: Record<'language', string>;
    'fysiske-data': Record<'height' | 'weightAtStart', string>;
  };
  measurements: Record<
    'weight' | 'symphysisFundus' | 'ultrasoundDueDate' | 'bloodPressure' | 'fetalHeartSound',
    Measurement
  >;
}

// Compiled, this file sits one folder deeper (dist/reference-gp/pregnancy).
const DATA_FILE = fileURLToPath(
  new URL(
    // Stryker disable next-line ConditionalExpression,StringLiteral: only the compiled build (dist/) takes this branch
    `${import.meta.url.endsWith('.js') ? '../' : ''}../../protocols/data/gmv2/codes.yaml`,
    import.meta.url,
  ),
);

// Read as it stands: the judge validates the same file fully with its own schema (src/rules/pregnancy/codes.ts), and
// every protocol run of the reference GP reads each value below.
export const GMV2 = parse(readFileSync(DATA_FILE, 'utf8')) as Gmv2Data;
export const OID = GMV2.oids;

export const urnOid = (oid: string): string => `urn:oid:${oid}`;

/**
 * The code system of observation and component codes. CDA writes SNOMED CT by its HL7 OID; the FHIR draft aliases
 * `$sct` to MedCom's OID and so fixes urn:oid:1.2.208.184.100.1 (provisional, as the draft stands).
 */
export const OBSERVATION_CODE_SYSTEM: Record<DocumentFormat, string> = {
  cda: OID.snomed,
  fhir: urnOid(OID.medcom),
};

/** The PRF sections the draft makes 1..1 (the DSJ's svangerskabsjournal, reference-gp/dsj/prf-entries.ts). */
export type PrfSection = keyof Gmv2Data['prfMandatorySections'];
