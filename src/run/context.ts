import type { Clock } from '../environment/environment.ts';
import type { RunCounterparts } from '../counterparts/registry.ts';
import type { ManualSession } from '../driver/manual/manual-session.ts';
import type { SutDriver } from '../driver/types.ts';
import type { Exchange } from '../evidence/exchange.ts';
import type { SutProfile } from '../profile/schema.ts';
import { FixtureCache } from './fixture-cache.ts';

/** What step code can reach during a run. Steps get it by the run id in cucumber's world parameters. */
export interface RunContext {
  runId: string;
  profile: SutProfile;
  clock: Clock;
  counterparts: RunCounterparts;
  fixtures: FixtureCache;
  /** The FHIR package cache folder profile validation uses in this run. */
  fhirPackages: string;
  /** Validators used by this run's checkpoints (`validatorKey`), so the result records exactly those. */
  validatorsUsed: Set<string>;
  /** The testcamp session when the run is manual (`--driver manual`). */
  manual?: ManualSession;
  /** Set when the SUT failed the pre-flight: every checkpoint fails with it. */
  preflightFailure?: { message: string; exchanges: Exchange[]; interrupted?: boolean };
  /** A driver whose every exchange goes to `record` (the current scenario's evidence). */
  makeDriver(record: (exchange: Exchange) => Promise<void> | void): SutDriver;
}

// Cucumber clones world parameters (structuredClone), so live objects cannot travel in them; the run registers its
// context here and passes only the id. One entry per running certification, removed when it ends.
const contexts = new Map<string, RunContext>();

/** Identifies a validator: its package cache folder and root package (`id#version`). */
export function validatorKey(cacheFolder: string, rootPackage: string): string {
  return `${cacheFolder}\0${rootPackage}`;
}

export function registerRunContext(context: Omit<RunContext, 'fixtures' | 'validatorsUsed'>): RunContext {
  const full: RunContext = { ...context, fixtures: new FixtureCache(), validatorsUsed: new Set() };
  contexts.set(context.runId, full);
  return full;
}

export function unregisterRunContext(runId: string): void {
  contexts.delete(runId);
}

export function runContext(runId: unknown): RunContext {
  const context = typeof runId === 'string' ? contexts.get(runId) : undefined;
  if (!context)
    throw new Error(
      `no certbench run context for run id ${String(runId)}: steps must run inside certbench run`,
    );
  return context;
}
