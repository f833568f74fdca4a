// S1: the questionnaire answers reach the GP system and pre-fill the DSJ; the GP's entries are the GP's.
import { Then } from '@cucumber/cucumber';
import { fieldProblems, type ExpectedField } from '../../src/rules/dsj/prefill-rules.ts';
import { typedValue } from '../../src/rules/dsj/questionnaire.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { automaticOnly } from '../common/assessment.ts';
import type { InboundAnswer } from '../../src/driver/types.ts';
import { dsjScenario, NO_OBSERVATION, NO_ONES_CPR, observedDsj, stepOutput, STEP } from './state.ts';

/** The answers the GP left as the woman gave them, as typed values. */
function untouchedAnswers(world: CertbenchWorld): ExpectedField[] {
  const { answers, entries } = dsjScenario(world);
  const changed = new Set(entries.map((e) => e.field));
  return answers
    .filter((a) => !changed.has(a.field))
    .map((a) => ({ field: a.field, value: typedValue(a.answer, a.type) }));
}

Then(
  "the GP system's receiving endpoint accepts the questionnaire answers",
  async function (this: CertbenchWorld) {
    const { answer } = await stepOutput(this, STEP.questionnaire);
    const problems =
      answer?.kind === 'http' && (answer.status < 200 || answer.status > 299)
        ? [`the endpoint answered HTTP ${answer.status}: ${answer.body.toString('utf8').slice(0, 200)}`]
        : [];
    this.verify('questionnaire answers accepted', problems, {
      location: 'POST /certbench/v1/inbound/pregnancy-questionnaire',
      expected: 'HTTP 2xx',
    });
  },
);

Then(
  'every answer the GP did not change is pre-filled into its DSJ field',
  async function (this: CertbenchWorld) {
    const observed = await observedDsj(this);
    if (!observed) return this.pending(NO_OBSERVATION);
    const { fields, problems } = observed;
    this.verify(
      'answers pre-filled',
      [...problems, ...fieldProblems(fields, untouchedAnswers(this), 'questionnaire', 'value')],
      {
        location: 'observation dsj.record fields[].value',
      },
    );
  },
);

Then(
  "every pre-filled field is marked as the woman's answer from the questionnaire",
  async function (this: CertbenchWorld) {
    const observed = await observedDsj(this);
    if (!observed) return this.pending(NO_OBSERVATION);
    const { fields, problems } = observed;
    this.verify(
      'pre-filled fields marked',
      [...problems, ...fieldProblems(fields, untouchedAnswers(this), 'questionnaire', 'source')],
      {
        location: 'observation dsj.record fields[].source',
        expected: 'questionnaire',
      },
    );
  },
);

Then(
  "the GP's entries and corrections are in the DSJ, marked as the GP's",
  async function (this: CertbenchWorld) {
    const observed = await observedDsj(this);
    if (!observed) return this.pending(NO_OBSERVATION);
    const { fields, problems } = observed;
    const { entries } = dsjScenario(this);
    this.verify(
      "GP's entries",
      [
        ...problems,
        ...fieldProblems(fields, entries, 'gp', 'value'),
        ...fieldProblems(fields, entries, 'gp', 'source'),
      ],
      { location: 'observation dsj.record fields[]', expected: 'the value the GP entered, source gp' },
    );
  },
);

Then("the DSJ shows the woman's answers apart from the GP's entries", async function (this: CertbenchWorld) {
  // Realise the plan first: in a manual run that is where the operator is asked to do the set-up.
  const observed = await observedDsj(this);
  if (!automaticOnly(this) || !observed) return;
  const { fields, problems } = observed;
  const { entries } = dsjScenario(this);
  this.verify(
    'answers and entries told apart',
    [
      ...problems,
      ...fieldProblems(fields, untouchedAnswers(this), 'questionnaire', 'source'),
      ...fieldProblems(fields, entries, 'gp', 'source'),
    ],
    { location: 'observation dsj.record fields[].source' },
  );
});

Then(
  "answers the GP system cannot file change nothing, and answers received again keep the GP's corrections",
  async function (this: CertbenchWorld) {
    const observed = await observedDsj(this);
    if (!observed) return this.pending(NO_OBSERVATION);
    const { output } = await stepOutput(this, STEP.deliveredAgain);
    const { fields, problems } = observed;
    const noOnes = output?.['noOnes'] as InboundAnswer | undefined;
    this.verify(
      'answers not filed',
      [
        ...problems,
        ...(noOnes?.kind === 'http' && acceptedAsFiled(noOnes)
          ? [
              `the answers for CPR ${NO_ONES_CPR}, no patient of the clinic, were answered HTTP ${noOnes.status} without an error: the sender is told they were received, though no one's record can hold them`,
            ]
          : []),
        ...fieldProblems(fields, untouchedAnswers(this), 'questionnaire', 'value'),
        ...fieldProblems(fields, dsjScenario(this).entries, 'gp', 'value'),
      ],
      {
        location: 'POST /certbench/v1/inbound/pregnancy-questionnaire; observation dsj.record fields[].value',
        expected: `CPR ${NO_ONES_CPR} not accepted (refused, answered later with 202, or an OperationOutcome error); neither the unfinished questionnaire, the body that is no QuestionnaireResponse nor the answers whose subject is identified in another system than the CPR's changes a field; the GP's entries stay`,
      },
    );
  },
);

Then(
  "the GP system's receiving endpoint answers the answers without a subject without a server error",
  async function (this: CertbenchWorld) {
    // An operator cannot load answers the system refuses; nothing was delivered in a manual run.
    if (this.ctx.manual) return this.pending(NOT_DELIVERED_BY_HAND);
    const { output } = await stepOutput(this, STEP.deliveredAgain);
    const answer = output?.['noSubject'] as InboundAnswer | undefined;
    this.verify(
      'answers without a subject not answered with a server error',
      answer?.kind === 'http' && answer.status >= 500
        ? [
            `the endpoint answered HTTP ${answer.status}: ${answer.body.toString('utf8').slice(0, 200)}; a 5xx says the system failed, where answers it cannot file are refused (400/422) and answers it can are taken`,
          ]
        : [],
      {
        location: 'POST /certbench/v1/inbound/pregnancy-questionnaire',
        expected: 'HTTP 2xx, 400 or 422 (taken, or refused with the reason)',
      },
    );
  },
);

const NOT_DELIVERED_BY_HAND =
  'a manual run delivers no answers the system refuses (an operator cannot load them); DSJ-3.3.1.8 needs the automation API';

/**
 * Whether an inbound answer tells the sender its answers were taken: a 2xx other than 202 (which the automation API
 * leaves for an answer that follows later) whose body is not an OperationOutcome with an error or fatal issue.
 */
function acceptedAsFiled(answer: { status: number; body: Buffer }): boolean {
  if (answer.status < 200 || answer.status > 299 || answer.status === 202) return false;
  try {
    const body = JSON.parse(answer.body.toString('utf8')) as {
      resourceType?: unknown;
      issue?: { severity?: unknown }[];
    };
    const refused =
      body.resourceType === 'OperationOutcome' &&
      (body.issue ?? []).some((i) => i.severity === 'error' || i.severity === 'fatal');
    return !refused;
  } catch {
    return true;
  }
}
