import type { SutProfile } from '../profile/schema.ts';
import type { CheckpointResult, WaiverRecord } from '../result/types.ts';
import { waiverCoversCheckpoint, waiverCoversSut, waiverState } from '../waivers/match.ts';
import type { Waiver } from '../waivers/schema.ts';

/** The message of a checkpoint not run because an active waiver says `run: false`; applyWaivers makes it waived. */
export const NOT_RUN_BY_WAIVER = 'not run (waiver with run: false)';

/** One record per waiver in the register, with its state for this SUT at `now`; applyWaivers fills the lists. */
export function waiverRecordsFor(
  waivers: Waiver[],
  profile: SutProfile,
  now: Date,
): Map<string, WaiverRecord> {
  return new Map(
    waivers.map((w) => [
      w.id,
      {
        id: w.id,
        state: waiverCoversSut(w, profile) ? waiverState(w, now) : 'other-sut',
        checkpoints: w.checkpoints,
        reason: w.reason,
        approvedBy: w.approvedBy,
        granted: w.granted,
        expires: w.expires,
        run: w.run,
        appliedTo: [],
        wouldHaveCovered: [],
      },
    ]),
  );
}

/**
 * A failed (or not run) checkpoint covered by an active waiver becomes waived, keeping the failure; expired
 * waivers that would have covered it are noted on their record. Passed and pending checkpoints are left alone.
 */
export function applyWaivers(
  cp: CheckpointResult,
  waivers: Waiver[],
  records: Map<string, WaiverRecord>,
  now: Date,
): CheckpointResult {
  const covering = waivers.filter((w) => waiverCoversCheckpoint(w, cp.id));
  const active = covering.find((w) => waiverState(w, now) === 'active');
  const notRun = cp.status === 'pending' && cp.message === NOT_RUN_BY_WAIVER;
  if (cp.status === 'failed' || notRun) {
    for (const w of covering.filter((x) => waiverState(x, now) === 'expired'))
      records.get(w.id)?.wouldHaveCovered.push(cp.id);
  }
  if (!active || !(cp.status === 'failed' || notRun)) return cp;
  records.get(active.id)?.appliedTo.push(cp.id);
  return {
    ...cp,
    status: 'waived',
    message: `waived by ${active.id} (approved by ${active.approvedBy}, expires ${active.expires}): ${active.reason}`,
    waiver: {
      id: active.id,
      reason: active.reason,
      approvedBy: active.approvedBy,
      expires: active.expires,
      ...(cp.status === 'failed' && cp.message ? { underlyingFailure: cp.message } : {}),
    },
  };
}
