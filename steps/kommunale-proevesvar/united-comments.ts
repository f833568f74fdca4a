// Receive protocol 3.2.1.17 (recommended): received clinical comments united in a view of their own, other than the
// laboratory chart. Its observable part is the observation homecare.clinical-comments (certbench's interface, not
// MedCom's); a system without such a view refuses the observation (422, or 404 from an older implementation of the
// automation API), and the step stays the assessor's: pending in an automatic run.
import { Then, When } from '@cucumber/cucumber';
import { ActionRefused, CheckFailed } from '../../src/checks/check-failed.ts';
import { ASSESSOR_ONLY } from '../../src/checks/pending-reasons.ts';
import { unitedCommentProblems } from '../../src/rules/homecare/view-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { homecareOutcome } from './state.ts';

const OBSERVATION = 'homecare.clinical-comments';
const stepOf = (patient: string) => `united clinical comments of ${patient}`;

When(
  'the GP opens the united view of clinical comments of {string}, if the system has one',
  function (this: CertbenchWorld, patient: string) {
    if (this.ctx.manual) return;
    this.addToPlan({
      name: stepOf(patient),
      key: patient,
      run: async ({ driver }) => {
        try {
          return { rows: await driver.observe(OBSERVATION, { patient }) };
        } catch (error) {
          const refused =
            error instanceof ActionRefused ||
            (error instanceof CheckFailed && /^404\b/.test(error.details.actual ?? ''));
          if (refused) return { unsupported: (error as Error).message };
          throw error;
        }
      },
    });
  },
);

Then(
  'the united view of clinical comments of {string} holds the clinical comment of {string}',
  async function (this: CertbenchWorld, patient: string, ref: string) {
    if (this.ctx.manual) return undefined;
    const outcome = await homecareOutcome(this);
    const plan = await this.realise();
    const observed = plan.outputs.get(stepOf(patient)) as
      { rows?: unknown; unsupported?: string } | undefined;
    if (!observed) throw new Error(`the scenario must open the united view of "${patient}" first`);
    if (observed.unsupported !== undefined)
      return this.pending(
        `${ASSESSOR_ONLY}: the SUT shows no united view of clinical comments through the automation API (${observed.unsupported})`,
      );
    const { message } = outcome.delivered(ref);
    this.verify(
      `the united view of clinical comments holds that of ${ref}`,
      unitedCommentProblems(observed.rows, message),
      {
        location: `${OBSERVATION}, patient ${patient}`,
        expected: `a row with messageId ${message.messageId ?? '?'} and clinicalComment ${JSON.stringify(message.clinicalComment)}`,
      },
    );
    return undefined;
  },
);
