// Set-up steps: they only plan SUT interactions; the first check of a scenario performs the plan (once per run
// for equal plans, see src/steps-api/plan.ts).
import { Given, When, type DataTable } from '@cucumber/cucumber';
import { CheckFailed } from '../../src/checks/check-failed.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import type { PlanEnv } from '../../src/steps-api/plan.ts';
import { diagnosesFromTable, scenarioOf, startScenario } from './state.ts';

Given(
  'test patient {string} has these diagnoses on the Diagnosekort:',
  function (this: CertbenchWorld, patient: string, table: DataTable) {
    const scenario = startScenario(this, patient);
    this.addToPlan({
      name: 'reset patient',
      key: patient,
      run: ({ driver }) => driver.perform('patient.reset', { patient }),
    });
    for (const diagnosis of diagnosesFromTable(table)) {
      const name = `register ${diagnosis.ref}`;
      scenario.registrations.set(diagnosis.ref, diagnosis);
      scenario.changes.push(name);
      const input = {
        patient,
        codes: diagnosis.codes,
        text: diagnosis.text,
        type: diagnosis.type,
        status: diagnosis.status,
        ...(diagnosis.onset ? { onset: diagnosis.onset } : {}),
        ...(diagnosis.abatement ? { abatement: diagnosis.abatement } : {}),
        ...(diagnosis.note ? { note: diagnosis.note } : {}),
      };
      this.addToPlan({
        name,
        key: input,
        run: async ({ driver }) => {
          const output = await driver.perform('diagnosekort.register-diagnosis', input);
          if (typeof output['diagnosisId'] !== 'string') {
            throw new CheckFailed('diagnosekort.register-diagnosis must return output.diagnosisId (string)', {
              actual: JSON.stringify(output),
            });
          }
          return output;
        },
      });
    }
  },
);

When(/^the GP system shares the Diagnosekort(?: again)?$/, function (this: CertbenchWorld) {
  const scenario = scenarioOf(this);
  const name = `share ${scenario.shares.length + 1}`;
  scenario.shares.push(name);
  const patient = scenario.patient;
  this.addToPlan({
    name,
    key: patient,
    run: async ({ ctx, driver, record }) => {
      const recipient = ctx.counterparts.documentSharing;
      const before = recipient.count;
      await driver.perform('diagnosekort.share', { patient });
      const submission = await recipient.waitForSubmission(before, ctx.profile.counterparts.waitTimeoutMs);
      record(submission.exchange);
      return submission;
    },
  });
});

When(
  'the GP changes {string} to relevant with afslutningsdato {string}',
  function (this: CertbenchWorld, ref: string, abatement: string) {
    const scenario = scenarioOf(this);
    const registration = scenario.registrations.get(ref);
    if (!registration) throw new Error(`no diagnosis "${ref}" in this scenario`);
    scenario.registrations.set(ref, { ...registration, status: 'resolved', abatement });
    scenario.updated.add(ref);
    planChange(this, `update ${ref}`, 'diagnosekort.update-diagnosis', ref, {
      status: 'resolved',
      abatement,
    });
  },
);

When('the GP deselects {string} from the Diagnosekort', function (this: CertbenchWorld, ref: string) {
  scenarioOf(this).removed.set(ref, 'deselected');
  planChange(this, `deselect ${ref}`, 'diagnosekort.deselect-diagnosis', ref, {});
});

When('the GP deletes {string} as registered in error', function (this: CertbenchWorld, ref: string) {
  scenarioOf(this).removed.set(ref, 'deleted');
  planChange(this, `delete ${ref}`, 'diagnosekort.delete-diagnosis', ref, {});
});

function planChange(
  world: CertbenchWorld,
  name: string,
  action: string,
  ref: string,
  changes: Record<string, unknown>,
): void {
  const scenario = scenarioOf(world);
  if (!scenario.registrations.has(ref)) throw new Error(`no diagnosis "${ref}" in this scenario`);
  scenario.changes.push(name);
  world.addToPlan({
    name,
    key: [ref, changes],
    run: ({ driver, outputs }: PlanEnv) =>
      driver.perform(action, {
        patient: scenario.patient,
        diagnosisId: diagnosisIdOf(outputs, ref),
        ...changes,
      }),
  });
}

function diagnosisIdOf(outputs: ReadonlyMap<string, unknown>, ref: string): string {
  return (outputs.get(`register ${ref}`) as { diagnosisId: string }).diagnosisId;
}
