// What changed since the last meeting, per cell: the cell's state then (the run that counted before that day) against
// its state now (the run that counts, see countingRun). Only cells whose counting run is that recent can have changed.
import type { Approval } from '../result/types.ts';
import { countingRun, type CellHistory } from './cells.ts';
import { dayStart } from './dates.ts';
import { compareProtocolRows, compareSystems } from './identity.ts';
import type { CellChange, Day, StatusChanges } from './types.ts';

/** Higher is better; the order of MedCom's vocabulary. */
export const APPROVAL_RANK = {
  'Ikke godkendt': 0,
  'Delvist godkendt': 1,
  Godkendt: 2,
} as const satisfies Record<Approval, number>;

/** Changes of the given cell histories (sorted oldest first) since the start of `since` (UTC). */
export function changesSince(histories: Iterable<CellHistory>, since: Day): StatusChanges {
  const cutoff = dayStart(since);
  const changes: StatusChanges = { since, approved: [], regressions: [], improved: [], firstTested: [] };
  for (const history of histories) {
    const latest = countingRun(history.runs);
    // A run that judged nothing changed nothing.
    if (!latest || latest.approval === 'not-tested' || Date.parse(latest.finishedAt) < cutoff) continue;
    const after = latest.approval;
    const thenRun = countingRun(history.runs.filter((run) => Date.parse(run.finishedAt) < cutoff));
    const before = thenRun?.approval === 'not-tested' ? undefined : thenRun?.approval;
    const change: CellChange = {
      system: history.system,
      protocol: history.protocol,
      ...(before && thenRun ? { before, beforeMode: thenRun.mode } : {}),
      after,
      finishedAt: latest.finishedAt,
      systemVersion: latest.systemVersion,
      mode: latest.mode,
    };
    if (!before) changes.firstTested.push(change);
    // Only MedCom's certification approves: a self-test without failures is an improvement at most.
    const wasApproved = before === 'Godkendt' && thenRun?.mode === 'certify';
    if (after === 'Godkendt' && latest.mode === 'certify' && !wasApproved) changes.approved.push(change);
    else if (before && APPROVAL_RANK[after] < APPROVAL_RANK[before]) changes.regressions.push(change);
    else if (before && APPROVAL_RANK[after] > APPROVAL_RANK[before]) changes.improved.push(change);
  }
  for (const list of [changes.approved, changes.regressions, changes.improved, changes.firstTested])
    list.sort((a, b) => compareSystems(a.system, b.system) || compareProtocolRows(a.protocol, b.protocol));
  return changes;
}
