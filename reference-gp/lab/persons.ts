// Persons whose lab results the clinic registers: the national test patients (CPR) and a person known only by a
// replacement CPR (X-eCPR, as in MedCom's HomeCareObservation test examples), whose results are never shared.
import { invalid } from '../http/problem.ts';
import type { GpState } from '../state.ts';
import { TEST_PATIENTS, type TestPatient } from '../test-data.ts';

export interface LabPerson {
  id: string;
  /** Absent for a person with only a replacement CPR. */
  cpr?: string;
  given: readonly string[];
  family: string;
  gender?: 'male' | 'female';
  birthDate?: string;
}

export const REPLACEMENT_CPR_PERSON: LabPerson = { id: '0703921VJ5', given: ['Peter'], family: 'Hansen' };

export function labPerson(state: GpState, id: unknown): LabPerson {
  if (id === REPLACEMENT_CPR_PERSON.id) return REPLACEMENT_CPR_PERSON;
  if (typeof id !== 'string' || !/^\d{10}$/.test(id))
    throw invalid('patient must be a CPR number of 10 digits (or the replacement CPR 0703921VJ5)');
  const patient: TestPatient | undefined = TEST_PATIENTS.find((p) => p.cpr === id);
  if (!patient || !state.patients.has(id))
    throw invalid(`patient ${id} is not a test patient of this system`);
  return { ...patient, id, cpr: id };
}
