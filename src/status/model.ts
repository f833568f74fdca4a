// The status report as one pure function over loaded results (design example 5): every date comes in through the
// options, so the same folder gives the same page for the same "as of" day.
import { cellHistories, countingRun, newerRefused, newerSelfTest, type CellHistory } from './cells.ts';
import { refusedSignature } from '../signing/check.ts';
import { changesSince } from './changes.ts';
import { dayStart } from './dates.ts';
import { cellKey, compareProtocolRows, compareSystems } from './identity.ts';
import { systemHistories } from './histories.ts';
import type {
  CellApproval,
  Day,
  IgnoredResult,
  LoadedResult,
  ProtocolRow,
  StatusCell,
  StatusModel,
  StatusOptions,
  StatusTotals,
  SystemColumn,
} from './types.ts';
import { waiverEntries } from './waivers.ts';

const DAY_MS = 86_400_000;
const DEFAULT_TREND_LENGTH = 6;

/**
 * Builds the report's model.
 *
 * @remarks
 * Per system × protocol × protocol version the latest certification run (by `run.finishedAt`) wins, or the
 * latest self-test where the cell has no certification run; a newer self-test is shown beside a certification, and
 * the runs give the trend. Runs finished after the `asOf` day are left out (a report "as of" a past day shows that day), and so are
 * runs with harness errors: such a run is not valid and says nothing about the system.
 */
export function buildStatusModel(results: readonly LoadedResult[], options: StatusOptions): StatusModel {
  const { valid, ignored } = countedResults(results, options.asOf);
  const signaturesChecked = options.signaturesChecked ?? false;
  const histories = cellHistories(valid, options.outDir, signaturesChecked);
  const waivers = waiverEntries(latestResults(valid, histories.values()), options.asOf, options.nextMeeting);
  // A waiver renewed in a later register keeps the cell's waived checkpoints covered: judge by its newest expiry.
  const newestExpiry = new Map(waivers.map((w) => [`${w.system.key}\u0000${w.id}`, w.expires]));
  const trendLength = options.trendLength ?? DEFAULT_TREND_LENGTH;
  const cells = new Map<string, StatusCell>();
  for (const [key, history] of histories) {
    const latest = countingRun(history.runs);
    if (!latest) continue;
    const selfTest = newerSelfTest(history.runs, latest);
    const refused = newerRefused(history.runs, latest);
    cells.set(key, {
      systemKey: history.system.key,
      protocolKey: history.protocol.key,
      latest,
      ...(selfTest ? { newerSelfTest: selfTest } : {}),
      ...(refused ? { refusedCertification: refused } : {}),
      trend: history.runs.slice(-trendLength).map(({ approval, mode, finishedAt, refused }) => ({
        approval,
        mode,
        finishedAt,
        ...(refused ? { refused } : {}),
      })),
      runs: history.runs.length,
      // `expires` is the first day a waiver no longer applies.
      lapsedWaivers: latest.waivers
        .filter((w) => (newestExpiry.get(`${history.system.key}\u0000${w.id}`) ?? w.expires) <= options.asOf)
        .map((w) => w.id),
    });
  }
  const systems = uniqueSystems(histories.values());
  const protocols = uniqueRows(histories.values());
  return {
    asOf: options.asOf,
    ...(options.nextMeeting ? { nextMeeting: options.nextMeeting } : {}),
    systems,
    protocols,
    cells,
    waivers,
    ...(options.since ? { changes: changesSince(histories.values(), options.since) } : {}),
    histories: systemHistories(systems, protocols, histories, cells),
    totals: totals(protocols, systems, cells),
    counted: valid.length,
    ignored,
    generator: options.generator,
    signatures: {
      checked: signaturesChecked,
      refused: valid.filter(
        (loaded) =>
          loaded.result.run.mode === 'certify' && refusedSignature(loaded.signature, signaturesChecked),
      ).length,
    },
  };
}

/** The results the report counts, and the others with the reason they are left out. */
function countedResults(
  results: readonly LoadedResult[],
  asOf: Day,
): { valid: LoadedResult[]; ignored: IgnoredResult[] } {
  const endOfAsOf = dayStart(asOf) + DAY_MS;
  const ignored: IgnoredResult[] = [];
  const valid = results.filter((loaded) => {
    if (loaded.result.harnessErrors.length > 0) ignored.push({ file: loaded.file, reason: 'harness-error' });
    else if (Date.parse(loaded.result.run.finishedAt) >= endOfAsOf)
      ignored.push({ file: loaded.file, reason: 'after-as-of' });
    else return true;
    return false;
  });
  return { valid, ignored };
}

/**
 * The ids of the runs whose checkpoints and waivers the report shows: per cell the run that counts, a newer self-test
 * and a newer refused certification beside it. Every other run appears only with its date, approval and counts, so
 * a source that can read a run's details apart (the register) reads only these; `results` may come without
 * checkpoints and waivers. `signaturesChecked` as in StatusOptions.
 */
export function runsShownInDetail(
  results: readonly LoadedResult[],
  asOf: Day,
  signaturesChecked = false,
): Set<string> {
  const shown = new Set<string>();
  const { valid } = countedResults(results, asOf);
  for (const history of cellHistories(valid, '.', signaturesChecked).values()) {
    const counting = countingRun(history.runs);
    if (!counting) continue;
    for (const run of [counting, newerSelfTest(history.runs, counting), newerRefused(history.runs, counting)])
      if (run) shown.add(run.runId);
  }
  return shown;
}

/** The approval shown in a cell. */
export function cellApproval(model: StatusModel, protocolKey: string, systemKey: string): CellApproval {
  return model.cells.get(cellKey(protocolKey, systemKey))?.latest.approval ?? 'not-tested';
}

function uniqueSystems(histories: Iterable<CellHistory>): SystemColumn[] {
  const systems = new Map<string, SystemColumn>();
  for (const history of histories) systems.set(history.system.key, history.system);
  return [...systems.values()].sort(compareSystems);
}

/** One row per protocol version; its title is the one of its newest run in any system. */
function uniqueRows(histories: Iterable<CellHistory>): ProtocolRow[] {
  const rows = new Map<string, { row: ProtocolRow; at: number }>();
  for (const history of histories) {
    const at = Date.parse(history.runs.at(-1)?.finishedAt ?? '');
    const known = rows.get(history.protocol.key);
    if (!known || at > known.at) rows.set(history.protocol.key, { row: history.protocol, at });
  }
  return [...rows.values()].map((r) => r.row).sort(compareProtocolRows);
}

/** The results that won at least one cell, each once, with their system: the waivers come from these. */
function latestResults(
  valid: readonly LoadedResult[],
  histories: Iterable<CellHistory>,
): { system: SystemColumn; result: LoadedResult['result'] }[] {
  const byRunId = new Map(valid.map((loaded) => [loaded.result.run.id, loaded.result]));
  const winners = new Map<string, { system: SystemColumn; result: LoadedResult['result'] }>();
  for (const history of histories) {
    const runId = countingRun(history.runs)?.runId;
    const result = runId === undefined ? undefined : byRunId.get(runId);
    if (runId !== undefined && result) winners.set(runId, { system: history.system, result });
  }
  return [...winners.values()];
}

/** Certifications and self-tests counted apart: only MedCom's certification approves. */
function totals(
  protocols: readonly ProtocolRow[],
  systems: readonly SystemColumn[],
  cells: ReadonlyMap<string, StatusCell>,
): StatusTotals {
  const none = () => ({ Godkendt: 0, 'Delvist godkendt': 0, 'Ikke godkendt': 0 });
  const counts: StatusTotals = { certify: none(), selfTest: none(), notTested: 0 };
  for (const protocol of protocols)
    for (const system of systems) {
      const run = cells.get(cellKey(protocol.key, system.key))?.latest;
      if (!run || run.approval === 'not-tested') counts.notTested += 1;
      else counts[run.mode === 'certify' ? 'certify' : 'selfTest'][run.approval] += 1;
    }
  return counts;
}
