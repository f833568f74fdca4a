// The GP system's Digital Svangrejournal per pregnant patient: its fields with where each value came from, the
// chosen birthplace and the questionnaire as received.
import type { GpState } from '../state.ts';
import type { DsjValue } from './fields.ts';

export interface DsjFieldValue {
  value: DsjValue;
  source: 'questionnaire' | 'gp';
}

export interface Birthplace {
  ean: string;
  shak: string;
  name: string;
  department: string;
}

export interface QuestionnaireItem {
  field: string;
  question: string;
  value: DsjValue;
}

export interface DsjRecord {
  fields: Map<string, DsjFieldValue>;
  questionnaire: QuestionnaireItem[];
  birthplace?: Birthplace;
  /** Date of the first consultation, YYYY-MM-DD. */
  firstConsultation?: string;
}

export function dsjRecord(state: GpState, cpr: string): DsjRecord {
  let record = state.dsj.get(cpr);
  if (!record) {
    record = { fields: new Map(), questionnaire: [] };
    state.dsj.set(cpr, record);
  }
  return record;
}
