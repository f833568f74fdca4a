// The matrix's cells: every valid run sorted into its system × protocol version, oldest first, so the last run
// wins and the ones before it are the trend. A run of version 1.1.0 lands in its own row and never counts for 1.0.0.
import { relative, sep } from 'node:path';
import { refusedSignature } from '../signing/check.ts';
import { cellKey, protocolRowOf, systemOf } from './identity.ts';
import type {
  CellRun,
  LoadedResult,
  OpenCheckpoint,
  ProtocolRow,
  StatusProtocol,
  SystemColumn,
} from './types.ts';

/** All runs of one cell, oldest first. */
export interface CellHistory {
  system: SystemColumn;
  protocol: ProtocolRow;
  runs: CellRun[];
}

/** Groups the runs of `results` by cell (keyed like `StatusModel.cells`); each history is sorted oldest first. */
export function cellHistories(
  results: readonly LoadedResult[],
  outDir: string,
  signaturesChecked = false,
): Map<string, CellHistory> {
  const histories = new Map<string, CellHistory>();
  const newest = new Map<string, CellRun>();
  for (const loaded of results) {
    const system = systemOf(loaded.result);
    for (const protocol of loaded.result.protocols) {
      const row = protocolRowOf(protocol);
      const key = cellKey(row.key, system.key);
      const run = cellRun(loaded, protocol, outDir, signaturesChecked);
      const history = histories.get(key);
      const latest = newest.get(key);
      if (!history) histories.set(key, { system, protocol: row, runs: [run] });
      else history.runs.push(run);
      // The row shows the title of the newest run, should a protocol have been renamed between runs.
      if (history && latest && byFinish(run, latest) > 0) history.protocol = row;
      if (!latest || byFinish(run, latest) > 0) newest.set(key, run);
    }
  }
  // Each time parsed once, not in every comparison: a cell of two years of weekly runs is sorted often.
  for (const history of histories.values())
    history.runs = history.runs
      .map((run) => ({ run, at: Date.parse(run.finishedAt) }))
      .sort((a, b) => a.at - b.at || byRunId(a.run, b.run))
      .map(({ run }) => run);
  return histories;
}

/**
 * The run whose approval a cell shows: the latest certification run (MedCom's, mode certify), so a vendor's later
 * self-test never replaces a certification in the steering group's report; a self-test where no certification run
 * exists. A run that judged nothing says nothing about the system and counts only where no run judged anything.
 * `runs` are oldest first.
 */
export function countingRun(runs: readonly CellRun[]): CellRun | undefined {
  const judged = runs.filter((run) => run.approval !== 'not-tested');
  return judged.findLast((run) => run.mode === 'certify') ?? judged.at(-1) ?? runs.at(-1);
}

/** The newest self-test after the certification run that counts, shown beside it. */
export function newerSelfTest(runs: readonly CellRun[], counting: CellRun): CellRun | undefined {
  const newest = runs.at(-1);
  return newest && newest !== counting && newest.mode === 'self-test' ? newest : undefined;
}

/** Oldest first; the run id breaks ties so the order never depends on the file order. */
export function byFinish(a: CellRun, b: CellRun): number {
  return Date.parse(a.finishedAt) - Date.parse(b.finishedAt) || byRunId(a, b);
}

function byRunId(a: CellRun, b: CellRun): number {
  return a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0;
}

function cellRun(
  loaded: LoadedResult,
  protocol: StatusProtocol,
  outDir: string,
  signaturesChecked: boolean,
): CellRun {
  const { run, sut } = loaded.result;
  const counts = protocol.counts;
  const judged = (counts.passed ?? 0) + (counts.failed ?? 0) + (counts.waived ?? 0) > 0;
  const refused = run.mode === 'certify' && refusedSignature(loaded.signature, signaturesChecked);
  return {
    runId: run.id,
    approval: judged && !refused ? protocol.approval : 'not-tested',
    recordedApproval: protocol.approval,
    systemVersion: sut.version,
    finishedAt: run.finishedAt,
    mode: run.mode,
    counts: {
      passed: counts.passed ?? 0,
      failed: counts.failed ?? 0,
      waived: counts.waived ?? 0,
      pending: counts.pending ?? 0,
    },
    remarks: Array.isArray(protocol.remarks) ? protocol.remarks.length : 0,
    waivers: appliedWaivers(protocol),
    open: openCheckpoints(protocol),
    ...(loaded.allureReport ? { allureHref: relativeHref(outDir, loaded.allureReport) } : {}),
    ...(loaded.signature ? { signature: loaded.signature } : {}),
    ...(refused ? { refused: true as const } : {}),
  };
}

/** The newest refused certification after the run that counts, shown beside it. */
export function newerRefused(runs: readonly CellRun[], counting: CellRun): CellRun | undefined {
  const refused = runs.findLast((run) => run.refused);
  return refused && refused !== counting && byFinish(refused, counting) > 0 ? refused : undefined;
}

function appliedWaivers(protocol: StatusProtocol): CellRun['waivers'] {
  const waivers = new Map<string, string>();
  for (const checkpoint of protocol.checkpoints ?? [])
    if (checkpoint.status === 'waived' && checkpoint.waiver)
      waivers.set(checkpoint.waiver.id, checkpoint.waiver.expires);
  return [...waivers].map(([id, expires]) => ({ id, expires }));
}

function openCheckpoints(protocol: StatusProtocol): OpenCheckpoint[] {
  return (protocol.checkpoints ?? []).flatMap((c): OpenCheckpoint[] => {
    if (c.status !== 'failed' && c.status !== 'waived' && c.status !== 'pending') return [];
    // "DK-3.3.1.11" already says step 3.3.1.11; a step named beside it only when the id does not.
    const ownNumber = c.id.replace(/^[A-Z]+-/, '').replace(/-[a-z]$/, '');
    const steps = (c.officialSteps ?? []).filter((step) => step !== ownNumber);
    return [
      {
        id: c.id,
        title: c.title,
        grade: c.grade,
        status: c.status,
        officialSteps: steps,
        ...(c.waiver ? { waiverId: c.waiver.id } : {}),
      },
    ];
  });
}

/** A relative URL from the page's folder to a file, each segment percent-encoded (spaces, `#`, `:`). */
export function relativeHref(fromDir: string, toFile: string): string {
  return relative(fromDir, toFile).split(sep).map(encodeURIComponent).join('/');
}
