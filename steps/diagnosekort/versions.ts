// Checks comparing versions of the Diagnosekort: after an update (S1-update) and a removal (S1-remove).
import { Then } from '@cucumber/cucumber';
import {
  abatementAfterOnset,
  statusCategoryAsRegistered,
} from '../../src/rules/conditionlist/condition-rules.ts';
import {
  compositionDateLater,
  conditionIdentifiersStable,
  exactlyShared,
  newDocumentIdentity,
  notShared,
  unchangedConditionsUnchanged,
} from '../../src/rules/conditionlist/version-rules.ts';
import { replacesPrevious } from '../../src/rules/mhd/metadata-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import {
  documentOf,
  documentReferenceOf,
  registrationsWithWindows,
  scenarioOf,
  sharedVersions,
  type SharedVersion,
} from './state.ts';

async function lastTwo(world: CertbenchWorld): Promise<[SharedVersion, SharedVersion]> {
  const versions = await sharedVersions(world);
  const previous = versions.at(-2);
  const next = versions.at(-1);
  if (!previous || !next) throw new Error('this check needs two shares in the scenario');
  return [previous, next];
}

async function registration(world: CertbenchWorld, ref: string) {
  const found = (await registrationsWithWindows(world)).find((r) => r.ref === ref);
  if (!found) throw new Error(`no diagnosis "${ref}" in this scenario`);
  return found;
}

Then(
  'a new version of the Diagnosekort reaches national document sharing',
  async function (this: CertbenchWorld) {
    const [, next] = await lastTwo(this);
    this.verify(
      'new version submitted and readable',
      next.unpacked.document
        ? []
        : [`the new submission holds no readable document: ${next.unpacked.problems.join('; ')}`],
    );
  },
);

Then('the new version has a new Bundle.identifier and Bundle.id', async function (this: CertbenchWorld) {
  const [previous, next] = await lastTwo(this);
  this.verify('identity never reused', newDocumentIdentity(documentOf(previous), documentOf(next)), {
    location: 'Bundle.identifier, Bundle.id',
  });
});

Then(
  'in the new version {string} has status relevant with afslutningsdato {string}',
  async function (this: CertbenchWorld, ref: string, abatement: string) {
    const [, next] = await lastTwo(this);
    const expected = { ...(await registration(this, ref)), status: 'resolved' as const, abatement };
    const document = documentOf(next);
    this.verify(
      `"${ref}" now relevant`,
      [...statusCategoryAsRegistered(document, [expected]), ...abatementAfterOnset(document, [expected])],
      {
        location: 'Condition.category, Condition.abatementDateTime',
      },
    );
  },
);

Then(
  'Composition.date in the new version is later than in the previous version',
  async function (this: CertbenchWorld) {
    const [previous, next] = await lastTwo(this);
    this.verify('Composition.date advanced', compositionDateLater(documentOf(previous), documentOf(next)), {
      location: 'Composition.date',
    });
  },
);

Then(
  'every diagnosis keeps its Condition identifier in the new version',
  async function (this: CertbenchWorld) {
    const [previous, next] = await lastTwo(this);
    this.verify(
      'Condition identifiers stable',
      conditionIdentifiersStable(
        documentOf(previous),
        documentOf(next),
        await registrationsWithWindows(this),
      ),
      {
        location: 'Condition.identifier',
      },
    );
  },
);

Then('the diagnoses that were not changed are shared unchanged', async function (this: CertbenchWorld) {
  const [previous, next] = await lastTwo(this);
  const scenario = scenarioOf(this);
  const unchanged = (await registrationsWithWindows(this)).filter(
    (r) => !scenario.updated.has(r.ref) && !scenario.removed.has(r.ref),
  );
  this.verify(
    'unchanged diagnoses unchanged',
    unchangedConditionsUnchanged(documentOf(previous), documentOf(next), unchanged),
    { location: 'Condition' },
  );
});

Then("the new version's DocumentReference replaces the previous one", async function (this: CertbenchWorld) {
  const [previous, next] = await lastTwo(this);
  this.verify(
    'replaces relation',
    replacesPrevious(documentReferenceOf(next), documentReferenceOf(previous)),
    { location: 'DocumentReference.relatesTo' },
  );
});

Then(
  /^the (deselected|deleted) diagnosis "([^"]+)" is no longer shared$/,
  async function (this: CertbenchWorld, how: string, ref: string) {
    const [, next] = await lastTwo(this);
    if (scenarioOf(this).removed.get(ref) !== how)
      throw new Error(`"${ref}" was not ${how} in this scenario`);
    this.verify(
      `"${ref}" no longer shared`,
      notShared(documentOf(next), await registration(this, ref), how),
      { location: 'Condition' },
    );
  },
);

Then(
  'the Diagnosekort shares exactly these diagnoses: {string}',
  async function (this: CertbenchWorld, list: string) {
    const [, next] = await lastTwo(this);
    const refs = list.split(',').map((s) => s.trim());
    const all = await registrationsWithWindows(this);
    const expected = refs.map((ref) => {
      const found = all.find((r) => r.ref === ref);
      if (!found) throw new Error(`unknown diagnosis "${ref}"`);
      return found;
    });
    this.verify('remaining diagnoses', exactlyShared(documentOf(next), expected), {
      location: 'Condition',
      expected: refs.join(', '),
    });
  },
);
