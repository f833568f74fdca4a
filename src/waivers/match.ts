import semver from 'semver';
import type { Waiver } from './schema.ts';

export type WaiverState = 'active' | 'expired' | 'not-yet-valid';

/** Whether a waiver is in force at `now`: granted <= now < expires (dates at UTC midnight). */
export function waiverState(waiver: Waiver, now: Date): WaiverState {
  const t = now.getTime();
  if (t < Date.parse(`${waiver.granted}T00:00:00Z`)) return 'not-yet-valid';
  if (t >= Date.parse(`${waiver.expires}T00:00:00Z`)) return 'expired';
  return 'active';
}

/** Whether the waiver is written for this SUT (vendor and system exact, version inside the range). */
export function waiverCoversSut(
  waiver: Waiver,
  sut: { vendor: string; system: string; version: string },
): boolean {
  if (waiver.sut.vendor !== sut.vendor || waiver.sut.system !== sut.system) return false;
  if (waiver.sut.versions === '*') return true;
  const version = semver.valid(sut.version) ?? semver.coerce(sut.version)?.version;
  return version !== undefined && semver.satisfies(version, waiver.sut.versions, { includePrerelease: true });
}

export function waiverCoversCheckpoint(waiver: Waiver, checkpointId: string): boolean {
  return waiver.checkpoints.some((pattern) => checkpointPattern(pattern).test(checkpointId));
}

/** A checkpoint id pattern (`*` matches anything) as an anchored regular expression. */
export function checkpointPattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** The active waiver of this SUT that says the checkpoint is not run (`run: false`), if any. */
export function skippingWaiver(
  waivers: readonly Waiver[],
  sut: Parameters<typeof waiverCoversSut>[1],
  now: Date,
  checkpointId: string,
): Waiver | undefined {
  return waivers.find(
    (w) =>
      !w.run &&
      waiverCoversSut(w, sut) &&
      waiverState(w, now) === 'active' &&
      waiverCoversCheckpoint(w, checkpointId),
  );
}
