// No deletion in the source: a local delete, a journal transfer or a closing clinic never removes a result from
// LABA or MiBA, and the GP system keeps a deleted result retrievable with its history.
import { Then } from '@cucumber/cucumber';
import { noDeletion, noFollowUp } from '../../src/rules/lab/history-rules.ts';
import { shownAsRegistered } from '../../src/rules/lab/registered.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { labOutcome, labScenario, registered } from './state.ts';
import { historyOf, laterAbout, observedResult, storedOf } from './view.ts';

/** Steps after `step` in the scenario, `step` included. */
function fromStep(world: CertbenchWorld, step: string): string[] {
  const steps = labScenario(world).steps;
  const index = steps.indexOf(step);
  if (index < 0) throw new Error(`no step "${step}" in this scenario`);
  return steps.slice(index);
}

async function keptAfter(world: CertbenchWorld, ref: string, step: string, what: string): Promise<void> {
  const outcome = await labOutcome(world);
  const problems = [
    ...noDeletion(outcome.step(step).others),
    ...noFollowUp(laterAbout(outcome, ref, fromStep(world, step)), `for "${ref}" ${what}`),
  ];
  const { stored, problems: found } = storedOf(world, outcome, ref, [`register ${ref}`, step]);
  problems.push(...found);
  if (stored?.cancelled) problems.push(`LABA shows "${ref}" as cancelled ${what}`);
  world.verify(`"${ref}" kept in the databases`, problems, {
    expected: `no DELETE, no cancellation or other message about "${ref}"; the result still held`,
  });
}

Then(
  'no deletion or cancellation of {string} is sent, and LABA, as sent, still holds it unchanged',
  async function (this: CertbenchWorld, ref: string) {
    await keptAfter(this, ref, `delete ${ref}`, 'after the local delete');
  },
);

Then(
  'nothing is sent to delete or cancel {string} when the patient changes clinic, and LABA, as sent, still holds it',
  async function (this: CertbenchWorld, ref: string) {
    await keptAfter(this, ref, `transfer ${registered(this, ref).patient}`, 'after the journal transfer');
  },
);

Then(
  'nothing is sent to delete or cancel {string} when the clinic closes, and LABA, as sent, still holds it',
  async function (this: CertbenchWorld, ref: string) {
    await keptAfter(this, ref, `transfer ${registered(this, ref).patient}`, 'after the clinic closed');
  },
);

Then(
  'the GP system still shows {string}, marked deleted, with its history',
  async function (this: CertbenchWorld, ref: string) {
    const outcome = await labOutcome(this);
    const shown = observedResult(outcome, registered(this, ref).patient, ref);
    const problems: string[] = [];
    if (!shown) problems.push(`lab.results no longer lists "${ref}" after the local delete`);
    else {
      if (shown['deleted'] !== true)
        problems.push(
          `lab.results shows "${ref}" with deleted=${JSON.stringify(shown['deleted'])}, expected true`,
        );
      problems.push(...historyOf(this, shown, ref));
      problems.push(...shownAsRegistered(shown['analyses'], registered(this, ref)));
    }
    this.verify('deleted result retrievable with history', problems, {
      location: 'observation lab.results',
      expected:
        'the result, deleted: true, its analyses as registered and a history (time and text of each action)',
    });
  },
);
