import type { LabMessage } from '../../src/rules/lab/message.ts';
import { isAgreed, label, type RegisteredResult } from '../../src/rules/lab/registered.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { labOutcome, labScenario, messagesOf, type LabOutcome } from './state.ts';

export interface SharedResult {
  result: RegisteredResult;
  message: LabMessage;
  /** When its registration (and so the sending) ran. */
  window: { start: Date; end: Date };
}

/** Each registered result that must be shared, with the first message sent for it; `missing` names the others. */
export async function sharedResults(
  world: CertbenchWorld,
): Promise<{ shared: SharedResult[]; missing: string[]; outcome: LabOutcome }> {
  const outcome = await labOutcome(world);
  const shared: SharedResult[] = [];
  const missing: string[] = [];
  for (const result of labScenario(world).results.values()) {
    if (!isAgreed(result)) continue;
    const step = `register ${result.ref}`;
    const message = messagesOf(outcome, step)[0]?.message;
    if (message) shared.push({ result, message, window: outcome.window(step) });
    else missing.push(`${label(result)} was not sent to LABA or MiBA`);
  }
  return { shared, missing, outcome };
}

/** Problems of a rule over every shared result, plus the results that were not shared at all. */
export async function overShared(
  world: CertbenchWorld,
  rule: (s: SharedResult) => string[],
  only: (r: RegisteredResult) => boolean = () => true,
): Promise<string[]> {
  const { shared, missing } = await sharedResults(world);
  return [
    ...missing,
    ...shared.filter((s) => only(s.result)).flatMap((s) => rule(s).map((p) => `${label(s.result)}: ${p}`)),
  ];
}
