// Duplicates and acknowledgements: a resend is the same message (no second result), a transient error is followed
// by a resend, a fatal error is not, and the GP system shows what the database answered.
import { Then } from '@cucumber/cucumber';
import { isResendOf } from '../../src/rules/lab/history-rules.ts';
import { messageIdOf } from '../../src/rules/lab/message.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { originalAndFollowUp } from './history-checks.ts';
import { labOutcome, labScenario, messagesOf, registered, type LabOutcome } from './state.ts';
import { historyOf, laterAbout, observedResult, storedOf } from './view.ts';

/** MedCom reliable messaging: a message answered transient-error is resent, at most twice. */
export const MAX_RESENDS = 2;

Then(
  'the resend of {string} repeats its MessageHeader.id and identifiers with a new Bundle.id, and LABA, as sent, holds it once',
  async function (this: CertbenchWorld, ref: string) {
    const { original, followUp, problems } = await originalAndFollowUp(this, ref, 'resend');
    if (original && followUp) problems.push(...isResendOf(original, followUp));
    const outcome = await labOutcome(this);
    const { stored, problems: found } = storedOf(this, outcome, ref, [`register ${ref}`, `resend ${ref}`]);
    problems.push(...found);
    if (stored && stored.history.length !== 1)
      problems.push(
        `LABA holds ${stored.history.length} versions of "${ref}", expected the resend to be a duplicate`,
      );
    this.verify('resend is a duplicate', problems, { location: 'MessageHeader.id, Bundle.id, identifiers' });
  },
);

/** The messages sent at the registration of `ref`: the first and 1 to MAX_RESENDS resends of it. */
function resentAfterTransientError(outcome: LabOutcome, ref: string) {
  const sent = messagesOf(outcome, `register ${ref}`).map((r) => r.message);
  const [first, ...resends] = sent;
  const problems: string[] = [];
  if (!first) problems.push(`"${ref}" was never sent`);
  else if (resends.length === 0)
    problems.push(`"${ref}" was not sent again after the transient-error acknowledgement`);
  if (resends.length > MAX_RESENDS)
    problems.push(`"${ref}" was resent ${resends.length} times, at most ${MAX_RESENDS} allowed`);
  if (first) for (const resend of resends) problems.push(...isResendOf(first, resend));
  return { first, problems };
}

Then(
  'after the transient-error acknowledgement {string} is sent again as the same message, at most 2 times',
  async function (this: CertbenchWorld, ref: string) {
    const { first, problems } = resentAfterTransientError(await labOutcome(this), ref);
    this.verify('resent after transient-error', problems, {
      expected: `1 to ${MAX_RESENDS} resends with MessageHeader.id ${first ? messageIdOf(first) : '?'}`,
    });
  },
);

Then(
  'while LABA keeps answering transient-error, {string} is resent at most 2 times and the GP system does not show it as shared',
  async function (this: CertbenchWorld, ref: string) {
    const outcome = await labOutcome(this);
    const { first, problems } = resentAfterTransientError(outcome, ref);
    // Never acknowledged: not shared. Whether the GP sees it pending or rejected is not specified (provisional).
    const shown = observedResult(outcome, registered(this, ref).patient, ref);
    if (!shown) problems.push(`lab.results does not list "${ref}"`);
    else if (shown['sharing'] !== 'pending' && shown['sharing'] !== 'rejected')
      problems.push(
        `lab.results shows "${ref}" with sharing=${JSON.stringify(shown['sharing'])}, expected "pending" or "rejected" (never acknowledged)`,
      );
    this.verify('resend limit after transient-error', problems, {
      expected: `1 to ${MAX_RESENDS} resends with MessageHeader.id ${first ? messageIdOf(first) : '?'}, then shown as not shared`,
    });
  },
);

Then(
  'after the fatal-error acknowledgement {string} is not sent again',
  async function (this: CertbenchWorld, ref: string) {
    const outcome = await labOutcome(this);
    const steps = labScenario(this).steps;
    const about = laterAbout(outcome, ref, steps.slice(steps.indexOf(`register ${ref}`)));
    const problems =
      about.length === 0
        ? [`"${ref}" was never sent`]
        : about.length > 1
          ? [
              `"${ref}" was sent ${about.length} times after a fatal-error acknowledgement; invalid content is not resent`,
            ]
          : [];
    this.verify('no resend after fatal-error', problems, { expected: 'exactly one message' });
  },
);

Then(
  'the GP system shows {string} and {string} as shared and {string} as rejected',
  async function (this: CertbenchWorld, a: string, b: string, rejected: string) {
    const outcome = await labOutcome(this);
    const problems = [
      [a, 'shared'],
      [b, 'shared'],
      [rejected, 'rejected'],
    ].flatMap(([ref = '', expected]) => {
      const shown = observedResult(outcome, registered(this, ref).patient, ref);
      if (!shown) return [`lab.results does not list "${ref}"`];
      const history = historyOf(this, shown, ref);
      return shown['sharing'] === expected
        ? history
        : [
            `lab.results shows "${ref}" with sharing=${JSON.stringify(shown['sharing'])}, expected "${expected}"`,
            ...history,
          ];
    });
    this.verify('acknowledgement shown to the GP', problems, {
      location: 'observation lab.results sharing, history',
    });
  },
);

Then(
  'the GP system shows none of {string}, {string}, {string} and {string} as shared, as none was acknowledged ok',
  async function (this: CertbenchWorld, a: string, b: string, c: string, d: string) {
    const outcome = await labOutcome(this);
    const problems = [a, b, c, d].flatMap((ref) => {
      const sent = messagesOf(outcome, `register ${ref}`).length;
      if (sent === 0) return [`"${ref}" was never sent`];
      const shown = observedResult(outcome, registered(this, ref).patient, ref);
      if (!shown) return [`lab.results does not list "${ref}"`];
      // Sent again, it may have been acknowledged ok: whether to resend after such an answer is not specified.
      return shown['sharing'] === 'shared' && sent === 1
        ? [
            `lab.results shows "${ref}" as shared, but its only message was answered with no acknowledgement ok`,
          ]
        : [];
    });
    this.verify('no acknowledgement, not shared', problems, {
      location: 'observation lab.results sharing',
      expected: 'not shared (pending, rejected or not-shared) unless sent again',
    });
  },
);
