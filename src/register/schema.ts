/**
 * The results register's tables, as Kysely sees them. One row in `records` per registered
 * `certification-result.json` (keyed by the SHA-256 of its bytes); the full record and its evidence stay files,
 * referenced by hash and location. See docs/register.md.
 */
import type { ColumnType, Generated } from 'kysely';
import type { VerifyFailure } from '../signing/verify.ts';

/** A timestamptz column: written as an ISO string, read back as a Date by both engines. */
type Instant = ColumnType<Date, string, never>;

export interface RecordsTable {
  record_sha256: string;
  run_id: string;
  mode: 'self-test' | 'certify';
  driver: 'http' | 'manual';
  vendor: string;
  system: string;
  system_version: string;
  started_at: Instant;
  finished_at: Instant;
  /** Day the waivers were judged at, when not the run's own (`--as-of`). */
  waivers_judged_at: string | null;
  harness_errors: number;
  exit_code: number;
  certbench_version: string;
  /** Where the record was when it was registered (a path or a URL). */
  record_location: string;
  /** The run's Allure report next to the record, when there was one. */
  allure_report: string | null;
  /** Who submitted it (`import` for a folder import, the token's name on the register server). */
  submitted_by: string;
  registered_at: Generated<Date>;
  /** The signature as checked at registration (migration 0004; null before): see src/signing/check.ts. */
  signature_state: 'not-signed' | 'intact' | 'not-verified' | null;
  /** The detached JWS of an intact signature: its x5c chain is checked against the reader's trust anchor. */
  signature_jws: string | null;
  /** Not verified: the failure code, the file within the run, the technical reason. */
  signature_failure: VerifyFailure | null;
  signature_file: string | null;
  signature_detail: string | null;
}

export interface ProtocolRunsTable {
  record_sha256: string;
  /** Position of the protocol in the record, from 0. */
  position: number;
  protocol_id: string;
  /** '' when the protocol has no variants. */
  variant: string;
  version: string;
  title: string;
  standard_name: string;
  standard_version: string;
  approval: 'Godkendt' | 'Delvist godkendt' | 'Ikke godkendt';
  passed: number;
  failed: number;
  waived: number;
  pending: number;
  not_applicable: number;
  harness_error: number;
  /** Ids of the F4 checkpoints listed as remarks. */
  remarks: ColumnType<string[], string, never>;
}

export interface CheckpointVerdictsTable {
  record_sha256: string;
  position: number;
  checkpoint_id: string;
  /** MedCom's test steps it implements; empty for certbench's own checks. */
  official_steps: ColumnType<string[], string, never>;
  status: 'passed' | 'failed' | 'waived' | 'pending' | 'not-applicable' | 'harness-error';
  grade: string;
  waiver_id: string | null;
  /** The first day the waiver no longer applies, as recorded with the verdict. */
  waiver_expires: string | null;
  /** The checkpoint's title and its place in the protocol's list (migration 0003; null in runs registered before). */
  title: string | null;
  ordinal: number | null;
}

export interface AppliedWaiversTable {
  record_sha256: string;
  waiver_id: string;
  state: 'active' | 'expired' | 'not-yet-valid' | 'other-sut';
  reason: string;
  approved_by: string;
  granted: string;
  expires: string;
  checkpoints: ColumnType<string[], string, never>;
  applied_to: ColumnType<string[], string, never>;
}

/** The evidence package a run was submitted with (register server submissions only). */
export interface PackagesTable {
  record_sha256: string;
  package_sha256: string;
  bytes: Uint8Array;
  received_at: Generated<Date>;
}

export interface RegisterDatabase {
  records: RecordsTable;
  protocol_runs: ProtocolRunsTable;
  checkpoint_verdicts: CheckpointVerdictsTable;
  applied_waivers: AppliedWaiversTable;
  packages: PackagesTable;
}
