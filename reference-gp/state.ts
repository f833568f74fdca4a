// The GP system's in-memory record: test patients with their diagnoses and the history of shared documents.
import { randomUUID } from 'node:crypto';
import { createInboxState, type InboxState } from './inbox/model.ts';
import { createHomecareState, type HomecareState } from './homecare/records.ts';
import type { DsjRecord } from './dsj/records.ts';
import type { LabResult } from './lab/records.ts';
import type { PregnancyRecord } from './pregnancy/records.ts';
import { TEST_PATIENTS, type TestPatient } from './test-data.ts';

export const SKS_D = 'urn:oid:1.2.208.176.2.4.12';
export const ICPC_2 = 'urn:oid:1.2.208.176.2.31';

export type DiagnosisType = 'problem-list-item' | 'encounter-diagnosis';
export type DiagnosisStatus = 'current' | 'resolved';

export interface DiagnosisCode {
  system: typeof SKS_D | typeof ICPC_2;
  code: string;
  display?: string;
}

export interface Diagnosis {
  /** The id certbench uses in actions; also the Condition resource id. */
  id: string;
  /** Business identifier (UUID), the same in every version of the Diagnosekort. */
  identifier: string;
  codes: DiagnosisCode[];
  text: string;
  type: DiagnosisType;
  status: DiagnosisStatus;
  onset?: string;
  abatement?: string;
  /** Tillægstekst: the GP's own remark, kept locally and never shared. */
  note?: string;
  /** Registration instant, Danish dateTime with milliseconds. */
  recordedDate: string;
  /** Last time the GP changed this diagnosis (registration, update, deselect or delete). */
  lastChanged: string;
  /** Chosen for the Diagnosekort. */
  selected: boolean;
  /** Wrongly registered and deleted; kept as a tombstone so the change time is remembered. */
  deleted: boolean;
}

export interface SharedDocument {
  /** Bundle.identifier value (also DocumentReference.masterIdentifier). */
  documentIdentifier: string;
  bundleId: string;
  /** DocumentReference.identifier value, the target of the next version's relatesTo. */
  documentReferenceIdentifier: string;
  compositionDate: string;
}

export interface PatientRecord {
  patient: TestPatient;
  /** Patient resource id, stable for the life of the system. */
  resourceId: string;
  diagnoses: Diagnosis[];
  shared: SharedDocument[];
}

export interface GpState {
  patients: Map<string, PatientRecord>;
  /** Local lab results by the person's id (CPR, or replacement CPR), deleted and cancelled ones included. */
  lab: Map<string, LabResult[]>;
  /** Lab inbox: requisitions, received reports and automatic handling (intelligent-indbakke). */
  inbox: InboxState;
  /** Received kommunale prøvesvar (HomeCareObservation messages), their acknowledgements and the technical log. */
  homecare: HomecareState;
  /** Digital Svangrejournal per pregnant patient's CPR (dsj-gmv2). */
  dsj: Map<string, DsjRecord>;
  /** Pregnancies (svangreforløb) by CPR, oldest first, with their visits and shared GMv2 documents. */
  pregnancies: Map<string, PregnancyRecord[]>;
  organizationId: string;
  practitionerId: string;
}

export function createState(): GpState {
  const patients = new Map<string, PatientRecord>();
  for (const patient of TEST_PATIENTS) {
    patients.set(patient.cpr, { patient, resourceId: randomUUID(), diagnoses: [], shared: [] });
  }
  return {
    patients,
    lab: new Map(),
    inbox: createInboxState(),
    homecare: createHomecareState(),
    dsj: new Map(),
    pregnancies: new Map(),
    organizationId: randomUUID(),
    practitionerId: randomUUID(),
  };
}

/** Diagnoses still in the record (deleted ones excluded). */
export function liveDiagnoses(record: PatientRecord): Diagnosis[] {
  return record.diagnoses.filter((d) => !d.deleted);
}

export function findDiagnosis(record: PatientRecord, id: string): Diagnosis | undefined {
  return record.diagnoses.find((d) => d.id === id && !d.deleted);
}
