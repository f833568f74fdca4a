// Set-up steps: they only plan SUT interactions (performed once per equal plan when a check needs them).
import { Given, When, type DataTable } from '@cucumber/cucumber';
import { CheckFailed } from '../../src/checks/check-failed.ts';
import type { DocumentKind } from '../../src/rules/pregnancy/codes.ts';
import { visitInput } from '../../src/rules/pregnancy/registered.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { scenarioOf, startOrContinue, visitFromTable } from './state.ts';

function planVisit(world: CertbenchWorld, patient: string, table: DataTable, newPregnancy: boolean): void {
  const { scenario, started } = startOrContinue(world, patient);
  if (started)
    world.addToPlan({
      name: 'reset patient',
      key: patient,
      run: ({ driver }) => driver.perform('patient.reset', { patient }),
    });
  const visit = visitFromTable(table, patient, newPregnancy);
  scenario.visits.push(visit);
  const input = visitInput(visit);
  world.addToPlan({
    name: `visit ${scenario.visits.length}`,
    key: input,
    run: async ({ driver }) => {
      const output = await driver.perform('pregnancy.register-visit', input);
      if (typeof output['visitId'] !== 'string')
        throw new CheckFailed('pregnancy.register-visit must return output.visitId (string)', {
          actual: JSON.stringify(output),
        });
      return output;
    },
  });
}

Given(
  'the GP registers a pregnancy visit for test patient {string}:',
  function (this: CertbenchWorld, patient: string, table: DataTable) {
    planVisit(this, patient, table, false);
  },
);

Given(
  'the GP registers the first visit of a new pregnancy for test patient {string}:',
  function (this: CertbenchWorld, patient: string, table: DataTable) {
    planVisit(this, patient, table, true);
  },
);

function planShare(world: CertbenchWorld, kind: DocumentKind): void {
  const scenario = scenarioOf(world);
  const name = `share ${kind} ${scenario.shares.filter((s) => s.kind === kind).length + 1}`;
  scenario.shares.push({ name, kind, visitsBefore: scenario.visits.length });
  const patient = scenario.patient;
  world.addToPlan({
    name,
    key: [patient, kind],
    run: async ({ ctx, driver, record }) => {
      const recipient = ctx.counterparts.documentSharing;
      const before = recipient.count;
      await driver.perform('pregnancy.share', { patient, documents: [kind] });
      const submission = await recipient.waitForSubmission(before, ctx.profile.counterparts.waitTimeoutMs);
      record(submission.exchange);
      return submission;
    },
  });
}

When(/^the GP system shares the Vandrejournal(?: again)?$/, function (this: CertbenchWorld) {
  planShare(this, 'PSCR');
});

When(/^the GP system shares the Målinger(?: again)?$/, function (this: CertbenchWorld) {
  planShare(this, 'PMR');
});

When(/^the GP system shares the Vandrejournal and the Målinger(?: again)?$/, function (this: CertbenchWorld) {
  planShare(this, 'PSCR');
  planShare(this, 'PMR');
});
