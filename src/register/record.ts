// Writing one certification result into the register: all of it in one transaction or nothing, never overwriting.
// The record is known by the SHA-256 of its bytes, so registering the same file twice is one run.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CertificationResult } from '../result/types.ts';
import type { StoredSignature } from '../signing/check.ts';
import type { RecordsTable, RegisterDatabase } from './schema.ts';

/** A record to register, with where it came from. */
export interface RecordSubmission {
  /** The record's bytes, as written by the run. */
  bytes: Uint8Array;
  result: CertificationResult;
  location: string;
  allureReport?: string;
  submittedBy: string;
  /** The evidence package it came in, kept in the same transaction. */
  package?: Uint8Array;
  /** Its signature as checked when it came in. */
  signature: StoredSignature;
}

export type RegisterOutcome = 'added' | 'known';

/** A run id that is already registered with other content: the register never overwrites. */
export class RegisterConflictError extends Error {
  override name = 'RegisterConflictError';
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function registerRecord(
  db: Kysely<RegisterDatabase>,
  submission: RecordSubmission,
): Promise<RegisterOutcome> {
  const hash = sha256Hex(submission.bytes);
  return db.transaction().execute(async (tx) => {
    const known = await tx
      .selectFrom('records')
      .select(['record_sha256'])
      .where((eb) => eb.or([eb('record_sha256', '=', hash), eb('run_id', '=', submission.result.run.id)]))
      .execute();
    if (known.some((row) => row.record_sha256 === hash)) {
      // Registered before signatures were recorded (0004): the state is filled in, nothing else changes.
      await tx
        .updateTable('records')
        .set(signatureColumns(submission.signature))
        .where('record_sha256', '=', hash)
        .where('signature_state', 'is', null)
        .execute();
      return 'known';
    }
    if (known.length > 0)
      throw new RegisterConflictError(
        `run ${submission.result.run.id} is already registered with a different record (sha256 ${known[0]?.record_sha256}); the register never overwrites a run`,
      );
    await insertRecord(tx, hash, submission);
    if (submission.package)
      await tx
        .insertInto('packages')
        .values({
          record_sha256: hash,
          package_sha256: sha256Hex(submission.package),
          bytes: submission.package,
        })
        .execute();
    return 'added';
  });
}

async function insertRecord(
  tx: Transaction<RegisterDatabase>,
  hash: string,
  { result, location, allureReport, submittedBy, signature }: RecordSubmission,
): Promise<void> {
  const { run, sut } = result;
  await tx
    .insertInto('records')
    .values({
      record_sha256: hash,
      run_id: run.id,
      mode: run.mode,
      driver: run.driver,
      vendor: sut.vendor,
      system: sut.system,
      system_version: sut.version,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      waivers_judged_at: run.waiversJudgedAt ?? null,
      harness_errors: result.harnessErrors.length,
      exit_code: result.outcome.exitCode,
      certbench_version: result.certbench.version,
      record_location: location,
      allure_report: allureReport ?? null,
      submitted_by: submittedBy,
      ...signatureColumns(signature),
    })
    .execute();
  if (result.protocols.length > 0)
    await tx
      .insertInto('protocol_runs')
      .values(
        result.protocols.map((p, position) => ({
          record_sha256: hash,
          position,
          protocol_id: p.id,
          variant: p.variant ?? '',
          version: p.version,
          title: p.title,
          standard_name: p.standard.name,
          standard_version: p.standard.version,
          approval: p.approval,
          passed: p.counts.passed ?? 0,
          failed: p.counts.failed ?? 0,
          waived: p.counts.waived ?? 0,
          pending: p.counts.pending ?? 0,
          not_applicable: p.counts['not-applicable'] ?? 0,
          harness_error: p.counts['harness-error'] ?? 0,
          remarks: JSON.stringify(p.remarks),
        })),
      )
      .execute();
  const verdicts = result.protocols.flatMap((p, position) =>
    p.checkpoints.map((c, ordinal) => ({
      record_sha256: hash,
      position,
      checkpoint_id: c.id,
      title: c.title,
      ordinal,
      official_steps: JSON.stringify(c.officialSteps ?? []),
      status: c.status,
      grade: c.grade,
      waiver_id: c.waiver?.id ?? null,
      waiver_expires: c.waiver?.expires ?? null,
    })),
  );
  // PostgreSQL takes at most 65,535 parameters in one statement: insert in slices.
  for (let i = 0; i < verdicts.length; i += VERDICTS_PER_INSERT)
    await tx
      .insertInto('checkpoint_verdicts')
      .values(verdicts.slice(i, i + VERDICTS_PER_INSERT))
      .execute();
  const waivers = result.waiverRegister?.waivers ?? [];
  if (waivers.length > 0)
    await tx
      .insertInto('applied_waivers')
      .values(
        waivers.map((w) => ({
          record_sha256: hash,
          waiver_id: w.id,
          state: w.state,
          reason: w.reason,
          approved_by: w.approvedBy,
          granted: w.granted,
          expires: w.expires,
          checkpoints: JSON.stringify(w.checkpoints),
          applied_to: JSON.stringify(w.appliedTo),
        })),
      )
      .execute();
}

const VERDICTS_PER_INSERT = 2_000;

function signatureColumns(signature: StoredSignature) {
  return {
    signature_state: signature.state,
    signature_jws: signature.state === 'intact' ? signature.jws : null,
    signature_failure: signature.state === 'not-verified' ? signature.failure : null,
    signature_file: signature.state === 'not-verified' ? signature.file : null,
    signature_detail: signature.state === 'not-verified' ? signature.detail : null,
  };
}

/** The stored signature of a row; undefined for a run registered before 0004. */
export function storedSignatureOfRow(row: {
  signature_state: RecordsTable['signature_state'];
  signature_jws: string | null;
  signature_failure: RecordsTable['signature_failure'];
  signature_file: string | null;
  signature_detail: string | null;
}): StoredSignature | undefined {
  if (row.signature_state === 'not-signed') return { state: 'not-signed' };
  if (row.signature_state === 'intact') return { state: 'intact', jws: row.signature_jws ?? '' };
  if (row.signature_state === 'not-verified')
    return {
      state: 'not-verified',
      failure: row.signature_failure ?? 'unreadable',
      file: row.signature_file ?? '',
      detail: row.signature_detail ?? '',
    };
  return undefined;
}
