// Set-up steps of the DSJ protocol: they only plan; the first check performs the plan.
import { randomUUID } from 'node:crypto';
import { Given, When, type DataTable } from '@cucumber/cucumber';
import {
  ANSWER_TYPES,
  buildQuestionnaireResponse,
  QUESTIONNAIRE_CHANNEL,
  typedValue,
  type AnswerType,
} from '../../src/rules/dsj/questionnaire.ts';
import type { SutDriver } from '../../src/driver/types.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { planDsjStep } from './plan.ts';
import {
  chosenBirthplace,
  dsjScenario,
  NO_ONES_CPR,
  OTHER_SYSTEM,
  scenarioPatient,
  STEP,
  UNFINISHED_ANSWER,
} from './state.ts';

function answerType(value: string | undefined): AnswerType {
  const type = (value ?? 'string') as AnswerType;
  if (!ANSWER_TYPES.includes(type)) throw new Error(`unknown answer type "${value ?? ''}"`);
  return type;
}

Given(
  'the birthplace {string} receives sygehushenvisninger at EAN {string}, sygehusafdelingsnummer {string}, department {string}',
  function (this: CertbenchWorld, name: string, ean: string, shak: string, department: string) {
    dsjScenario(this).birthplaces.set(name, { ref: name, name, ean, shak, department });
  },
);

Given(
  /^test patient "(\d{10})" \(([^)]+)\) is pregnant and has answered the DSJ questionnaire in Min Læge:$/,
  function (this: CertbenchWorld, cpr: string, name: string, table: DataTable) {
    const scenario = dsjScenario(this);
    scenario.patient = { cpr, name, family: name.split(' ').at(-1) ?? name };
    const rows = table.hashes();
    scenario.answers = rows
      .filter((row) => (row['svar'] ?? '') !== '')
      .map((row) => ({
        field: row['felt'] ?? '',
        question: row['spørgsmål'] ?? '',
        answer: row['svar'] ?? '',
        type: answerType(row['type']),
      }));
    // A row without svar is a question she left unanswered.
    scenario.unanswered = rows
      .filter((row) => (row['svar'] ?? '') === '')
      .map((row) => ({ field: row['felt'] ?? '', question: row['spørgsmål'] ?? '' }));
    planDsjStep(this, {
      name: STEP.reset,
      key: cpr,
      act: async ({ driver }) => ({ output: await driver.perform('patient.reset', { patient: cpr }) }),
    });
  },
);

/** Min Læge/PLSP delivers a QuestionnaireResponse to the GP system's receiving endpoint. */
function deliverAnswers(driver: SutDriver, response: Record<string, unknown>, description: string) {
  return driver.deliver({
    channel: QUESTIONNAIRE_CHANNEL,
    contentType: 'application/fhir+json',
    body: JSON.stringify(response),
    description,
  });
}

When('Min Læge delivers the questionnaire answers to the GP system', function (this: CertbenchWorld) {
  const { answers, unanswered } = dsjScenario(this);
  const patient = scenarioPatient(this);
  planDsjStep(this, {
    name: STEP.questionnaire,
    key: [patient.cpr, answers, unanswered],
    act: async ({ ctx, driver }) => {
      const authored = ctx.clock.now().toISOString();
      const answer = await deliverAnswers(
        driver,
        buildQuestionnaireResponse(patient.cpr, answers, authored, randomUUID(), unanswered),
        `DSJ questionnaire answers of ${patient.cpr} (QuestionnaireResponse${unanswered.length > 0 ? `, ${unanswered.length} question(s) unanswered` : ''})`,
      );
      return { answer };
    },
  });
});

When(
  "Min Læge delivers the answers again, an unfinished questionnaire, a body that is no QuestionnaireResponse, answers for a CPR that is no one's, answers whose subject is identified in another system and answers without a subject",
  function (this: CertbenchWorld) {
    // An operator cannot load answers the system refuses; a manual run judges the DSJ screen by the assessor.
    if (this.ctx.manual) return;
    const { answers, unanswered } = dsjScenario(this);
    const patient = scenarioPatient(this);
    planDsjStep(this, {
      name: STEP.deliveredAgain,
      key: [patient.cpr, answers, unanswered],
      act: async ({ ctx, driver }) => {
        const authored = ctx.clock.now().toISOString();
        const deliver = (response: Record<string, unknown>, description: string) =>
          deliverAnswers(driver, response, description);
        const again = await deliver(
          buildQuestionnaireResponse(patient.cpr, answers, authored, randomUUID(), unanswered),
          `DSJ questionnaire answers of ${patient.cpr} again (QuestionnaireResponse)`,
        );
        const changed = answers.map((a) =>
          a.field === UNFINISHED_ANSWER.field ? { ...a, answer: UNFINISHED_ANSWER.answer } : a,
        );
        const unfinished = await deliver(
          {
            ...buildQuestionnaireResponse(patient.cpr, changed, authored, randomUUID()),
            status: 'in-progress',
          },
          `unfinished DSJ questionnaire of ${patient.cpr} (QuestionnaireResponse, status in-progress)`,
        );
        const notAResponse = await deliver(
          {
            ...buildQuestionnaireResponse(patient.cpr, changed, authored, randomUUID()),
            resourceType: 'Questionnaire',
          },
          `DSJ questionnaire answers of ${patient.cpr} typed as a Questionnaire, not a QuestionnaireResponse`,
        );
        const noOnes = await deliver(
          buildQuestionnaireResponse(NO_ONES_CPR, answers, authored, randomUUID()),
          `DSJ questionnaire answers of CPR ${NO_ONES_CPR}, no one's (QuestionnaireResponse)`,
        );
        const otherSystem = await deliver(
          buildQuestionnaireResponse(patient.cpr, changed, authored, randomUUID(), [], OTHER_SYSTEM),
          `DSJ questionnaire answers whose subject is ${patient.cpr} in ${OTHER_SYSTEM}, not by CPR (QuestionnaireResponse)`,
        );
        // The same answers as the first, so a system that files them by their source (the woman) changes nothing.
        const withoutSubject = buildQuestionnaireResponse(
          patient.cpr,
          answers,
          authored,
          randomUUID(),
          unanswered,
        );
        delete withoutSubject['subject'];
        const noSubject = await deliver(
          withoutSubject,
          `DSJ questionnaire answers of ${patient.cpr} without a subject (QuestionnaireResponse.subject 0..1)`,
        );
        return { output: { again, unfinished, notAResponse, noOnes, otherSystem, noSubject } };
      },
    });
  },
);

/** The GP's entries of a consultation table (felt, værdi, type). */
function entriesOf(table: DataTable) {
  return table.hashes().map((row) => ({
    field: row['felt'] ?? '',
    value: typedValue(row['værdi'] ?? '', answerType(row['type'])),
  }));
}

When(
  'the GP holds the first pregnancy consultation on {string} with birthplace {string}, entering:',
  function (this: CertbenchWorld, date: string, birthplaceName: string, table: DataTable) {
    const scenario = dsjScenario(this);
    const birthplace = scenario.birthplaces.get(birthplaceName);
    if (!birthplace) throw new Error(`birthplace "${birthplaceName}" is not declared in this feature`);
    scenario.chosen = birthplace;
    scenario.entries = entriesOf(table);
    scenario.firstConsultation = date;
    const patient = scenarioPatient(this);
    const input = {
      patient: patient.cpr,
      date,
      birthplace: {
        ean: birthplace.ean,
        shak: birthplace.shak,
        name: birthplace.name,
        department: birthplace.department,
      },
      entries: scenario.entries,
    };
    planDsjStep(this, {
      name: STEP.firstConsultation,
      key: input,
      act: async ({ driver }) => ({ output: await driver.perform('dsj.first-consultation', input) }),
    });
  },
);

/**
 * The GP sends the DSJ: the REF01, and (the GMv2 coupling) the svangerskabsjournal and the Vandrejournal. Sent
 * again, a system need not share the documents again: one that does not costs the wait, never a failure.
 */
function planSending(world: CertbenchWorld, name: string): void {
  const patient = scenarioPatient(world);
  chosenBirthplace(world);
  planDsjStep(world, {
    name,
    key: patient.cpr,
    expect: { referrals: 1, documents: 2 },
    act: async ({ driver }) => ({
      output: await driver.perform('dsj.send-referral', { patient: patient.cpr }),
    }),
  });
}

When('the GP sends the DSJ to the birthplace', function (this: CertbenchWorld) {
  planSending(this, STEP.sendReferral);
});

When('the GP sends the DSJ to the birthplace again', function (this: CertbenchWorld) {
  planSending(this, STEP.sendAgain);
});

When('the GP opens the DSJ of the patient', function (this: CertbenchWorld) {
  const patient = scenarioPatient(this);
  planDsjStep(this, {
    name: STEP.observe,
    key: patient.cpr,
    // A manual run has no observations: the checks that need one are then pending, the assessor sees the screen.
    act: async ({ driver }) =>
      driver.kind === 'manual'
        ? {}
        : { observed: await driver.observe('dsj.record', { patient: patient.cpr }) },
  });
});

When(
  'at a later consultation on {string} the GP enters:',
  function (this: CertbenchWorld, date: string, table: DataTable) {
    const scenario = dsjScenario(this);
    scenario.later = entriesOf(table);
    const input = { patient: scenarioPatient(this).cpr, date, entries: scenario.later };
    planDsjStep(this, {
      name: STEP.laterConsultation,
      key: input,
      expect: { documents: 1 },
      act: async ({ driver }) => ({ output: await driver.perform('dsj.consultation', input) }),
    });
  },
);
