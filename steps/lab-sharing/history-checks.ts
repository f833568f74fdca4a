// Correction and cancellation: a follow-up message about the same result, pointing to the original, never a delete.
import { Then } from '@cucumber/cucumber';
import { comparatorAsRegistered, quantityAsRegistered, statusIs } from '../../src/rules/lab/content-rules.ts';
import { databaseView, exactlyOneStored, traceable } from '../../src/rules/lab/database-view.ts';
import {
  cancellationReason,
  isCancellation,
  newMessageId,
  noDeletion,
  sameResult,
  valueOf,
} from '../../src/rules/lab/history-rules.ts';
import { messageIdOf, type LabMessage } from '../../src/rules/lab/message.ts';
import { provenanceRecords } from '../../src/rules/lab/message-rules.ts';
import { concerns, label, observationFor, shownAsRegistered } from '../../src/rules/lab/registered.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { firstMessage, labOutcome, labScenario, messagesOf, registered } from './state.ts';
import { historyOf, observedResult } from './view.ts';

/** The original message of a result and the first message of a later step about it; a missing one fails. */
export async function originalAndFollowUp(
  world: CertbenchWorld,
  ref: string,
  step: string,
): Promise<{ original?: LabMessage; followUp?: LabMessage; problems: string[] }> {
  const outcome = await labOutcome(world);
  const original = firstMessage(outcome, `register ${ref}`);
  const followUp = firstMessage(outcome, `${step} ${ref}`);
  const problems: string[] = [];
  if (!original) problems.push(`"${ref}" was never sent, so nothing can follow it`);
  if (!followUp) problems.push(`nothing was sent for "${ref}" after the ${step}`);
  return { ...(original ? { original } : {}), ...(followUp ? { followUp } : {}), problems };
}

function corrected(world: CertbenchWorld, ref: string) {
  const result = labScenario(world).corrected.get(ref);
  if (!result) throw new Error(`"${ref}" is not corrected in this scenario`);
  return result;
}

Then(
  '{string} is sent again as a correction: same identifiers, status corrected and the new value',
  async function (this: CertbenchWorld, ref: string) {
    const { original, followUp, problems } = await originalAndFollowUp(this, ref, 'correct');
    if (original && followUp)
      problems.push(
        ...sameResult(original, followUp),
        ...statusIs(followUp, 'corrected'),
        ...quantityAsRegistered(followUp, corrected(this, ref)),
      );
    this.verify('correction of the same result', problems, {
      location: 'DiagnosticReport/Observation.identifier, .status, Observation.valueQuantity',
    });
  },
);

Then(
  'the correction of {string} references the original message',
  async function (this: CertbenchWorld, ref: string) {
    const { original, followUp, problems } = await originalAndFollowUp(this, ref, 'correct');
    if (original && followUp)
      problems.push(
        ...newMessageId(original, followUp),
        ...provenanceRecords(followUp, 'modified-message', {
          role: 'revision',
          messageId: messageIdOf(original),
        }),
      );
    this.verify('correction references the original', problems, {
      location: 'Provenance.activity, Provenance.entity',
    });
  },
);

Then(
  'the second correction of {string} is sent as a correction of the first, with the newest value and no comparator',
  async function (this: CertbenchWorld, ref: string) {
    const outcome = await labOutcome(this);
    const { original, followUp: first, problems } = await originalAndFollowUp(this, ref, 'correct');
    const second = firstMessage(outcome, `correct again ${ref}`);
    if (!second) problems.push(`nothing was sent for "${ref}" after the second correction`);
    if (original && first && second)
      problems.push(
        ...sameResult(original, second),
        ...statusIs(second, 'corrected'),
        ...quantityAsRegistered(second, corrected(this, ref)),
        ...comparatorAsRegistered(second, corrected(this, ref)),
        ...newMessageId(first, second),
        // A revision of the latest version, so the database's history is a chain: original → first → second.
        ...provenanceRecords(second, 'modified-message', { role: 'revision', messageId: messageIdOf(first) }),
      );
    this.verify('second correction revises the first', problems, {
      location:
        'Provenance.entity, DiagnosticReport/Observation.identifier, Observation.valueQuantity (value, comparator)',
    });
  },
);

Then(
  '{string} is sent again as a correction with only its CRP changed, to {string} with the comparator',
  async function (this: CertbenchWorld, ref: string, value: string) {
    const newest = corrected(this, ref);
    if (!newest.analyses.some((a) => `${a.quantity?.comparator ?? ''}${a.quantity?.value}` === value))
      throw new Error(`"${ref}" is not corrected to ${value} in this scenario`);
    const { original, followUp, problems } = await originalAndFollowUp(this, ref, 'correct');
    // Every analysis as it now stands: the corrected one with its comparator, the others as registered.
    if (original && followUp)
      problems.push(
        ...sameResult(original, followUp),
        ...statusIs(followUp, 'corrected'),
        ...quantityAsRegistered(followUp, newest),
        ...comparatorAsRegistered(followUp, newest),
      );
    this.verify('correction of one analysis, with a comparator', problems, {
      location: 'Observation.valueQuantity (value, comparator, unit) of each analysis',
      expected: `${ref}: the corrected analysis ${value}, every other analysis as registered`,
    });
  },
);

Then(
  'nothing is sent for {string}, neither when it was registered nor when it was corrected, while {string} is corrected, and the GP system shows {string} corrected, not shared',
  async function (this: CertbenchWorld, local: string, shared: string, again: string) {
    if (again !== local) throw new Error(`the step names "${local}" and "${again}"`);
    const outcome = await labOutcome(this);
    const result = registered(this, local);
    const problems = [`register ${local}`, `correct ${local}`].flatMap((step) =>
      messagesOf(outcome, step).map(
        (r) =>
          `${r.database.toUpperCase()} received a message at "${step}"; ${label(result)} is kept locally`,
      ),
    );
    problems.push(
      ...outcome.messages
        .filter((r) => concerns(r.message, result))
        .map((r) => `a message to ${r.database.toUpperCase()} carries ${label(result)}`),
    );
    // So that a system that sends no correction at all cannot pass.
    if (messagesOf(outcome, `correct ${shared}`).length === 0)
      problems.push(`nothing was sent for "${shared}" after its correction`);
    // The clinic's own record holds the correction.
    const shown = observedResult(outcome, result.patient, local);
    if (!shown) problems.push(`lab.results does not list "${local}"`);
    else {
      if (shown['sharing'] !== 'not-shared')
        problems.push(
          `lab.results shows "${local}" with sharing=${JSON.stringify(shown['sharing'])}, expected "not-shared"`,
        );
      problems.push(
        ...shownAsRegistered(shown['analyses'], corrected(this, local)),
        ...historyOf(this, shown, local),
      );
    }
    this.verify('no correction of a result kept locally', problems, {
      expected: `nothing about ${local}; a correction of ${shared}; ${local} shown with the new value, not shared, with its history`,
    });
  },
);

Then(
  'the correction of {string} is neither a deletion nor a cancellation followed by a new result',
  async function (this: CertbenchWorld, ref: string) {
    const outcome = await labOutcome(this);
    const { original, problems } = await originalAndFollowUp(this, ref, 'correct');
    const sent = messagesOf(outcome, `correct ${ref}`).map((r) => r.message);
    problems.push(...noDeletion(outcome.step(`correct ${ref}`).others));
    for (const m of sent) {
      if (isCancellation(m))
        problems.push(`the correction sent a cancellation (MessageHeader ${messageIdOf(m) ?? '?'})`);
      if (original) problems.push(...sameResult(original, m));
    }
    this.verify('no delete, no cancel-and-new', problems, {
      expected: 'one correction message about the same result',
    });
  },
);

Then(
  'LABA, as sent, holds one result {string} showing only the newest value, traceable to the original',
  async function (this: CertbenchWorld, ref: string) {
    const outcome = await labOutcome(this);
    const newest = corrected(this, ref);
    const { stored, problems } = exactlyOneStored(
      databaseView(outcome.messages),
      registered(this, ref),
      'laba',
    );
    if (stored) {
      if (stored.history.length < 2)
        problems.push(
          `${label(newest)} has ${stored.history.length} version(s), expected the original and the correction`,
        );
      problems.push(...traceable(stored));
      const analysis = newest.analyses[0];
      const shown = analysis ? valueOf(observationFor(stored.latest, analysis)) : '?';
      problems.push(
        ...quantityAsRegistered(stored.latest, newest).map((p) => `newest version shows ${shown}: ${p}`),
      );
    }
    this.verify('database shows the newest value', problems, {
      expected: `one result ${ref}, newest value, history traceable`,
    });
  },
);

Then(
  '{string} is sent again as a cancellation marking: same identifiers, status cancelled, referencing the original',
  async function (this: CertbenchWorld, ref: string) {
    const { original, followUp, problems } = await originalAndFollowUp(this, ref, 'cancel');
    if (original && followUp)
      problems.push(
        ...sameResult(original, followUp),
        ...statusIs(followUp, 'cancelled'),
        ...provenanceRecords(followUp, 'retract-message', {
          role: 'removal',
          messageId: messageIdOf(original),
        }),
      );
    this.verify('cancellation marking', problems, { location: 'DiagnosticReport.status, Provenance' });
  },
);

Then(
  'the cancellation of {string} carries the comment {string}',
  async function (this: CertbenchWorld, ref: string, reason: string) {
    const { followUp, problems } = await originalAndFollowUp(this, ref, 'cancel');
    if (followUp) problems.push(...cancellationReason(followUp, reason));
    this.verify('cancellation comment', problems, {
      location: 'DiagnosticReport.conclusion',
      expected: reason,
    });
  },
);

Then(
  'the cancellation of {string} is never a deletion: LABA, as sent, keeps it marked cancelled',
  async function (this: CertbenchWorld, ref: string) {
    const outcome = await labOutcome(this);
    const problems = noDeletion(outcome.others);
    const found = exactlyOneStored(databaseView(outcome.messages), registered(this, ref), 'laba');
    problems.push(...found.problems);
    if (found.stored && !found.stored.cancelled)
      problems.push(`LABA shows "${ref}" without the cancellation marking`);
    this.verify('kept and marked cancelled', problems, {
      expected: 'no DELETE; the result kept, marked cancelled',
    });
  },
);

Then(
  'the GP system shows {string} cancelled, with the comment {string}',
  async function (this: CertbenchWorld, ref: string, reason: string) {
    const outcome = await labOutcome(this);
    const shown = observedResult(outcome, registered(this, ref).patient, ref);
    const problems: string[] = [];
    if (!shown) problems.push(`lab.results no longer lists "${ref}" after the cancellation`);
    else {
      if (shown['status'] !== 'cancelled')
        problems.push(
          `lab.results shows "${ref}" with status=${JSON.stringify(shown['status'])}, expected "cancelled"`,
        );
      if (shown['cancelReason'] !== reason)
        problems.push(
          `lab.results shows "${ref}" with cancelReason=${JSON.stringify(shown['cancelReason'] ?? null)}, expected "${reason}"`,
        );
      problems.push(
        ...shownAsRegistered(shown['analyses'], registered(this, ref)),
        ...historyOf(this, shown, ref),
      );
    }
    this.verify('cancelled result shown with its comment', problems, {
      location: 'observation lab.results status, cancelReason, analyses, history',
      expected: `${ref} listed, status cancelled, cancelReason "${reason}", its analyses as registered, a history entry for each action`,
    });
  },
);
