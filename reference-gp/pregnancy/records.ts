// The GP's pregnancy records: per patient a list of pregnancies (svangreforløb), each with its visits and the
// versions of the GMv2 documents shared for it.
import type { DocumentKind } from './codes.ts';

export interface Terminsberegning {
  /** First day of the last menstrual period, YYYY-MM-DD. */
  lastMenstrualPeriod: string;
  cycleDays: number;
  certain: boolean;
}

export interface Measurements {
  weightKg?: number;
  symphysisFundusMm?: number;
  bloodPressure?: { systolic: number; diastolic: number };
  /** Fetal heart sound heard, per fetus number. */
  fetalHeartSound?: { fetus: string; heard: boolean };
  /** Due date by ultrasound, YYYY-MM-DD. */
  ultrasoundDueDate?: string;
}

export interface Lifestyle {
  smokingBefore?: boolean;
  /** What the woman says about smoking now, in her words (the draft's string component). */
  smokingDuring?: string;
  alcoholBefore?: boolean;
  alcoholDuring?: boolean;
  drinksPerWeek?: number;
}

export interface Assessment {
  text: string;
  careLevel?: string;
}

export interface PregnancyVisit {
  id: string;
  /** Visit date, YYYY-MM-DD. */
  date: string;
  terminsberegning?: Terminsberegning;
  measurements: Measurements;
  lifestyle?: Lifestyle;
  assessment?: Assessment;
}

export interface SharedGmDocument {
  kind: DocumentKind;
  documentId: string;
  setId: string;
  version: number;
  /** DocumentReference.identifier, the target of the next version's relatesTo. */
  documentReferenceIdentifier: string;
  masterIdentifier: string;
}

export interface PregnancyRecord {
  id: string;
  visits: PregnancyVisit[];
  shared: SharedGmDocument[];
}

/** The latest value any visit registered (visits in registration order). */
export function latest<T>(
  pregnancy: PregnancyRecord,
  pick: (v: PregnancyVisit) => T | undefined,
): { value: T; visit: PregnancyVisit } | undefined {
  for (const visit of [...pregnancy.visits].reverse()) {
    const value = pick(visit);
    if (value !== undefined) return { value, visit };
  }
  return undefined;
}
