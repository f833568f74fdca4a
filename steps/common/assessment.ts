// Manual checkpoints (mode: manual in the manifest): a person looks at the SUT's screen and decides. In a manual
// run the assessor is asked (OK, F1–F4 with a comment, or not relevant, with evidence files); in an automatic run
// this step adds nothing and the checkpoint is judged on its observable part, checked by the steps before it; a
// checkpoint with no observable part stays pending for the assessor.
import { Then } from '@cucumber/cucumber';
import { CheckFailed } from '../../src/checks/check-failed.ts';
import { ASSESSMENT_MEDIA_TYPE } from '../../src/checks/media-types.ts';
import { officialStep } from '../../src/protocols/official.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { ASSESSOR_ONLY } from '../../src/checks/pending-reasons.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';

Then(
  'the assessor judges {string} \\/ {string}',
  async function (this: CertbenchWorld, da: string, en: string) {
    return assess(this, da, en);
  },
);

/** The question in MedCom's own words (the official step's action and expected result), with a Danish instruction. */
Then(
  "the assessor judges MedCom's step {string}: {string}",
  async function (this: CertbenchWorld, number: string, da: string) {
    const step = officialStep(PACKAGE_ROOT, this.protocolId, number);
    return assess(this, da, `${number}: ${step.action} Expected result: ${step.expected}`);
  },
);

async function assess(
  world: CertbenchWorld,
  da: string,
  en: string,
): Promise<'skipped' | 'pending' | undefined> {
  const manual = world.ctx.manual;
  // An automatic run that could see nothing of the checkpoint has judged nothing: it stays open for the assessor.
  if (!manual)
    return world.checksMade > 0
      ? undefined
      : world.pending(`${ASSESSOR_ONLY}: an automatic run cannot see it (${en.slice(0, 160)})`);
  const assessment = await manual.assess({
    checkpointId: world.checkpointId,
    title: world.checkpointId,
    question: { da, en },
  });
  world.attach(JSON.stringify(assessment), ASSESSMENT_MEDIA_TYPE);
  if (assessment.decision === 'NR') return 'skipped';
  if (assessment.decision !== 'OK') {
    throw new CheckFailed(
      `assessed ${assessment.decision} by ${assessment.assessor}: ${assessment.comment ?? ''}`,
      {
        expected: en,
        actual: assessment.comment ?? assessment.decision,
      },
    );
  }
  return undefined;
}

/** In a manual run, steps that read the automation API have nothing to read: the assessor's step decides. */
export function automaticOnly(world: CertbenchWorld): boolean {
  if (world.ctx.manual) return false;
  return true;
}
