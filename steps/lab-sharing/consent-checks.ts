// Nægtet samtykke (certbench's model, see protocols/lab-sharing.yaml): a refused result is shared marked
// restricted (meta.security R); a later refusal or its withdrawal is sent as an update of the same result.
import { Then } from '@cucumber/cucumber';
import { restrictionIs } from '../../src/rules/lab/content-rules.ts';
import { databaseView, exactlyOneStored } from '../../src/rules/lab/database-view.ts';
import { newMessageId, sameResult } from '../../src/rules/lab/history-rules.ts';
import { messageIdOf } from '../../src/rules/lab/message.ts';
import { provenanceRecords } from '../../src/rules/lab/message-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { originalAndFollowUp } from './history-checks.ts';
import { firstMessage, labOutcome, registered } from './state.ts';
import { historyOf, observedResult } from './view.ts';

function refs(list: string): string[] {
  return list
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
}

Then(
  '{string}, registered with nægtet samtykke, is shared marked restricted on the report and every observation',
  async function (this: CertbenchWorld, ref: string) {
    if (!registered(this, ref).refusedConsent)
      throw new Error(`"${ref}" was registered without nægtet samtykke`);
    const message = firstMessage(await labOutcome(this), `register ${ref}`);
    const problems = message ? restrictionIs(message, true) : [`"${ref}" was not shared`];
    this.verify('shared restricted', problems, {
      location: 'DiagnosticReport.meta.security, Observation.meta.security',
      expected: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R',
    });
  },
);

async function update(world: CertbenchWorld, ref: string, step: string, restricted: boolean): Promise<void> {
  const { original, followUp, problems } = await originalAndFollowUp(world, ref, step);
  if (original && followUp)
    problems.push(
      ...sameResult(original, followUp),
      ...newMessageId(original, followUp),
      ...restrictionIs(followUp, restricted),
      ...provenanceRecords(followUp, 'modified-message', {
        role: 'revision',
        messageId: messageIdOf(original),
      }),
    );
  world.verify(restricted ? 'refusal sent as an update' : 'withdrawal sent as an update', problems, {
    location: 'meta.security, Provenance',
  });
}

Then(
  '{string} is sent again marked restricted, as an update referencing its shared version',
  async function (this: CertbenchWorld, ref: string) {
    await update(this, ref, 'refuse consent', true);
  },
);

Then(
  '{string} is sent again without the restriction, as an update referencing its restricted version',
  async function (this: CertbenchWorld, ref: string) {
    await update(this, ref, 'withdraw refusal', false);
  },
);

Then(
  'LABA, as sent, shows {string} restricted and {string} unrestricted',
  async function (this: CertbenchWorld, restrictedList: string, openList: string) {
    const { messages } = await labOutcome(this);
    const view = databaseView(messages);
    const problems = [
      ...refs(restrictedList).map((ref) => [ref, true] as const),
      ...refs(openList).map((ref) => [ref, false] as const),
    ].flatMap(([ref, restricted]) => {
      const { stored, problems: found } = exactlyOneStored(view, registered(this, ref), 'laba');
      if (!stored) return found;
      return stored.restricted === restricted
        ? []
        : [
            `LABA's newest version of "${ref}" is ${stored.restricted ? '' : 'not '}restricted, expected ${restricted ? '' : 'not '}restricted`,
          ];
    });
    this.verify('databases show the newest consent marking', problems, {
      location: 'DiagnosticReport.meta.security',
    });
  },
);

Then(
  'the GP system shows nægtet samtykke on {string} and not on {string}',
  async function (this: CertbenchWorld, refusedList: string, openList: string) {
    const outcome = await labOutcome(this);
    const problems = [
      ...refs(refusedList).map((ref) => [ref, true] as const),
      ...refs(openList).map((ref) => [ref, false] as const),
    ].flatMap(([ref, refused]) => {
      const shown = observedResult(outcome, registered(this, ref).patient, ref);
      if (!shown) return [`lab.results does not list "${ref}"`];
      const history = historyOf(this, shown, ref);
      return shown['refusedConsent'] === refused
        ? history
        : [
            `lab.results shows "${ref}" with refusedConsent=${JSON.stringify(shown['refusedConsent'])}, expected ${refused}`,
            ...history,
          ];
    });
    this.verify('refusal visible in the GP system', problems, {
      location: 'observation lab.results refusedConsent, history',
    });
  },
);
