import { randomUUID } from 'node:crypto';
import type { SutDriver } from '../driver/types.ts';
import type { Exchange } from '../evidence/exchange.ts';
import type { RunContext } from '../run/context.ts';
import { CheckFailed, RunInterrupted } from '../checks/check-failed.ts';

/** What a planned step can use while it runs. */
export interface PlanEnv {
  ctx: RunContext;
  driver: SutDriver;
  /** Outputs of earlier steps of the same plan, by step name. */
  outputs: ReadonlyMap<string, unknown>;
  /** Adds an exchange seen outside the driver (a counterpart's incoming request) to the evidence. */
  record: (exchange: Exchange) => void;
  /**
   * Waits `ms` on purpose, as the protocol demands (not for the SUT), and records the pause in the run's messages,
   * so that a replay of the run (npm run bench) pauses at the same point and can tell the pauses from certbench's
   * own time.
   */
  pause: (ms: number, why: string) => Promise<void>;
}

/** A deliberate pause of a plan, attached to the scenario that performed the plan (PAUSE_MEDIA_TYPE). */
export interface RecordedPause {
  id: string;
  step: string;
  why: string;
  /** When the pause began (ISO 8601, the clock exchanges are timed by). */
  startedAt: string;
  /** How long it asked for and how long it took. */
  requestedMs: number;
  ms: number;
}

/**
 * One SUT interaction of a scenario's set-up ("register this diagnosis", "share"). Steps are planned by Given/When
 * steps and performed together when a Then step first needs the outcome, so equal plans run once per run.
 */
export interface PlanStep {
  /** Unique within the plan; later steps find this step's output by it. */
  name: string;
  /** Everything that determines the step's effect: equal keys in equal order mean an equal outcome. */
  key: unknown;
  run(env: PlanEnv): Promise<unknown>;
  /**
   * Puts back what the plan changed outside its test patients (a clinic-wide setting): runs even after an earlier
   * step failed or certbench itself failed, but not once the operator of a manual run has stopped.
   */
  cleanup?: boolean;
}

export interface PlanOutcome {
  outputs: Map<string, unknown>;
  /** When each step started and ended: rules such as "recordedDate is the registration time" need it. */
  windows: Map<string, { start: Date; end: Date }>;
  exchanges: Exchange[];
  /** The protocol's deliberate pauses, in order (see PlanEnv.pause). */
  pauses: RecordedPause[];
  /** Set when the operator of a manual run stopped during the plan; later steps were not performed. */
  interrupted?: string;
  /** The first SUT failure; later steps were not performed, except clean-up steps. */
  failure?: { step: string; message: string; details: CheckFailed['details'] };
}

export async function performPlan(ctx: RunContext, steps: PlanStep[]): Promise<PlanOutcome> {
  const outcome: PlanOutcome = { outputs: new Map(), windows: new Map(), exchanges: [], pauses: [] };
  // Every exchange is marked with the step that made it, so evidence can be named by the step (MedCom's convention).
  let current = '';
  const record = (exchange: Exchange) => {
    exchange.step ??= current;
    outcome.exchanges.push(exchange);
  };
  const pause = async (requestedMs: number, why: string) => {
    const startedAt = new Date().toISOString();
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, requestedMs));
    const ms = performance.now() - started;
    outcome.pauses.push({ id: randomUUID(), step: current, why, startedAt, requestedMs, ms });
  };
  const driver = ctx.makeDriver(record);
  // After a failure only clean-up steps run; a bug in step code is thrown once they have.
  let stopped = false;
  let bug: Error | undefined;
  for (const step of steps) {
    if (stopped && !step.cleanup) continue;
    current = step.name;
    const start = ctx.clock.now();
    try {
      outcome.outputs.set(
        step.name,
        await step.run({ ctx, driver, outputs: outcome.outputs, record, pause }),
      );
    } catch (error) {
      // Only SUT failures and the operator stopping a manual run are part of the outcome; a bug in step code
      // must surface as a harness error.
      if (error instanceof RunInterrupted) {
        outcome.interrupted = error.message;
        break;
      }
      stopped = true;
      if (!(error instanceof CheckFailed)) bug ??= error instanceof Error ? error : new Error(String(error));
      else outcome.failure ??= { step: step.name, message: error.message, details: error.details };
    } finally {
      outcome.windows.set(step.name, { start, end: ctx.clock.now() });
    }
  }
  if (bug) throw bug;
  return outcome;
}

export function planKey(steps: PlanStep[]): string {
  return JSON.stringify(steps.map((s) => [s.name, s.key]));
}
