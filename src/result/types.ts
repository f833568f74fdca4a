/**
 * The certification result: the record of a run (`certification-result.json`). Every report is a projection of it.
 * Bump `RESULT_SCHEMA_VERSION` on any incompatible change and describe it in docs/certification-result.md.
 */
import type { Grade, OfficialProtocolRef } from '../protocols/schema.ts';
import type { ValidationRecord } from '../validation/shared.ts';

export const RESULT_SCHEMA_VERSION = '1.0';

/** Closed vocabulary of checkpoint verdicts (design: "Verdicts"). */
export type Verdict = 'passed' | 'failed' | 'waived' | 'pending' | 'not-applicable';
/** A checkpoint whose run was broken by certbench itself has no verdict: it is a harness error. */
export type CheckpointStatus = Verdict | 'harness-error';
/** MedCom's roll-up vocabulary per protocol. */
export type Approval = 'Godkendt' | 'Delvist godkendt' | 'Ikke godkendt';

export interface CertificationResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  certbench: { version: string };
  run: {
    id: string;
    mode: 'self-test' | 'certify';
    driver: 'http' | 'manual';
    strict: boolean;
    startedAt: string;
    finishedAt: string;
    /** Present when this run re-tests part of an earlier one. */
    previousRunId?: string;
    /** Present when waivers were judged at another date than the run's (`--as-of`). */
    waiversJudgedAt?: string;
    /** The test plan of this round (`--plan`): its deferred checkpoints are pending. */
    testPlan?: { id: string; file: string };
  };
  sut: {
    vendor: string;
    system: string;
    version: string;
    profileSha256: string;
    referenceGp?: { faults: string[] };
  };
  waiverRegister?: {
    file: string;
    /** SHA-256 of the waiver register's bytes as the run read them (absent in records made before 0.1). */
    sha256?: string;
    waivers: WaiverRecord[];
  };
  /** The FHIR validators checkpoints used: validator version, package closure with origins, known issues. */
  validation?: ValidationRecord[];
  protocols: ProtocolResult[];
  harnessErrors: HarnessErrorRecord[];
  evidence: EvidenceRecord[];
  outcome: { exitCode: number; blocking: boolean; summary: string };
}

export interface WaiverRecord {
  id: string;
  state: 'active' | 'expired' | 'not-yet-valid' | 'other-sut';
  checkpoints: string[];
  reason: string;
  approvedBy: string;
  granted: string;
  expires: string;
  run: boolean;
  /** Checkpoints whose verdict this waiver made `waived`. */
  appliedTo: string[];
  /** Checkpoints it would have covered had it not expired. */
  wouldHaveCovered: string[];
}

export interface ProtocolResult {
  id: string;
  title: string;
  version: string;
  standard: { name: string; packageId: string; version: string; canonical: string };
  /** SHA-256 of the protocol manifest that judged this run (absent in records made before 0.1). */
  manifestSha256?: string;
  /** MedCom's published test protocol this protocol implements step by step (checkpoints name its steps). */
  officialProtocol?: OfficialProtocolRef;
  /** The protocol variant the SUT was tested as (e.g. the sender: gp-system or plsp), from the SUT profile. */
  variant?: string;
  approval: Approval;
  counts: Record<CheckpointStatus, number>;
  /** F4 failures: allowed for approval, listed as remarks. */
  remarks: string[];
  useCases: { id: string; title: string; mandatory: boolean; applicable: boolean }[];
  checkpoints: CheckpointResult[];
}

export interface CheckpointResult {
  id: string;
  title: string;
  useCase: string;
  grade: Grade;
  mode: 'automatic' | 'manual';
  requirements: { text: string; url?: string }[];
  /** The official protocol's steps this checkpoint implements; absent for certbench's own checks. */
  officialSteps?: string[];
  provisional?: { source: string };
  status: CheckpointStatus;
  /** Why it failed, is pending, not applicable or a harness error. */
  message?: string;
  /** For `waived`: the waiver and the underlying failure (kept as evidence). */
  waiver?: { id: string; reason: string; approvedBy: string; expires: string; underlyingFailure?: string };
  scenario?: { uri: string; line: number; name: string };
  steps: StepRecord[];
  checks: CheckRecord[];
  /** Ids into `CertificationResult.evidence`. */
  evidence: string[];
  durationMs: number;
  /** A manual checkpoint's assessment (testcamp mode): decision, comment, assessor, attached evidence files. */
  assessment?: {
    decision: 'OK' | 'F1' | 'F2' | 'F3' | 'F4' | 'NR';
    comment?: string;
    assessor: string;
    at: string;
    evidenceFiles: { name: string; file?: string; sha256?: string; error?: string }[];
  };
  /** Set on a re-run for a checkpoint not run again: the id of the run whose verdict stands. */
  carriedFrom?: string;
}

export interface StepRecord {
  keyword: string;
  text: string;
  status: 'passed' | 'failed' | 'pending' | 'skipped' | 'undefined' | 'ambiguous' | 'unknown';
  durationMs: number;
  error?: string;
}

/** One assertion made on the SUT's behaviour or content. */
export interface CheckRecord {
  description: string;
  passed: boolean;
  location?: string;
  expected?: string;
  actual?: string;
}

export interface HarnessErrorRecord {
  checkpointId?: string;
  kind: 'undefined-step' | 'ambiguous-step' | 'step-exception' | 'hook-exception' | 'not-executed' | 'run';
  message: string;
}

export interface EvidenceRecord {
  id: string;
  kind: 'exchange';
  name: string;
  /** The set-up step that made the exchange (protocols name it by the official step it performs). */
  step?: string;
  direction: 'outgoing' | 'incoming';
  method: string;
  url: string;
  status?: number;
  startedAt: string;
  durationMs: number;
  /** Path of the full exchange JSON in the run folder, and its SHA-256. */
  file: string;
  sha256: string;
}
