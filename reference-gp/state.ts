// The GP system's in-memory record: test patients with their diagnoses and the history of shared documents.
import { randomUUID } from 'node:crypto';
import { createInboxState, type InboxState } from './inbox/model.ts';
import { createHomecareState, type HomecareState } from './homecare/records.ts';
import { createMessagingState, type MessagingState } from './messaging/outbox.ts';
import type { DsjRecord } from './dsj/records.ts';
import type { LabResult } from './lab/records.ts';
import type { PregnancyRecord } from './pregnancy/records.ts';
import { TEST_PATIENTS, type ClinicKey, type TestPatient } from './test-data.ts';

export const SKS_D = 'urn:oid:1.2.208.176.2.4.12';
export const ICPC_2 = 'urn:oid:1.2.208.176.2.31';

export type DiagnosisType = 'problem-list-item' | 'encounter-diagnosis';
export type DiagnosisStatus = 'current' | 'resolved';

/** One registered code entry; historical entries may have only a code or only a display, kept exactly as given. */
export interface DiagnosisCode {
  system: typeof SKS_D | typeof ICPC_2;
  code?: string;
  display?: string;
}

export interface Diagnosis {
  /** The id certbench uses in actions; also the Condition resource id. */
  id: string;
  /** Business identifier (UUID), the same in every version of the Diagnosekort. */
  identifier: string;
  /** The clinic the GP worked in when registering it; only that clinic's Diagnosekort holds it. */
  clinic: ClinicKey;
  /** At most one entry per code system, in the order registered. */
  codes: DiagnosisCode[];
  type?: DiagnosisType;
  status: DiagnosisStatus;
  /** FHIR date or dateTime (a dateTime with seconds and the Danish offset). */
  onset?: string;
  abatement?: string;
  /** Tillægstekst: the GP's own remark, kept locally and never shared. */
  note?: string;
  /** Registration time: the backdated value given, else the registration instant (Danish dateTime). */
  recordedDate: string;
  /** Last time the GP changed this diagnosis (registration, update, (de)select or delete). */
  lastChanged: string;
  /** Last time a change of this diagnosis changed the Diagnosekort (it was or became on the card). */
  cardChanged?: string;
  /** Put on the Diagnosekort. */
  onCard: boolean;
  /** Marked "Private": shown on the card, never shared. */
  private: boolean;
  /** Wrongly registered and deleted; kept as a tombstone so the change time is remembered. */
  deleted: boolean;
}

/** The diagnosetekst: the SKS-D display, else the ICPC-2 display, else none (never looked up in a code system). */
export function diagnosisText(codes: readonly DiagnosisCode[], order = [SKS_D, ICPC_2]): string | undefined {
  for (const system of order) {
    const display = codes.find((c) => c.system === system)?.display;
    if (display !== undefined && display !== '') return display;
  }
  return undefined;
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
  /** The clinic the patient belongs to now; its Diagnosekort is the one shared. */
  clinic: ClinicKey;
  diagnoses: Diagnosis[];
  /** Every shared version, whichever clinic shared it: a new version replaces the patient's previous one. */
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
  /** Acknowledgements sent as messages of their own, held ones, and the simulated technical error. */
  messaging: MessagingState;
  /** Digital Svangrejournal per pregnant patient's CPR (dsj-gmv2). */
  dsj: Map<string, DsjRecord>;
  /** Pregnancies (svangreforløb) by CPR, oldest first, with their visits and shared GMv2 documents. */
  pregnancies: Map<string, PregnancyRecord[]>;
  /** Resource ids of each clinic's Organization and GP Practitioner, stable for the life of the system. */
  organizationIds: Record<ClinicKey, string>;
  practitionerIds: Record<ClinicKey, string>;
}

export function createState(): GpState {
  const patients = new Map<string, PatientRecord>();
  for (const patient of TEST_PATIENTS) {
    patients.set(patient.cpr, {
      patient,
      resourceId: randomUUID(),
      clinic: 'current',
      diagnoses: [leftOver()],
      shared: [],
    });
  }
  return {
    patients,
    lab: new Map(),
    inbox: createInboxState(),
    homecare: createHomecareState(),
    messaging: createMessagingState(),
    dsj: new Map(),
    pregnancies: new Map(),
    organizationIds: { previous: randomUUID(), current: randomUUID() },
    practitionerIds: { previous: randomUUID(), current: randomUUID() },
  };
}

/**
 * A test environment is never clean: every test patient starts with a diagnosis an earlier test left on the card,
 * which patient.reset removes (the protocol starts with a patient without diagnoses).
 */
function leftOver(): Diagnosis {
  const registered = '2026-01-05T10:00:00+01:00';
  return {
    id: randomUUID(),
    identifier: randomUUID(),
    clinic: 'current',
    codes: [
      { system: ICPC_2, code: 'K86', display: 'Ukompliceret forhøjet blodtryk' },
      { system: SKS_D, code: 'DI109', display: 'Essentiel hypertension' },
    ],
    type: 'problem-list-item',
    status: 'current',
    recordedDate: registered,
    lastChanged: registered,
    onCard: true,
    private: false,
    deleted: false,
  };
}

/** The diagnoses of the patient's current clinic still in the record (deleted ones excluded). */
export function clinicDiagnoses(record: PatientRecord): Diagnosis[] {
  return record.diagnoses.filter((d) => d.clinic === record.clinic && !d.deleted);
}

/** A diagnosis the GP can work on: registered at the patient's current clinic and not deleted. */
export function findDiagnosis(record: PatientRecord, id: string): Diagnosis | undefined {
  return clinicDiagnoses(record).find((d) => d.id === id);
}
