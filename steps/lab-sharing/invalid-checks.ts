// Content the databases must reject is never sent: each check judges every message of the scenario, and requires
// that the valid result registered afterwards did arrive (so a system that sends nothing cannot pass).
import { Then } from '@cucumber/cucumber';
import { label } from '../../src/rules/lab/registered.ts';
import {
  missingNpuCode,
  samplingInFuture,
  unknownCprFormat,
  valueWithoutUnit,
} from '../../src/rules/lab/receiver-rules.ts';
import type { ReceivedMessage } from '../../src/rules/lab/routing-rules.ts';
import { reachedDatabase } from '../../src/rules/lab/routing-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { labOutcome, messagesOf, registered } from './state.ts';

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
