// Checks on the content of every shared result against what the GP registered.
import { Then } from '@cucumber/cucumber';
import {
  codedAsModel,
  comparatorAsRegistered,
  gradeAsRegistered,
  npuAsRegistered,
  organismAsRegistered,
  patientAsTestPerson,
  patientCpr,
  producerIsGeneralPractice,
  quantityAsRegistered,
  restrictionIs,
  samplingTimeAsRegistered,
  statusIs,
} from '../../src/rules/lab/content-rules.ts';
import { concerns, databaseOf, isAgreed, label } from '../../src/rules/lab/registered.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { overShared, sharedResults } from './shared.ts';
import { labOutcome, labScenario, registered } from './state.ts';

Then(
  'every shared result names the patient by the CPR {string}',
  async function (this: CertbenchWorld, cpr: string) {
    this.verify('Patient CPR', await overShared(this, (s) => patientCpr(s.message, cpr)), {
      location: 'Patient.identifier',
      expected: `urn:oid:1.2.208.176.1.2|${cpr}`,
    });
  },
);

Then(
  'every shared result names the test patient {string} by name, and by gender and birth date where given',
  async function (this: CertbenchWorld, cpr: string) {
    this.verify(
      'Patient name, gender, birth date',
      await overShared(this, (s) => patientAsTestPerson(s.message, cpr)),
      {
        location: 'Patient.name, Patient.gender, Patient.birthDate',
        expected: "the dk-core test patient's name; gender and birth date as the CPR records them",
      },
    );
  },
);

Then(
  'every shared report is coded as a lab report of its discipline and every analysis is categorised laboratory',
  async function (this: CertbenchWorld) {
    const problems = await overShared(this, (s) =>
      codedAsModel(s.message, databaseOf(s.result) === 'miba' ? 'microbiology' : 'biochemistry'),
    );
    this.verify('report code and observation category', problems, {
      location: 'DiagnosticReport.code, Observation.category',
      expected: 'LOINC 11502-2 (biochemistry) or 18725-2 (microbiology); observation-category laboratory',
    });
  },
);

Then(
  'every shared analysis carries its NPU code and display as registered',
  async function (this: CertbenchWorld) {
    this.verify('NPU code and display', await overShared(this, (s) => npuAsRegistered(s.message, s.result)), {
      location: 'Observation.code.coding',
    });
  },
);

Then('every numeric result carries its value and unit as registered', async function (this: CertbenchWorld) {
  this.verify('value and unit', await overShared(this, (s) => quantityAsRegistered(s.message, s.result)), {
    location: 'Observation.valueQuantity',
  });
});

Then(
  'every numeric result carries its comparator as registered, such as {string} for {string}',
  async function (this: CertbenchWorld, _example: string, ref: string) {
    if (!registered(this, ref).analyses.some((a) => a.quantity?.comparator))
      throw new Error(`"${ref}" was registered without a comparator`);
    this.verify('comparator', await overShared(this, (s) => comparatorAsRegistered(s.message, s.result)), {
      location: 'Observation.valueQuantity.comparator',
    });
  },
);

Then(
  'the dipstick grades of {string} are shared as text on the agreed scale',
  async function (this: CertbenchWorld, ref: string) {
    const problems = await overShared(
      this,
      (s) => gradeAsRegistered(s.message, s.result),
      (r) => r.ref === ref,
    );
    this.verify('dipstick grades', problems, { location: 'Observation.valueString' });
  },
);

Then(
  'the culture result of {string} is shared as the coded organism',
  async function (this: CertbenchWorld, ref: string) {
    const problems = await overShared(
      this,
      (s) => organismAsRegistered(s.message, s.result),
      (r) => r.ref === ref,
    );
    this.verify('coded organism', problems, { location: 'Observation.valueCodeableConcept' });
  },
);

Then(
  'every shared result carries its sampling time with seconds and the Danish offset',
  async function (this: CertbenchWorld) {
    const problems = await overShared(this, (s) => samplingTimeAsRegistered(s.message, s.result));
    this.verify('sampling time', problems, { location: 'DiagnosticReport/Observation.effectiveDateTime' });
  },
);

Then(
  'every shared result names the producing clinic by SOR and ydernummer, marked as general practice',
  async function (this: CertbenchWorld) {
    this.verify('producing clinic', await overShared(this, (s) => producerIsGeneralPractice(s.message)), {
      location: 'DiagnosticReport.performer, Observation.performer',
      expected: 'Organization with SOR, ydernummer and type SNOMED 394761003 (almen lægepraksis)',
    });
  },
);

Then('every new result is shared with status final', async function (this: CertbenchWorld) {
  this.verify('status final', await overShared(this, (s) => statusIs(s.message, 'final')), {
    location: 'DiagnosticReport.status, Observation.status',
  });
});

Then(
  '{string}, which is not on the agreed list, stays local while every agreed result is shared',
  async function (this: CertbenchWorld, ref: string) {
    const local = registered(this, ref);
    if (isAgreed(local)) throw new Error(`"${ref}" is on the agreed list`);
    const { missing } = await sharedResults(this);
    const outcome = await labOutcome(this);
    const leaked = outcome.messages.filter((r) => concerns(r.message, local));
    const others = [...labScenario(this).results.values()].filter((r) => !isAgreed(r) && r.ref !== ref);
    this.verify(
      'only agreed analyses shared',
      [
        ...missing,
        ...leaked.map(
          (r) => `${label(local)} (${local.analyses[0]?.npu ?? '?'}) was sent to ${r.database.toUpperCase()}`,
        ),
        ...others.flatMap((r) =>
          outcome.messages.filter((m) => concerns(m.message, r)).map(() => `${label(r)} was sent`),
        ),
      ],
      { expected: `${ref} kept locally, every agreed analysis shared` },
    );
  },
);

Then(
  'no shared result is marked restricted, as none was registered with nægtet samtykke',
  async function (this: CertbenchWorld) {
    const problems = await overShared(
      this,
      (s) => restrictionIs(s.message, false),
      (r) => !r.refusedConsent,
    );
    this.verify('not restricted', problems, { location: 'meta.security' });
  },
);
