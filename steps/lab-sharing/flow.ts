// Set-up steps of the lab sharing protocol: they only plan the GP's actions; the first check performs the plan.
import { Given, When, type DataTable } from '@cucumber/cucumber';
import type { AckCode } from '../../src/counterparts/lab-ack.ts';
import { isAgreed } from '../../src/rules/lab/registered.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { MAX_RESENDS } from './resend-checks.ts';
import { planAnswer, planLabAction, planObserve, planReset, resultIdOf } from './plan.ts';
import { labScenario, registered } from './state.ts';
import { analysisOf, registerInput, resultsFromTable } from './table.ts';

function register(world: CertbenchWorld, patient: string, table: DataTable, invalid = false): void {
  const scenario = labScenario(world);
  if (!scenario.patients.has(patient) && /^\d{10}$/.test(patient)) planReset(world, patient);
  scenario.patients.add(patient);
  for (const result of resultsFromTable(table, patient)) {
    if (scenario.results.has(result.ref)) throw new Error(`lab result "${result.ref}" is registered twice`);
    scenario.results.set(result.ref, result);
    const input = registerInput(result);
    const expect = invalid || !isAgreed(result) ? 0 : 1 + scenario.extraNext;
    scenario.extraNext = 0;
    planLabAction(world, {
      name: `register ${result.ref}`,
      action: 'lab.register-result',
      key: input,
      input: () => input,
      expect,
      allowRefusal: invalid,
    });
  }
}

Given(
  /^test patient "([^"]+)" has these local lab results registered in the clinic:$/,
  function (this: CertbenchWorld, patient: string, table: DataTable) {
    register(this, patient, table);
  },
);

When(
  /^afterwards the GP registers these local lab results for test patient "([^"]+)":$/,
  function (this: CertbenchWorld, patient: string, table: DataTable) {
    register(this, patient, table);
  },
);

When(
  /^the GP tries to register these invalid local lab results for (?:test patient|the person with replacement CPR) "([^"]+)":$/,
  function (this: CertbenchWorld, patient: string, table: DataTable) {
    register(this, patient, table, true);
  },
);

/** Plans an action on a registered result; `expect` messages should follow it. */
function onResult(
  world: CertbenchWorld,
  verb: string,
  action: string,
  ref: string,
  extra: object,
  expect: number,
) {
  const result = registered(world, ref);
  planLabAction(world, {
    name: `${verb} ${ref}`,
    action,
    key: [ref, extra],
    input: (outputs) => ({ patient: result.patient, resultId: resultIdOf(outputs, ref), ...extra }),
    expect,
  });
}

/**
 * Plans a correction of one analysis (the first, or the one with this NPU code); `corrected` then holds the newest
 * values (`verb` names the step). A result never shared (not agreed) must cause no message.
 */
function correct(world: CertbenchWorld, ref: string, value: string, verb: string, npu?: string): void {
  const scenario = labScenario(world);
  const result = scenario.corrected.get(ref) ?? registered(world, ref);
  const index = npu === undefined ? 0 : result.analyses.findIndex((a) => a.npu === npu);
  const target = result.analyses[index];
  if (!target?.npu || !target.quantity)
    throw new Error(`"${ref}" has no numeric analysis ${npu ?? ''} to correct`);
  const corrected = analysisOf(target.npu, target.display, value, target.quantity.unit ?? '');
  const analyses = result.analyses.map((a, i) => (i === index ? corrected : a));
  scenario.corrected.set(ref, { ...result, analyses });
  const change = {
    npu: target.npu,
    value: corrected.quantity?.value,
    ...(corrected.quantity?.comparator ? { comparator: corrected.quantity.comparator } : {}),
  };
  onResult(world, verb, 'lab.correct-result', ref, { analyses: [change] }, isAgreed(result) ? 1 : 0);
}

When(
  'the GP corrects {string} to the value {string}',
  function (this: CertbenchWorld, ref: string, value: string) {
    correct(this, ref, value, 'correct');
  },
);

When(
  'the GP corrects the analysis {string} of {string} to the value {string}',
  function (this: CertbenchWorld, npu: string, ref: string, value: string) {
    correct(this, ref, value, 'correct', npu);
  },
);

When(
  'the GP corrects {string}, which was never shared, to the value {string}',
  function (this: CertbenchWorld, ref: string, value: string) {
    if (isAgreed(registered(this, ref))) throw new Error(`"${ref}" is on the agreed list, so it was shared`);
    correct(this, ref, value, 'correct');
  },
);

When(
  'the GP corrects {string} once more, to the value {string}',
  function (this: CertbenchWorld, ref: string, value: string) {
    if (!labScenario(this).corrected.has(ref)) throw new Error(`"${ref}" was not corrected before`);
    correct(this, ref, value, 'correct again');
  },
);

When(
  'the GP cancels {string} as registered on the wrong patient, with the comment {string}',
  function (this: CertbenchWorld, ref: string, reason: string) {
    onResult(this, 'cancel', 'lab.cancel-result', ref, { reason }, 1);
  },
);

When('the GP deletes {string} in the GP system', function (this: CertbenchWorld, ref: string) {
  onResult(this, 'delete', 'lab.delete-result', ref, {}, 0);
});

When(
  'the patient refuses sharing of {string} after it was shared \\(nægtet samtykke)',
  function (this: CertbenchWorld, ref: string) {
    onResult(this, 'refuse consent', 'lab.refuse-consent', ref, {}, 1);
  },
);

When('the patient withdraws the refusal for {string}', function (this: CertbenchWorld, ref: string) {
  onResult(this, 'withdraw refusal', 'lab.withdraw-refusal', ref, {}, 1);
});

When('the GP resends {string}', function (this: CertbenchWorld, ref: string) {
  onResult(this, 'resend', 'lab.resend-result', ref, {}, 1);
});

function transfer(
  world: CertbenchWorld,
  patient: string,
  to: 'new-clinic' | 'styrelsen-for-patientsikkerhed',
) {
  planLabAction(world, {
    name: `transfer ${patient}`,
    action: 'patient.transfer-journal',
    key: [patient, to],
    input: () => ({ patient, to }),
    expect: 0,
  });
}

When(
  "the journal of test patient {string} is transferred to the patient's new clinic",
  function (this: CertbenchWorld, patient: string) {
    transfer(this, patient, 'new-clinic');
  },
);

When(
  'the clinic closes and the journal of test patient {string} is handed over to Styrelsen for Patientsikkerhed',
  function (this: CertbenchWorld, patient: string) {
    transfer(this, patient, 'styrelsen-for-patientsikkerhed');
  },
);

When(
  /^(LABA|MiBA) answers the next (message|\d+ messages) with the acknowledgement "(ok|transient-error|fatal-error)"$/,
  function (this: CertbenchWorld, database: string, next: string, code: string) {
    const count = next === 'message' ? 1 : Number.parseInt(next, 10);
    planAnswer(this, database === 'LABA' ? 'laba' : 'miba', code as AckCode, count);
    // A transient error is followed by the sender's resend of the same message, at most MAX_RESENDS times.
    if (code === 'transient-error') labScenario(this).extraNext += Math.min(count, MAX_RESENDS);
  },
);

const NON_ACKNOWLEDGEMENT = {
  'an HTTP server error': 'http-error',
  'a body that is not JSON': 'not-json',
  'JSON that is no acknowledgement': 'not-an-acknowledgement',
  'the message itself, echoed back': 'echo',
} as const;

When(
  /^(LABA|MiBA) answers the next message with (an HTTP server error|a body that is not JSON|JSON that is no acknowledgement|the message itself, echoed back)$/,
  function (this: CertbenchWorld, database: string, answer: keyof typeof NON_ACKNOWLEDGEMENT) {
    // Whether the sender resends after such an answer is not specified: nothing more is waited for.
    planAnswer(this, database === 'LABA' ? 'laba' : 'miba', NON_ACKNOWLEDGEMENT[answer]);
  },
);

When(
  'the GP opens the lab results of test patient {string}',
  function (this: CertbenchWorld, patient: string) {
    planObserve(this, patient);
  },
);
