// The status report's input read from the register: the same StatusResult values the folder form extracts from
// each record, in four queries whatever the number of runs (more only past a thousand runs shown in detail).
import type { X509Certificate } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { signatureCheckOf } from '../signing/check.ts';
import type { Grade } from '../protocols/schema.ts';
import { OPEN_STATUSES, statusCheckpoint } from '../status/extract.ts';
import { runsShownInDetail } from '../status/model.ts';
import type { Day, LoadedResult, StatusProtocol, StatusResult, StatusWaiver } from '../status/types.ts';
import { storedSignatureOfRow } from './record.ts';
import type { RegisterDatabase } from './schema.ts';

/**
 * Every run in the register as the status report reads it. Given the report's day, the checkpoints and waivers are
 * read only for the runs the report shows them of (see runsShownInDetail): at the steering group's scale that is a
 * hundredth of the rows, and the pages are the same. With `details: 'all'` every run comes whole.
 */
export async function loadRegisterResults(
  db: Kysely<RegisterDatabase>,
  scope: { asOf: Day } | { details: 'all' },
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
  const protocolsBy = group(protocolRows, (p) => p.record_sha256);
  // In the folder form's order (code points, as JS sorts), whatever the database's collation.
  const loaded = records.sort(byLocation).map((row) => ({
    row,
    loaded: loadedResult(row, protocolsBy.get(row.record_sha256) ?? [], anchors),
  }));
  const shown =
    'asOf' in scope
      ? runsShownInDetail(
          loaded.map((l) => l.loaded),
          scope.asOf,
          anchors !== undefined,
        )
      : undefined;
  const detailed = loaded.filter(({ row }) => !shown || shown.has(row.run_id));
  const details = await readDetails(
    db,
    detailed.map(({ row }) => row.record_sha256),
    shown === undefined,
  );
  for (const { row, loaded: one } of detailed) {
    const waivers = details.waivers.get(row.record_sha256);
    if (waivers) one.result.waiverRegister = { waivers: waivers.map(statusWaiver) };
    one.result.protocols.forEach((protocol, position) => {
      protocol.checkpoints = (details.checkpoints.get(`${row.record_sha256}/${position}`) ?? []).map((c) =>
        statusCheckpoint({
          id: c.checkpoint_id,
          status: c.status,
          title: c.title ?? c.checkpoint_id,
          grade: c.grade as Grade,
          officialSteps: c.official_steps,
          ...(c.waiver_id ? { waiver: { id: c.waiver_id, expires: c.waiver_expires ?? '' } } : {}),
        }),
      );
    });
  }
  return loaded.map((l) => l.loaded);
}

type RecordRow = Pick<
  Selectable<RegisterDatabase['records']>,
  | 'record_sha256'
  | 'run_id'
  | 'mode'
  | 'finished_at'
  | 'vendor'
  | 'system'
  | 'system_version'
  | 'harness_errors'
  | 'waivers_judged_at'
  | 'record_location'
  | 'allure_report'
  | 'signature_state'
  | 'signature_jws'
  | 'signature_failure'
  | 'signature_file'
  | 'signature_detail'
>;

/** A run with its protocols' approvals and counts; checkpoints and waivers are added where the report shows them. */
function loadedResult(
  row: RecordRow,
  protocols: Selectable<RegisterDatabase['protocol_runs']>[],
  anchors: readonly X509Certificate[] | undefined,
): LoadedResult {
  const result: StatusResult = {
    run: {
      id: row.run_id,
      mode: row.mode,
      finishedAt: toIso(row.finished_at),
      ...(row.waivers_judged_at ? { waiversJudgedAt: row.waivers_judged_at } : {}),
    },
    sut: { vendor: row.vendor, system: row.system, version: row.system_version },
    protocols: protocols.map((p): StatusProtocol => ({
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
      checkpoints: [],
    })),
    harnessErrors: Array.from({ length: row.harness_errors }, () => 'recorded in the register'),
  };
  return {
    file: row.record_location,
    ...(row.allure_report ? { allureReport: row.allure_report } : {}),
    result,
    signature: signatureCheckOf(storedSignatureOfRow(row), anchors),
  };
}

/** Hashes per query: well under PostgreSQL's limit of 65,535 parameters. */
const HASHES_PER_QUERY = 1_000;

/** The checkpoints a reader must look at (in the protocol's order; runs registered before 0003: by id) and the waivers. */
async function readDetails(db: Kysely<RegisterDatabase>, hashes: readonly string[], all: boolean) {
  const checkpoints: Map<string, CheckpointRow[]> = new Map();
  const waivers: Map<string, WaiverRow[]> = new Map();
  const chunks = all ? [undefined] : chunked(hashes, HASHES_PER_QUERY);
  for (const chunk of chunks) {
    if (chunk?.length === 0) continue;
    let open = db
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
      .where('status', 'in', [...OPEN_STATUSES]);
    let applied = db.selectFrom('applied_waivers').selectAll();
    if (chunk) {
      open = open.where('record_sha256', 'in', chunk);
      applied = applied.where('record_sha256', 'in', chunk);
    }
    const openRows = await open
      .orderBy('record_sha256')
      .orderBy('position')
      .orderBy('ordinal')
      .orderBy('checkpoint_id')
      .execute();
    const waiverRows = await applied.orderBy('record_sha256').orderBy('waiver_id').execute();
    for (const [key, rows] of group(openRows, (c) => `${c.record_sha256}/${c.position}`))
      checkpoints.set(key, rows);
    for (const [key, rows] of group(waiverRows, (w) => w.record_sha256)) waivers.set(key, rows);
  }
  return { checkpoints, waivers };
}

type CheckpointRow = Pick<
  Selectable<RegisterDatabase['checkpoint_verdicts']>,
  | 'record_sha256'
  | 'position'
  | 'checkpoint_id'
  | 'status'
  | 'title'
  | 'grade'
  | 'official_steps'
  | 'waiver_id'
  | 'waiver_expires'
  | 'ordinal'
>;
type WaiverRow = Selectable<RegisterDatabase['applied_waivers']>;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
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
