// What a GMv2 document is to say, before it is written as CDA or FHIR (cda-document.ts, fhir-document.ts). The
// flows fill it from the GP's record; content faults change it here, so they break both formats alike.
import type { DocumentKind } from './codes.ts';
import type { GmIdentifier, GmValue } from './model.ts';
import type { TestPatient } from '../test-data.ts';

export interface GmComponentSpec {
  code: string;
  display: string;
  value: GmValue;
}

export interface GmEntrySpec {
  /** The draft's name of the entry (terminsberegning, maalinger, …), for narratives and faults. */
  slice: string;
  code: string;
  display: string;
  /** Danish dateTime of the observation. */
  effective: string;
  value?: GmValue;
  components?: GmComponentSpec[];
  /** Fetus number within the pregnancy, for fetus measurements. */
  fetus?: string;
}

export interface GmDocumentSpec {
  kind: DocumentKind;
  patient: TestPatient;
  author: { sor: string; name: string };
  /** Unique per version (CDA id; FHIR Bundle.identifier). */
  documentId: string;
  /** The same for every version of one document (CDA setId). */
  setId: string;
  version: number;
  /** Danish dateTime the document was made. */
  time: string;
  entries: GmEntrySpec[];
  /** Official pregnancy episode id; the GP system has none (no central id is shared), so normally absent. */
  pregnancyId?: GmIdentifier;
}

export const quantity = (value: number, unit: string, unitCode?: string): GmValue => ({
  type: 'quantity',
  quantity: { value, unit, ...(unitCode ? { unitCode } : {}) },
});
