// Checks on the shared Conditions against what the GP registered.
import { Then } from '@cucumber/cucumber';
import {
  abatementAfterOnset,
  codeTextAsRegistered,
  conditionIdentifiersUnique,
  noNoteShared,
  onsetNotAfterRecordedDate,
  recordedDateIsRegistrationTime,
  registeredCodesShared,
  statusCategoryAsRegistered,
  typeCategoryAsRegistered,
} from '../../src/rules/conditionlist/condition-rules.ts';
import type { RegisteredDiagnosis } from '../../src/rules/conditionlist/registration.ts';
import { viewShowsRegistered } from '../../src/rules/conditionlist/view-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { automaticOnly } from '../common/assessment.ts';
import { latestDocument, registrationsWithWindows, scenarioOf } from './state.ts';

/** The registrations that should be on the latest version: not deselected or deleted. */
async function onTheCard(world: CertbenchWorld): Promise<RegisteredDiagnosis[]> {
  const removed = scenarioOf(world).removed;
  return (await registrationsWithWindows(world)).filter((r) => !removed.has(r.ref));
}

Then(
  'every registered diagnosis is shared with its SKS-D and ICPC-2 codes',
  async function (this: CertbenchWorld) {
    this.verify(
      'registered codes shared',
      registeredCodesShared(await latestDocument(this), await onTheCard(this)),
      { location: 'Condition.code.coding' },
    );
  },
);

Then('every Condition has the registered diagnosetekst as code.text', async function (this: CertbenchWorld) {
  this.verify(
    'code.text = diagnosetekst',
    codeTextAsRegistered(await latestDocument(this), await onTheCard(this)),
    { location: 'Condition.code.text' },
  );
});

Then(
  "every Condition's recordedDate is the time the diagnosis was registered",
  async function (this: CertbenchWorld) {
    this.verify(
      'recordedDate = registration time',
      recordedDateIsRegistrationTime(
        await latestDocument(this),
        await onTheCard(this),
        this.ctx.profile.clockToleranceMs,
      ),
      { location: 'Condition.recordedDate' },
    );
  },
);

Then(
  'every Condition has exactly one diagnosis status, as registered',
  async function (this: CertbenchWorld) {
    this.verify(
      'diagnosis status category',
      statusCategoryAsRegistered(await latestDocument(this), await onTheCard(this)),
      { location: 'Condition.category' },
    );
  },
);

Then('every Condition has the category type that was registered', async function (this: CertbenchWorld) {
  this.verify(
    'diagnosis type category',
    typeCategoryAsRegistered(await latestDocument(this), await onTheCard(this)),
    { location: 'Condition.category' },
  );
});

Then('no tillægstekst is shared', async function (this: CertbenchWorld) {
  this.verify('no Condition.note', noNoteShared(await latestDocument(this)), {
    location: 'Condition.note',
    expected: 'absent',
  });
});

Then('no Condition has a debutdato after its registreringsdato', async function (this: CertbenchWorld) {
  this.verify('onset <= recordedDate', onsetNotAfterRecordedDate(await latestDocument(this)), {
    location: 'Condition.onsetDateTime',
  });
});

Then(
  'every ended diagnosis has its afslutningsdato after its debutdato, as registered',
  async function (this: CertbenchWorld) {
    this.verify('onset < abatement', abatementAfterOnset(await latestDocument(this), await onTheCard(this)), {
      location: 'Condition.abatementDateTime',
    });
  },
);

Then('every Condition has a globally unique identifier', async function (this: CertbenchWorld) {
  this.verify('Condition.identifier unique', conditionIdentifiersUnique(await latestDocument(this)), {
    location: 'Condition.identifier',
  });
});

Then(
  '{string} is shared with status relevant, debutdato {string} and afslutningsdato {string}',
  async function (this: CertbenchWorld, ref: string, onset: string, abatement: string) {
    const registration = (await onTheCard(this)).find((r) => r.ref === ref);
    if (!registration) throw new Error(`no diagnosis "${ref}" in this scenario`);
    const expected = { ...registration, status: 'resolved' as const, onset, abatement };
    const document = await latestDocument(this);
    this.verify(
      `"${ref}" period and status`,
      [...statusCategoryAsRegistered(document, [expected]), ...abatementAfterOnset(document, [expected])],
      {
        location: 'Condition.onsetDateTime, abatementDateTime, category',
      },
    );
  },
);

Then("the GP's Diagnosekort view shows the diagnoses on the card", async function (this: CertbenchWorld) {
  // The set-up runs first (in a manual run the operator performs it); a manual run has no automation API to
  // read, so the assessor looks at the screen instead (next step).
  const expected = await onTheCard(this);
  if (!automaticOnly(this)) return;
  const driver = this.ctx.makeDriver((exchange) => this.attachExchange(exchange));
  const observed = await driver.observe('diagnosekort.diagnoses', { patient: scenarioOf(this).patient });
  this.verify(
    'the Diagnosekort view shows the selected diagnoses as registered',
    viewShowsRegistered(observed, expected),
    {
      location: 'observation diagnosekort.diagnoses',
      expected: expected.map((r) => `${r.text} (${r.status})`).join(', '),
    },
  );
});
