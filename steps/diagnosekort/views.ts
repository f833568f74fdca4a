// What the GP sees and what a receiver asks for: the Diagnosekort view at a step of the flow (observation
// diagnosekort.diagnoses; in a manual run the assessor looks at the screen) and the request for an empty card.
import { Then } from '@cucumber/cucumber';
import type { Submission } from '../../src/counterparts/recipient.ts';
import { viewShowsCard } from '../../src/rules/conditionlist/view-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { automaticOnly } from '../common/assessment.ts';
import { flowOf } from './state.ts';

Then(
  "the GP's Diagnosekort view at step {string} shows the diagnoses on the card",
  async function (this: CertbenchWorld, step: string) {
    const view = flowOf(this).views.get(step);
    if (!view) throw new Error(`the flow reads no view at step ${step}`);
    // The set-up runs first (in a manual run the operator performs it); then the assessor's step decides.
    const outcome = await this.realise(view.observe);
    if (!automaticOnly(this)) return;
    this.verify(
      `the Diagnosekort view at step ${step}`,
      viewShowsCard(outcome.outputs.get(view.observe), view.card),
      {
        location: 'observation diagnosekort.diagnoses',
        expected: view.card.map((r) => r.ref).join(', ') || 'an empty card',
      },
    );
  },
);

Then('no ConditionList document is created for the empty card', async function (this: CertbenchWorld) {
  const flow = flowOf(this);
  const outcome = await this.realise(flow.emptyShare);
  const output = outcome.outputs.get(flow.emptyShare) as
    { refused?: string; submission?: Submission; answered?: boolean } | undefined;
  const problems = output?.submission
    ? [
        `a document reached document sharing after every diagnosis was deleted (${output.submission.exchange.request.method} ${output.submission.exchange.request.url})`,
      ]
    : [];
  this.verify('no ConditionList for an empty card', problems, {
    expected: 'the SUT refuses or answers without a document; nothing reaches document sharing',
    location: output?.refused ? `refused: ${output.refused}` : 'diagnosekort.share',
  });
});
