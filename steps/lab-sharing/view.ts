import { databaseView, exactlyOneStored, type StoredResult } from '../../src/rules/lab/database-view.ts';
import { identifierOf, type LabMessage } from '../../src/rules/lab/message.ts';
import { historyShown } from '../../src/rules/lab/registered.ts';
import type { Database } from '../../src/rules/lab/model.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { firstMessage, labScenario, messagesOf, registered, type LabOutcome } from './state.ts';

/**
 * What a database holds of one result, judged from the messages of the given steps only (other results of the
 * scenario may share its NPU codes).
 */
export function storedOf(
  world: CertbenchWorld,
  outcome: LabOutcome,
  ref: string,
  steps: string[],
  database: Database = 'laba',
): { stored?: StoredResult; problems: string[] } {
  const messages = steps.flatMap((step) => messagesOf(outcome, step));
  return exactlyOneStored(databaseView(messages), registered(world, ref), database);
}

/** Messages of later steps that are about the same result as its first message (same report identifier). */
export function laterAbout(outcome: LabOutcome, ref: string, steps: string[]): LabMessage[] {
  const identifier = identifierOf(firstMessage(outcome, `register ${ref}`)?.report);
  if (identifier === undefined) return [];
  return steps
    .flatMap((step) => messagesOf(outcome, step))
    .map((r) => r.message)
    .filter((m) => identifierOf(m.report) === identifier);
}

/** The GP system's view of a result (observation lab.results), found by the id its registration returned. */
export function observedResult(
  outcome: LabOutcome,
  patient: string,
  ref: string,
): Record<string, unknown> | undefined {
  const observed = outcome.step(`observe ${patient}`).observed;
  const id = outcome.step(`register ${ref}`).output?.['resultId'];
  if (!Array.isArray(observed)) return undefined;
  return (observed as Record<string, unknown>[]).find(
    (r) => typeof r === 'object' && r !== null && r['resultId'] === id,
  );
}

/** The history the GP sees of a result: an entry, with time and text, for its registration and each later action. */
export function historyOf(world: CertbenchWorld, shown: Record<string, unknown>, ref: string): string[] {
  const actions = labScenario(world).steps.filter((s) => !s.startsWith('observe ') && s.endsWith(` ${ref}`));
  return historyShown(shown['history'], registered(world, ref), actions.length);
}
