// Plan steps of the DSJ protocol: each is one GP action, one delivery or one observation through the automation
// API, noting what the birthplace and document sharing counterparts receive meanwhile.
import { waitForSubmissions } from '../../src/counterparts/wait.ts';
import type { PlanEnv } from '../../src/steps-api/plan.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import type { DsjStepOutput } from './state.ts';

export interface DsjPlanStep {
  name: string;
  key: unknown;
  /** Performs the step; returns what the step's output should carry besides the counterparts' submissions. */
  act(env: PlanEnv): Promise<Omit<DsjStepOutput, 'referrals' | 'documents'>>;
  /** Submissions to wait for: REF01 interchanges and ITI-65 documents. */
  expect?: { referrals?: number; documents?: number };
}

export function planDsjStep(world: CertbenchWorld, step: DsjPlanStep): void {
  world.addToPlan({
    name: step.name,
    key: [step.key, step.expect ?? {}],
    run: async (env): Promise<DsjStepOutput> => {
      const { hospitalReferral, documentSharing } = env.ctx.counterparts;
      const marks = { referrals: hospitalReferral.count, documents: documentSharing.count };
      const result = await step.act(env);
      const timeout = env.ctx.profile.counterparts.waitTimeoutMs;
      if (step.expect?.referrals)
        await waitForSubmissions(
          [{ recipient: hospitalReferral, after: marks.referrals }],
          step.expect.referrals,
          timeout,
        );
      if (step.expect?.documents)
        await waitForSubmissions(
          [{ recipient: documentSharing, after: marks.documents }],
          step.expect.documents,
          timeout,
        );
      const referrals = hospitalReferral.submissionsSince(marks.referrals);
      const documents = documentSharing.submissionsSince(marks.documents);
      for (const s of [...referrals, ...documents]) env.record(s.exchange);
      return { ...result, referrals, documents };
    },
  });
}
