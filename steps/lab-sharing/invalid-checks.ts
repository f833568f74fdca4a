// Content the databases must reject is never sent: each check judges every message of the scenario, and requires
// that the valid result registered afterwards did arrive (so a system that sends nothing cannot pass).
import { Then } from '@cucumber/cucumber';
import { label, shownAsRegistered } from '../../src/rules/lab/registered.ts';
import {
  missingNpuCode,
  samplingInFuture,
  unknownCprFormat,
  valueWithoutUnit,
} from '../../src/rules/lab/receiver-rules.ts';
import type { ReceivedMessage } from '../../src/rules/lab/routing-rules.ts';
import { reachedDatabase } from '../../src/rules/lab/routing-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { labOutcome, labScenario, messagesOf, registered } from './state.ts';
import { historyOf, observedResult } from './view.ts';

const RULES: Record<string, (r: ReceivedMessage) => string[]> = {
  'result without an NPU code': (r) => missingNpuCode(r.message),
  'numeric result without a unit': (r) => valueWithoutUnit(r.message),
  'result sampled in the future': (r) => samplingInFuture(r.message, new Date(r.receivedAt)),
  'result with a patient identifier in an unknown CPR format': (r) => unknownCprFormat(r.message),
};

Then(
  /^no (result without an NPU code|numeric result without a unit|result sampled in the future|result with a patient identifier in an unknown CPR format) is sent, such as "([^"]+)", while "([^"]+)" arrives$/,
  async function (this: CertbenchWorld, what: string, invalid: string, control: string) {
    const rule = RULES[what];
    if (!rule) throw new Error(`no rule for "${what}"`);
    const outcome = await labOutcome(this);
    registered(this, invalid);
    const problems = [
      ...outcome.messages.flatMap((r) => rule(r).map((p) => `message to ${r.database.toUpperCase()}: ${p}`)),
      ...reachedDatabase(messagesOf(outcome, `register ${control}`), registered(this, control), 'laba').map(
        (p) => `the valid result ${label(registered(this, control))} must still be shared: ${p}`,
      ),
    ];
    this.verify(`no ${what} sent`, problems, { expected: `${invalid} not sent, ${control} sent` });
  },
);

Then(
  'the GP system shows every invalid result it kept, such as {string}, as not shared with its analyses as registered, and {string} as shared',
  async function (this: CertbenchWorld, example: string, control: string) {
    const outcome = await labOutcome(this);
    const scenario = labScenario(this);
    registered(this, example);
    const problems: string[] = [];
    for (const result of scenario.results.values()) {
      // Refused (422): nothing kept. Another person's record is not opened.
      if (outcome.step(`register ${result.ref}`).refused !== undefined) continue;
      if (result.patient !== registered(this, control).patient) continue;
      const shown = observedResult(outcome, result.patient, result.ref);
      if (!shown) {
        problems.push(`lab.results does not list ${label(result)}, which the system kept`);
        continue;
      }
      const expected = result.ref === control ? 'shared' : 'not-shared';
      if (shown['sharing'] !== expected)
        problems.push(
          `lab.results shows ${label(result)} with sharing=${JSON.stringify(shown['sharing'])}, expected "${expected}"`,
        );
      problems.push(...shownAsRegistered(shown['analyses'], result), ...historyOf(this, shown, result.ref));
    }
    this.verify('kept results shown as not shared', problems, {
      location: 'observation lab.results sharing, analyses, history',
    });
  },
);
