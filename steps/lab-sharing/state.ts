import type { Submission } from '../../src/counterparts/recipient.ts';
import { readMessage, type LabMessage } from '../../src/rules/lab/message.ts';
import type { Database } from '../../src/rules/lab/model.ts';
import type { RegisteredResult } from '../../src/rules/lab/registered.ts';
import type { OtherRequest } from '../../src/rules/lab/history-rules.ts';
import type { ReceivedMessage } from '../../src/rules/lab/routing-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { scenarioState } from '../../src/steps-api/scenario-state.ts';

/** What a lab sharing scenario planned: the results as registered and what the GP did to them, in order. */
export interface LabScenario {
  patients: Set<string>;
  results: Map<string, RegisteredResult>;
  /** Values after a correction, by ref. */
  corrected: Map<string, RegisteredResult>;
  /** Plan step names of the GP's lab actions, in order. */
  steps: string[];
  /** Resends the next registration should cause (a scripted transient error). */
  extraNext: number;
}

/** What one planned lab action produced: the SUT's answer and everything LABA and MiBA received meanwhile. */
export interface LabStepOutput {
  output?: Record<string, unknown>;
  /** Set when the SUT refused the action as invalid input (HTTP 422), which a negative test allows. */
  refused?: string;
  received: { database: Database; submission: Submission }[];
  others: OtherRequest[];
  observed?: unknown;
}

export const labScenario = scenarioState<LabScenario>(() => ({
  patients: new Set(),
  results: new Map(),
  corrected: new Map(),
  steps: [],
  extraNext: 0,
}));

export function registered(world: CertbenchWorld, ref: string): RegisteredResult {
  const result = labScenario(world).results.get(ref);
  if (!result) throw new Error(`no lab result "${ref}" in this scenario`);
  return result;
}

export interface LabOutcome {
  step(name: string): LabStepOutput;
  window(name: string): { start: Date; end: Date };
  /** Every message LABA and MiBA received during the scenario, in order. */
  messages: ReceivedMessage[];
  submissions: { database: Database; submission: Submission; step: string }[];
  others: OtherRequest[];
}

export async function labOutcome(world: CertbenchWorld): Promise<LabOutcome> {
  const outcome = await world.realise();
  const names = labScenario(world).steps;
  const step = (name: string): LabStepOutput => {
    const found = outcome.outputs.get(name) as LabStepOutput | undefined;
    if (!found) throw new Error(`no lab step "${name}" in this scenario`);
    return found;
  };
  const submissions = names.flatMap((name) => step(name).received.map((r) => ({ ...r, step: name })));
  return {
    step,
    window: (name) => outcome.windows.get(name) ?? { start: new Date(0), end: new Date() },
    messages: submissions.map(toReceived),
    submissions,
    others: names.flatMap((name) => step(name).others),
  };
}

export function toReceived(r: { database: Database; submission: Submission }): ReceivedMessage {
  return {
    database: r.database,
    message: readMessage(r.submission.bundle),
    receivedAt: r.submission.receivedAt,
  };
}

/** The messages received while a step ran. */
export function messagesOf(outcome: LabOutcome, step: string): ReceivedMessage[] {
  return outcome.step(step).received.map(toReceived);
}

export function firstMessage(outcome: LabOutcome, step: string): LabMessage | undefined {
  return messagesOf(outcome, step)[0]?.message;
}
