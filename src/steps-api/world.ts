import { World, type IWorldOptions } from '@cucumber/cucumber';
import { CheckFailed, RunInterrupted } from '../checks/check-failed.ts';
import {
  CHECK_MEDIA_TYPE,
  EXCHANGE_MEDIA_TYPE,
  EXCHANGE_REF_MEDIA_TYPE,
  PAUSE_MEDIA_TYPE,
  PENDING_MEDIA_TYPE,
} from '../checks/media-types.ts';
import type { Exchange } from '../evidence/exchange.ts';
import type { CheckRecord } from '../result/types.ts';
import { runContext, type RunContext } from '../run/context.ts';
import { performPlan, planKey, type PlanOutcome, type PlanStep } from './plan.ts';

/** Exchanges attached in full in a run: later scenarios that judged them attach only a reference. */
const attachedInRun = new WeakMap<RunContext, Set<string>>();

export interface WorldParameters {
  runId: string;
}

/**
 * The world every certbench scenario runs in: the run context, the scenario's plan of SUT interactions, and the
 * evidence and check records that travel to the verdict engine as cucumber attachments.
 */
export class CertbenchWorld extends World<WorldParameters> {
  readonly plan: PlanStep[] = [];
  /** The checkpoint this scenario verifies (from its `@cp:` tag), set before the first step. */
  checkpointId = '';
  /** The protocol of this scenario (from its `@protocol:` tag). */
  protocolId = '';
  private outcome?: PlanOutcome;
  /** How many checks this scenario recorded: a manual checkpoint with none has nothing an automatic run can judge. */
  checksMade = 0;
  private readonly attached = new Set<string>();

  constructor(options: IWorldOptions<WorldParameters>) {
    super(options);
  }

  get ctx(): RunContext {
    return runContext(this.parameters.runId);
  }

  addToPlan(step: PlanStep): void {
    if (this.outcome)
      throw new Error(
        `cannot plan "${step.name}" after the plan was performed; put set-up steps before checks`,
      );
    if (this.plan.some((s) => s.name === step.name))
      throw new Error(`plan already has a step named "${step.name}"`);
    this.plan.push(step);
  }

  /**
   * Performs the scenario's plan (or reuses the outcome of an identical plan earlier in the run), attaches its
   * evidence, and fails the checkpoint when the SUT failed during set-up. Given `upTo`, the checkpoint needs the
   * plan only up to that step: a failure later in the plan does not fail it.
   */
  async realise(upTo?: string): Promise<PlanOutcome> {
    const ctx = this.ctx;
    if (ctx.preflightFailure) {
      for (const exchange of ctx.preflightFailure.exchanges) this.attachExchange(exchange);
      if (ctx.preflightFailure.interrupted) throw new RunInterrupted(ctx.preflightFailure.message);
      throw new CheckFailed(ctx.preflightFailure.message);
    }
    if (!this.outcome) {
      const steps = [...this.plan];
      this.outcome = await ctx.fixtures.realise(planKey(steps), () => performPlan(ctx, steps));
      for (const exchange of this.outcome.exchanges) this.attachExchange(exchange);
      this.attachPauses(this.outcome);
    }
    if (this.outcome.interrupted) throw new RunInterrupted(this.outcome.interrupted);
    const failure = this.outcome.failure;
    const names = this.plan.map((s) => s.name);
    const needed = upTo === undefined ? names.length - 1 : names.indexOf(upTo);
    if (upTo !== undefined && needed < 0) throw new Error(`the plan has no step "${upTo}"`);
    if (failure && names.indexOf(failure.step) <= needed)
      throw new CheckFailed(`set-up step "${failure.step}" failed: ${failure.message}`, failure.details);
    return this.outcome;
  }

  attachExchange(exchange: Exchange): void {
    if (this.attached.has(exchange.id)) return;
    this.attached.add(exchange.id);
    // A plan's exchanges are judged by every scenario that reuses it: the message stream carries each exchange once,
    // in full, and a reference for every later scenario. The file name carries the exchange id either way.
    let inRun = attachedInRun.get(this.ctx);
    if (!inRun) attachedInRun.set(this.ctx, (inRun = new Set()));
    if (inRun.has(exchange.id)) {
      this.attach(JSON.stringify({ id: exchange.id }), {
        mediaType: EXCHANGE_REF_MEDIA_TYPE,
        fileName: exchange.id,
      });
      return;
    }
    inRun.add(exchange.id);
    this.attach(JSON.stringify(exchange), { mediaType: EXCHANGE_MEDIA_TYPE, fileName: exchange.id });
  }

  /** Attaches a plan's deliberate pauses once per run, to the scenario that realised the plan first. */
  private attachPauses(outcome: PlanOutcome): void {
    let inRun = attachedInRun.get(this.ctx);
    if (!inRun) attachedInRun.set(this.ctx, (inRun = new Set()));
    for (const pause of outcome.pauses) {
      if (inRun.has(pause.id)) continue;
      inRun.add(pause.id);
      this.attach(JSON.stringify(pause), PAUSE_MEDIA_TYPE);
    }
  }

  /** Records a check and fails the checkpoint when `problems` is not empty. */
  verify(
    description: string,
    problems: string[],
    details: Omit<CheckRecord, 'description' | 'passed' | 'actual'> = {},
  ): void {
    this.checksMade += 1;
    const passed = problems.length === 0;
    const record: CheckRecord = {
      description,
      passed,
      ...details,
      ...(passed ? {} : { actual: problems.join('; ') }),
    };
    this.attach(JSON.stringify(record), CHECK_MEDIA_TYPE);
    if (!passed) {
      throw new CheckFailed(`${description}: ${problems.join('; ')}`, {
        ...(details.location ? { location: details.location } : {}),
        ...(details.expected ? { expected: details.expected } : {}),
        actual: problems.join('; '),
      });
    }
  }

  /** Marks the checkpoint pending with a reason (not yet testable here). */
  pending(reason: string): 'pending' {
    this.attach(JSON.stringify({ reason }), PENDING_MEDIA_TYPE);
    return 'pending';
  }
}
