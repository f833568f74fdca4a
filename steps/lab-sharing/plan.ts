// Plan steps of the lab sharing protocol: each GP action is performed through the automation API while certbench
// notes what LABA and MiBA receive; expected messages are waited for (softly: what arrives is judged by checks).
import { ActionRefused, CheckFailed } from '../../src/checks/check-failed.ts';
import { waitForSubmissions } from '../../src/counterparts/wait.ts';
import type { ScriptedAnswer } from '../../src/counterparts/lab-ack.ts';
import type { Database } from '../../src/rules/lab/model.ts';
import type { PlanEnv } from '../../src/steps-api/plan.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { labScenario, type LabStepOutput } from './state.ts';

export interface LabAction {
  name: string;
  action: string;
  /** Everything that determines the action (plan key). */
  key: unknown;
  input: (outputs: ReadonlyMap<string, unknown>) => Record<string, unknown>;
  /** How many messages the action should cause; 0 = none (nothing is waited for). */
  expect: number;
  /** A 422 answer (the SUT refuses invalid input) is an allowed outcome. */
  allowRefusal?: boolean;
}

export function planLabAction(world: CertbenchWorld, spec: LabAction): void {
  labScenario(world).steps.push(spec.name);
  world.addToPlan({
    name: spec.name,
    key: [spec.action, spec.key, spec.expect],
    run: async (env: PlanEnv): Promise<LabStepOutput> => {
      const { ctx, driver, record } = env;
      const { laba, miba } = ctx.counterparts;
      const marks = {
        laba: laba.count,
        miba: miba.count,
        labaOther: laba.otherCount,
        mibaOther: miba.otherCount,
      };
      let output: Record<string, unknown> | undefined;
      let refused: string | undefined;
      try {
        output = await driver.perform(spec.action, spec.input(env.outputs));
      } catch (error) {
        if (!(spec.allowRefusal && error instanceof ActionRefused)) throw error;
        refused = error.message;
      }
      if (spec.expect > 0)
        await waitForSubmissions(
          [
            { recipient: laba, after: marks.laba },
            { recipient: miba, after: marks.miba },
          ],
          spec.expect,
          ctx.profile.counterparts.waitTimeoutMs,
        );
      const received = [
        ...laba.submissionsSince(marks.laba).map((submission) => ({ database: 'laba' as const, submission })),
        ...miba.submissionsSince(marks.miba).map((submission) => ({ database: 'miba' as const, submission })),
      ].sort((a, b) => a.submission.receivedAt.localeCompare(b.submission.receivedAt));
      const others = [
        ...laba.othersSince(marks.labaOther).map((o) => ({ ...o, database: 'laba' as const })),
        ...miba.othersSince(marks.mibaOther).map((o) => ({ ...o, database: 'miba' as const })),
      ];
      for (const r of received) record(r.submission.exchange);
      for (const o of others) record(o.exchange);
      return {
        ...(output ? { output } : {}),
        ...(refused ? { refused } : {}),
        received,
        others: others.map(({ database, method, url }) => ({ database, method, url })),
      };
    },
  });
}

/** The SUT's id of a registered result (output of its registration), for later actions on it. */
export function resultIdOf(outputs: ReadonlyMap<string, unknown>, ref: string): string {
  const registration = outputs.get(`register ${ref}`) as LabStepOutput | undefined;
  const id = registration?.output?.['resultId'];
  if (typeof id !== 'string')
    throw new CheckFailed(`lab.register-result must return output.resultId (string) for "${ref}"`, {
      actual: JSON.stringify(registration?.output ?? null),
    });
  return id;
}

/** Resets a test patient in the SUT and clears any scripted database answers left from an earlier plan. */
export function planReset(world: CertbenchWorld, patient: string): void {
  world.addToPlan({
    name: `reset ${patient}`,
    key: patient,
    run: async ({ ctx, driver }) => {
      ctx.counterparts.laba.resetScript();
      ctx.counterparts.miba.resetScript();
      return driver.perform('patient.reset', { patient });
    },
  });
}

/** The database answers the next `count` messages with this acknowledgement (or an answer that is none). */
export function planAnswer(world: CertbenchWorld, database: Database, code: ScriptedAnswer, count = 1): void {
  const name = `${database} answers ${count} × ${code} ${labScenario(world).steps.length}`;
  world.addToPlan({
    name,
    key: [database, code, count],
    run: ({ ctx }) => {
      for (let i = 0; i < count; i += 1) ctx.counterparts[database].answerNext(code);
      return Promise.resolve();
    },
  });
}

/** Reads what the GP system shows of a patient's lab results (observation lab.results). */
export function planObserve(world: CertbenchWorld, patient: string): void {
  const name = `observe ${patient}`;
  labScenario(world).steps.push(name);
  world.addToPlan({
    name,
    key: patient,
    run: async ({ driver }): Promise<LabStepOutput> => ({
      observed: await driver.observe('lab.results', { patient }),
      received: [],
      others: [],
    }),
  });
}
