// Checks that the clinical content is what the GP registered: the Vandrejournal's model elements and the
// Målinger's measurements, on the format-neutral document, for every version shared.
import { Then } from '@cucumber/cucumber';
import {
  componentsAsRegistered,
  fetusMeasurements,
  intervalMeasurements,
  measurementAsRegistered,
  measurementsHaveValues,
  onlyRegistered,
  type ExpectedComponent,
} from '../../src/rules/pregnancy/content-rules.ts';
import { MEASUREMENT } from '../../src/rules/pregnancy/codes.ts';
import {
  currentPregnancy,
  expectedAssessment,
  expectedLifestyle,
  expectedMeasurements,
  expectedTerminsberegning,
  type RegisteredVisit,
} from '../../src/rules/pregnancy/registered.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { overVersions } from './document-checks.ts';
import { scenarioOf, visitsBefore } from './state.ts';

/** A PSCR rule for a model element, with what the visits registered before each version. */
async function pscrComponents(
  world: CertbenchWorld,
  expected: (visits: RegisteredVisit[]) => { slice: string; components: ExpectedComponent[] }[],
): Promise<string[]> {
  return overVersions(world, 'Vandrejournal', (s, d) =>
    expected(currentPregnancy(visitsBefore(world, s.share))).flatMap(({ slice, components }) =>
      components.length === 0 ? [] : componentsAsRegistered(d, slice, components),
    ),
  );
}

Then(
  'the terminsberegning carries the last menstrual period, the cycle days and the certainty as registered',
  async function (this: CertbenchWorld) {
    const problems = await pscrComponents(this, (v) => [
      { slice: 'terminsberegning', components: expectedTerminsberegning(v).registered },
    ]);
    this.verify('terminsberegning as registered', problems, {
      location: 'terminsberegning (161714006) components',
    });
  },
);

Then(
  "the terminsberegning carries Naegele's due date computed from the last menstrual period and the cycle",
  async function (this: CertbenchWorld) {
    const problems = await pscrComponents(this, (v) => [
      { slice: 'terminsberegning', components: expectedTerminsberegning(v).naegele },
    ]);
    this.verify("Naegele's due date", problems, {
      expected: 'LMP + 280 days + (cycle − 28)',
      location: 'component 289206005',
    });
  },
);

Then('tobak and alkohol carry the answers as registered', async function (this: CertbenchWorld) {
  const problems = await pscrComponents(this, (v) => {
    const { tobak, alkohol } = expectedLifestyle(v);
    return [
      { slice: 'tobak', components: tobak },
      { slice: 'alkohol', components: alkohol },
    ];
  });
  this.verify('tobak and alkohol', problems, { location: 'tobak (229819007), alkohol (363905002)' });
});

Then(
  'samlet vurdering carries the assessment and the care level as registered',
  async function (this: CertbenchWorld) {
    const problems = await pscrComponents(this, (v) => [
      { slice: 'samlet-vurdering', components: expectedAssessment(v) },
    ]);
    this.verify('samlet vurdering', problems, { location: 'samlet-vurdering (278844005)' });
  },
);

Then(
  'each Vandrejournal carries only what was registered in its pregnancy',
  async function (this: CertbenchWorld) {
    const problems = await overVersions(this, 'Vandrejournal', (s, d) => {
      const visits = currentPregnancy(visitsBefore(this, s.share));
      const termin = expectedTerminsberegning(visits);
      const { tobak, alkohol } = expectedLifestyle(visits);
      const codes = (c: ExpectedComponent[]) => c.map((x) => x.code);
      return onlyRegistered(d, [
        { slice: 'terminsberegning', codes: codes([...termin.registered, ...termin.naegele]) },
        { slice: 'tobak', codes: codes(tobak) },
        { slice: 'alkohol', codes: codes(alkohol) },
        { slice: 'samlet-vurdering', codes: codes(expectedAssessment(visits)) },
      ]);
    });
    this.verify('only what was registered', problems, {
      expected: 'no model element, component or empty component the GP did not register',
      location: 'terminsberegning, tobak, alkohol, samlet-vurdering',
    });
  },
);

/** A PMR rule over the measurements registered in the current pregnancy before each version. */
async function pmrMeasurements(world: CertbenchWorld, codes: string[]): Promise<string[]> {
  return overVersions(world, 'Målinger', (s, d) =>
    expectedMeasurements(currentPregnancy(visitsBefore(world, s.share)))
      .filter((m) => codes.includes(m.code))
      .flatMap((m) => measurementAsRegistered(d, m.code, m.name, m.value)),
  );
}

Then(
  'the weight and symphysis-fundus measurements carry value and unit as registered',
  async function (this: CertbenchWorld) {
    const problems = [
      ...(await pmrMeasurements(this, [MEASUREMENT.weight.code, MEASUREMENT.symphysisFundus.code])),
      ...(await overVersions(this, 'Målinger', (_, d) => measurementsHaveValues(d))),
    ];
    this.verify('measurements as registered', problems, { expected: 'vægt in kg, symfyse-fundus in mm' });
  },
);

Then(
  'the blood pressure is an interval measurement with low and high as registered',
  async function (this: CertbenchWorld) {
    const problems = [
      ...(await overVersions(this, 'Målinger', (_, d) => intervalMeasurements(d))),
      ...(await pmrMeasurements(this, [MEASUREMENT.bloodPressure.code])),
    ];
    this.verify('interval measurement', problems, {
      expected: 'low diastolic, high systolic, each with value and unit mmHg',
    });
  },
);

Then(
  'every fetus measurement points to a fetus identified under 1.2.208.184.100.4 with relationship CHILD',
  async function (this: CertbenchWorld) {
    const { patient } = scenarioOf(this);
    const problems = await overVersions(this, 'Målinger', (_, d) => fetusMeasurements(d, patient));
    this.verify('fetus measurements', problems, { location: 'focus → RelatedPerson / participant SBJ' });
  },
);

Then('the ultrasound due date is shared as a date as registered', async function (this: CertbenchWorld) {
  const problems = await pmrMeasurements(this, [MEASUREMENT.ultrasoundDueDate.code]);
  this.verify('ultrasound due date', problems, { location: 'ul-bestemt-termin (738070007)' });
});
