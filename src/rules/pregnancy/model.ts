// The format-neutral GMv2 document: what a PRF, PSCR or PMR says, whether it travels as HL7 CDA (the national
// format) or as the SDS FHIR draft. Builders render it (reference-gp/pregnancy/), readers extract it
// (cda-reader.ts, fhir-reader.ts) and the content rules (content-rules.ts) judge it once for both formats.
import type { DocumentFormat, DocumentKind } from './codes.ts';

export interface GmQuantity {
  value: number;
  unit: string;
  /** The unit's code, where the format carries one (FHIR Quantity.code; CDA PQ has only the unit). */
  unitCode?: string;
}

export type GmValue =
  | { type: 'quantity'; quantity: GmQuantity }
  | { type: 'interval'; low?: GmQuantity; high?: GmQuantity }
  | { type: 'dateTime'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'integer'; value: number }
  | { type: 'string'; value: string }
  | { type: 'coded'; code?: string; system?: string; text?: string };

export interface GmComponent {
  code: string;
  codeSystem: string;
  value?: GmValue;
}

/** A fetus a measurement is about (GMFetusRelatedPerson / CDA relatedSubject). */
export interface GmFetus {
  identifierSystem: string;
  identifierValue: string;
  relationship: string;
  /** The code system of the relationship code, as written. */
  relationshipSystem: string;
  /** FHIR: the resource type the focus reference resolves to (a GMFetusRelatedPerson is a RelatedPerson). */
  resourceType?: string;
  /** CPR of the mother the fetus record points to, where the format says. */
  motherCpr?: string;
}

/** One entry of the document (an Observation in FHIR, an observation entry in CDA). */
export interface GmEntry {
  /** The entry's name in the draft: a PSCR/PRF model element (e.g. terminsberegning) or a PMR slice. */
  slice: string;
  code: string;
  codeSystem: string;
  /** final (FHIR) or completed (CDA), as written. */
  status?: string;
  /** When it was observed (effectiveDateTime / effectiveTime). */
  effective?: string;
  value?: GmValue;
  components: GmComponent[];
  fetus?: GmFetus;
  /** CPR of the patient the entry is about, where the format says (FHIR Observation.subject). */
  subjectCpr?: string;
  /** Elements the draft constrains away (0..0) that are present, by name. */
  forbidden: string[];
}

export interface GmIdentifier {
  system: string;
  value: string;
}

export interface GmPersonName {
  given: string;
  family: string;
}

export interface GmOrganization {
  ids: GmIdentifier[];
  name?: string;
}

/** What a GMv2 document says, independent of its format. */
export interface GmDocument {
  format: DocumentFormat;
  /** Document type code as written (PRF, PSCR, PMR or anything else). */
  kind: string;
  /** System of the type code as written (urn:oid:… in FHIR, a bare OID in CDA). */
  kindSystem: string;
  title?: string;
  /** Document time (CDA effectiveTime, FHIR Composition.date), as written. */
  time?: string;
  /** Business id of this document (CDA id root/extension); absent in FHIR where the draft forbids it. */
  id?: GmIdentifier;
  /** Version set (CDA setId) and number (CDA versionNumber). */
  setId?: GmIdentifier;
  version?: number;
  patientIds: GmIdentifier[];
  /** The patient's names as written, given names joined by a space (CDA patient/name, FHIR Patient.name). */
  patientNames?: GmPersonName[];
  /** The patient's gender code as written (CDA administrativeGenderCode F/M/UN, FHIR Patient.gender). */
  patientGender?: string;
  /** CDA: the text of the sections' narrative blocks (section/text), whitespace collapsed; FHIR has none (the draft). */
  narrative?: string;
  authors: GmOrganization[];
  /** Official pregnancy episode ids (FHIR GMGraditetsforloebReference extension). */
  pregnancyIds: GmIdentifier[];
  entries: GmEntry[];
}

/** A document as read from the wire: the neutral content and every structural problem met on the way. */
export interface ReadDocument {
  document: GmDocument;
  /** Problems that make parts of the document unreadable (not the content rules, which judge `document`). */
  problems: string[];
}

export const isDocumentKind = (kind: string): kind is DocumentKind =>
  kind === 'PRF' || kind === 'PSCR' || kind === 'PMR';

/** The entries of a slice (e.g. all `terminsberegning` entries). */
export function entriesOf(document: GmDocument, slice: string): GmEntry[] {
  return document.entries.filter((e) => e.slice === slice);
}

export function componentOf(entry: GmEntry, code: string): GmComponent[] {
  return entry.components.filter((c) => c.code === code);
}

/** A value for messages: `2025-03-03`, `true`, `72 kg`, `120-80 mmHg`. */
export function showValue(value: GmValue | undefined): string {
  if (!value) return '(no value)';
  switch (value.type) {
    case 'quantity':
      return `${value.quantity.value} ${value.quantity.unit}`;
    case 'interval':
      return `${value.low ? `${value.low.value} ${value.low.unit}` : '?'} – ${value.high ? `${value.high.value} ${value.high.unit}` : '?'}`;
    case 'coded':
      return [value.system, value.code, value.text].filter(Boolean).join('|');
    default:
      return String(value.value);
  }
}
