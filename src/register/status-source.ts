// The status report's input read from the register: the same StatusResult values the folder form extracts from
// each record, in three queries whatever the number of runs.
import type { X509Certificate } from 'node:crypto';
import type { Kysely } from 'kysely';
import { signatureCheckOf } from '../signing/check.ts';
import type { Grade } from '../protocols/schema.ts';
import { OPEN_STATUSES, statusCheckpoint } from '../status/extract.ts';
import type { LoadedResult, StatusProtocol, StatusResult, StatusWaiver } from '../status/types.ts';
import { storedSignatureOfRow } from './record.ts';
import type { RegisterDatabase } from './schema.ts';

export async function loadRegisterResults(
  db: Kysely<RegisterDatabase>,
  /** Trust anchors for the signatures (--trust); without them signers are not checked. */
  anchors?: readonly X509Certificate[],
): Promise<LoadedResult[]> {
  const records = await db
    .selectFrom('records')
    .select([
      'record_sha256',
      'run_id',
      'mode',
      'finished_at',
      'vendor',
      'system',
      'system_version',
      'harness_errors',
      'waivers_judged_at',
      'record_location',
      'allure_report',
      'signature_state',
      'signature_jws',
      'signature_failure',
      'signature_file',
      'signature_detail',
    ])
    .execute();
  const protocolRows = await db
    .selectFrom('protocol_runs')
    .selectAll()
    .orderBy('record_sha256')
    .orderBy('position')
    .execute();
  // The checkpoints a reader must look at, in the protocol's order (runs registered before 0003: by id).
  const open = await db
    .selectFrom('checkpoint_verdicts')
    .select([
      'record_sha256',
      'position',
      'checkpoint_id',
      'status',
      'title',
      'grade',
      'official_steps',
      'waiver_id',
      'waiver_expires',
      'ordinal',
    ])
    .where('status', 'in', [...OPEN_STATUSES])
    .orderBy('record_sha256')
    .orderBy('position')
    .orderBy('ordinal')
    .orderBy('checkpoint_id')
    .execute();
  const waiverRows = await db
    .selectFrom('applied_waivers')
    .selectAll()
    .orderBy('record_sha256')
    .orderBy('waiver_id')
    .execute();

  const openBy = group(open, (c) => `${c.record_sha256}/${c.position}`);
  const waiversBy = group(waiverRows, (w) => w.record_sha256);
  const protocolsBy = group(protocolRows, (p) => p.record_sha256);
  // In the folder form's order (code points, as JS sorts), whatever the database's collation.
  return records.sort(byLocation).map((row) => {
    const waivers = waiversBy.get(row.record_sha256);
    const result: StatusResult = {
      run: {
        id: row.run_id,
        mode: row.mode,
        finishedAt: toIso(row.finished_at),
        ...(row.waivers_judged_at ? { waiversJudgedAt: row.waivers_judged_at } : {}),
      },
      sut: { vendor: row.vendor, system: row.system, version: row.system_version },
      ...(waivers ? { waiverRegister: { waivers: waivers.map(statusWaiver) } } : {}),
      protocols: (protocolsBy.get(row.record_sha256) ?? []).map((p): StatusProtocol => ({
        id: p.protocol_id,
        title: p.title,
        version: p.version,
        ...(p.variant ? { variant: p.variant } : {}),
        approval: p.approval,
        counts: {
          passed: p.passed,
          failed: p.failed,
          waived: p.waived,
          pending: p.pending,
          'not-applicable': p.not_applicable,
          'harness-error': p.harness_error,
        },
        remarks: p.remarks,
        standard: { name: p.standard_name, version: p.standard_version },
        checkpoints: (openBy.get(`${p.record_sha256}/${p.position}`) ?? []).map((c) =>
          statusCheckpoint({
            id: c.checkpoint_id,
            status: c.status,
            title: c.title ?? c.checkpoint_id,
            grade: c.grade as Grade,
            officialSteps: c.official_steps,
            ...(c.waiver_id ? { waiver: { id: c.waiver_id, expires: c.waiver_expires ?? '' } } : {}),
          }),
        ),
      })),
      harnessErrors: Array.from({ length: row.harness_errors }, () => 'recorded in the register'),
    };
    return {
      file: row.record_location,
      ...(row.allure_report ? { allureReport: row.allure_report } : {}),
      result,
      signature: signatureCheckOf(storedSignatureOfRow(row), anchors),
    };
  });
}

function statusWaiver(row: {
  waiver_id: string;
  state: StatusWaiver['state'];
  checkpoints: string[];
  reason: string;
  approved_by: string;
  granted: string;
  expires: string;
  applied_to: string[];
}): StatusWaiver {
  return {
    id: row.waiver_id,
    state: row.state,
    checkpoints: row.checkpoints,
    reason: row.reason,
    approvedBy: row.approved_by,
    granted: row.granted,
    expires: row.expires,
    appliedTo: row.applied_to,
  };
}

/** Both engines give a timestamptz as a Date; certbench writes instants as toISOString() does. */
function toIso(value: Date | string): string {
  return new Date(value).toISOString();
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

function byLocation(a: { record_location: string }, b: { record_location: string }): number {
  return a.record_location < b.record_location ? -1 : a.record_location > b.record_location ? 1 : 0;
}
