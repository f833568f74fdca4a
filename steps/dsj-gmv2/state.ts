// What a DSJ scenario planned (the woman's answers, the GP's entries, the birthplaces) and what its plan produced.
import type { Submission } from '../../src/counterparts/recipient.ts';
import type { InboundAnswer } from '../../src/driver/types.ts';
import { readDsjFields, type ExpectedField } from '../../src/rules/dsj/prefill-rules.ts';
import {
  typedValue,
  type FieldValue,
  type QuestionnaireAnswer,
  type UnansweredQuestion,
} from '../../src/rules/dsj/questionnaire.ts';
import type { Birthplace } from '../../src/rules/dsj/referral-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { scenarioState } from '../../src/steps-api/scenario-state.ts';

export interface DsjPatient {
  cpr: string;
  /** Full name as the test person list gives it, e.g. "Else Test Lauridsen". */
  name: string;
  family: string;
}

export interface DsjScenario {
  patient?: DsjPatient;
  answers: QuestionnaireAnswer[];
  /** Questions the woman left unanswered (a row without svar): sent as items without an answer. */
  unanswered: UnansweredQuestion[];
  /** What the GP entered or corrected at the first consultation. */
  entries: ExpectedField[];
  /** What the GP entered at a later consultation. */
  later?: ExpectedField[];
  birthplaces: Map<string, Birthplace>;
  chosen?: Birthplace;
  /** The date of the first consultation, YYYY-MM-DD. */
  firstConsultation?: string;
}

/** What one planned DSJ step produced. */
export interface DsjStepOutput {
  answer?: InboundAnswer;
  output?: Record<string, unknown>;
  observed?: unknown;
  /** What the hospital referral and document sharing counterparts received meanwhile. */
  referrals: Submission[];
  documents: Submission[];
}

export const dsjScenario = scenarioState<DsjScenario>(() => ({
  answers: [],
  unanswered: [],
  entries: [],
  birthplaces: new Map(),
}));

export function scenarioPatient(world: CertbenchWorld): DsjPatient {
  const patient = dsjScenario(world).patient;
  if (!patient) throw new Error('no pregnant test patient in this scenario');
  return patient;
}

export function chosenBirthplace(world: CertbenchWorld): Birthplace {
  const birthplace = dsjScenario(world).chosen;
  if (!birthplace) throw new Error('no birthplace chosen in this scenario');
  return birthplace;
}

/** The output of a planned step, after performing the plan. */
export async function stepOutput(world: CertbenchWorld, name: string): Promise<DsjStepOutput> {
  const outcome = await world.realise();
  const output = outcome.outputs.get(name) as DsjStepOutput | undefined;
  if (!output) throw new Error(`no DSJ step "${name}" in this scenario`);
  return output;
}

export const STEP = {
  reset: 'reset',
  questionnaire: 'deliver questionnaire',
  deliveredAgain: 'deliver questionnaires again',
  firstConsultation: 'first consultation',
  sendReferral: 'send referral',
  sendAgain: 'send referral again',
  observe: 'observe dsj',
  laterConsultation: 'later consultation',
} as const;

/** A CPR that is no one's (day 32): no GP system has her as a patient. */
export const NO_ONES_CPR = '3202919990';
/** The answer the unfinished questionnaire gives instead of the completed one's. */
export const UNFINISHED_ANSWER = { field: 'sprog', answer: 'engelsk' } as const;
/**
 * An identifier system that is not the CPR's: answers whose subject (and source) it identifies, by the digits of the
 * woman's CPR, identify no patient by CPR (provisional: how Min Læge identifies the woman is not public).
 */
export const OTHER_SYSTEM = 'https://certbench.dk/min-laege/bruger-id';

/** A DSJ field's value after the first consultation, or after the later one: the GP's entry, else the answer. */
export function dsjValue(
  world: CertbenchWorld,
  field: string,
  after: 'first' | 'later' = 'first',
): FieldValue | undefined {
  const scenario = dsjScenario(world);
  const later = after === 'later' ? scenario.later?.find((e) => e.field === field) : undefined;
  if (later) return later.value;
  const entry = scenario.entries.find((e) => e.field === field);
  if (entry) return entry.value;
  const answer = scenario.answers.find((a) => a.field === field);
  return answer ? typedValue(answer.answer, answer.type) : undefined;
}

/** Why a check that reads observation dsj.record is pending in a manual run. */
export const NO_OBSERVATION =
  'a manual run has no automation API observation dsj.record; the DSJ screen is judged by the assessor (DSJ-3.3.1.5)';

/** The observed DSJ fields, or undefined in a manual run (no observation was made). */
export async function observedDsj(
  world: CertbenchWorld,
): Promise<ReturnType<typeof readDsjFields> | undefined> {
  const { observed } = await stepOutput(world, STEP.observe);
  return world.ctx.manual && observed === undefined ? undefined : readDsjFields(observed);
}
