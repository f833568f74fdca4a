// The dispensations the steering group must watch: every waiver the latest runs of a system recorded for that
// system, as the run judged it (on its own day, `--as-of` included) and again at the report date (a waiver active at
// the run may have lapsed since).
import type { WaiverRecord } from '../result/types.ts';
import { dayOf, daysBetween } from './dates.ts';
import { compareSystems } from './identity.ts';
import type { Day, StatusResult, SystemColumn, WaiverEntry, WaiverStanding } from './types.ts';

/** Recorded states that concern the system itself (`other-sut` belongs to another system, `not-yet-valid` to later). */
const FOR_THIS_SYSTEM: readonly WaiverRecord['state'][] = ['active', 'expired'];

/**
 * The waivers of the given results, one entry per system and waiver id (the newest run's record, with the
 * checkpoints it waived in any of them), most urgent first.
 *
 * @param latest - the results that are the latest of at least one cell, with their system
 * @param asOf - the report date, from which days to expiry are counted
 * @param nextMeeting - waivers no longer in force on this day are highlighted
 */
export function waiverEntries(
  latest: readonly { system: SystemColumn; result: StatusResult }[],
  asOf: Day,
  nextMeeting?: Day,
): WaiverEntry[] {
  const newestFirst = [...latest].sort(
    (a, b) => Date.parse(b.result.run.finishedAt) - Date.parse(a.result.run.finishedAt),
  );
  const entries = new Map<string, WaiverEntry>();
  for (const { system, result } of newestFirst) {
    for (const waiver of result.waiverRegister?.waivers ?? []) {
      if (!FOR_THIS_SYSTEM.includes(waiver.state)) continue;
      const key = `${system.key}\u0000${waiver.id}`;
      const known = entries.get(key);
      if (known) {
        known.appliedTo = [...new Set([...known.appliedTo, ...waiver.appliedTo])].sort();
        continue;
      }
      const daysToExpiry = daysBetween(asOf, waiver.expires);
      // Judged as the run judged it: a run made `--as-of` a later day failed the checkpoints again, and the list
      // must not call that waiver active because the report's day lies before its expiry.
      const judgedOn = dayOf(result.run.waiversJudgedAt ?? result.run.finishedAt);
      const expiredAtRun = waiver.state === 'expired' || waiver.expires <= judgedOn;
      entries.set(key, {
        system,
        id: waiver.id,
        reason: waiver.reason,
        approvedBy: waiver.approvedBy,
        checkpoints: [...waiver.checkpoints],
        appliedTo: [...waiver.appliedTo].sort(),
        granted: waiver.granted,
        expires: waiver.expires,
        daysToExpiry,
        standing: expiredAtRun ? 'expired' : standing(daysToExpiry, waiver.expires, nextMeeting),
        recordedState: waiver.state,
        judgedOn,
        expiredAtRun,
      });
    }
  }
  return [...entries.values()].sort(
    (a, b) =>
      a.expires.localeCompare(b.expires) || compareSystems(a.system, b.system) || a.id.localeCompare(b.id),
  );
}

/** `expires` is the first day a waiver no longer applies: expiring on the meeting day means lapsed at the meeting. */
function standing(daysToExpiry: number, expires: Day, nextMeeting: Day | undefined): WaiverStanding {
  if (daysToExpiry <= 0) return 'expired';
  if (nextMeeting !== undefined && expires <= nextMeeting) return 'expires-before-meeting';
  return 'active';
}
