// Checks on the shared document as a whole: transport, Bundle, Composition, Patient, narrative.
import { Then } from '@cucumber/cucumber';
import {
  bundleIdentifierIsUuid,
  bundleIdIsUuid,
  documentTypeAndFirstEntry,
  narrativesPresent,
  narrativesSafe,
  structurallyValid,
  timestampDanish,
  timestampDiffersFromCompositionDate,
} from '../../src/rules/document/bundle-rules.ts';
import {
  authorOrganizationWithSor,
  compositionDateWithin,
  patientHasCpr,
  patientHasOnlyCpr,
  sectionListsExactlyTheConditions,
  subjectsResolveToThePatient,
} from '../../src/rules/conditionlist/composition-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { documentOf, latestDocument, latestVersion, scenarioOf } from './state.ts';

Then(
  'the Diagnosekort reaches national document sharing as a Provide Document Bundle',
  async function (this: CertbenchWorld) {
    const { submission } = await latestVersion(this);
    const bundle = submission.bundle as { resourceType?: unknown; type?: unknown } | undefined;
    const problems: string[] = [];
    if (submission.parseError) problems.push(`the body is not JSON: ${submission.parseError}`);
    else if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'transaction') {
      problems.push(
        `the submission is ${String(bundle?.resourceType)} of type ${String(bundle?.type)}, expected a Bundle of type transaction`,
      );
    }
    const contentType = submission.exchange.request.headers['content-type'] ?? '';
    if (!/^application\/fhir\+json\b/.test(contentType))
      problems.push(`content type is "${contentType}", expected application/fhir+json`);
    this.verify('ITI-65 Provide Document Bundle received', problems, {
      expected: 'POST of a FHIR transaction Bundle, application/fhir+json',
    });
  },
);

Then(
  'the submission carries one DocumentReference and the document as a Binary with matching size and hash',
  async function (this: CertbenchWorld) {
    const { unpacked } = await latestVersion(this);
    this.verify('MHD DocumentReference and Binary', unpacked.problems, {
      location: 'DocumentReference.content.attachment',
    });
  },
);

Then(
  'the document is a Bundle of type {string} whose first entry is the Composition',
  async function (this: CertbenchWorld, _type: string) {
    this.verify(
      'document Bundle type and first entry',
      documentTypeAndFirstEntry(await latestDocument(this)),
      { location: 'Bundle.type, Bundle.entry[0]' },
    );
  },
);

Then("the document's Bundle.id is a UUID", async function (this: CertbenchWorld) {
  this.verify('Bundle.id is a UUID', bundleIdIsUuid(await latestDocument(this)), { location: 'Bundle.id' });
});

Then("the document's Bundle.identifier has a system and a UUID value", async function (this: CertbenchWorld) {
  this.verify('Bundle.identifier', bundleIdentifierIsUuid(await latestDocument(this)), {
    location: 'Bundle.identifier',
  });
});

Then(
  "the document's Bundle.timestamp has seconds and the Danish time zone offset",
  async function (this: CertbenchWorld) {
    const version = await latestVersion(this);
    const window = { ...version.window, toleranceMs: this.ctx.profile.clockToleranceMs };
    this.verify('Bundle.timestamp format, zone and time', timestampDanish(documentOf(version), window), {
      location: 'Bundle.timestamp',
      expected: `seconds, +01:00/+02:00, within the sharing (${window.start.toISOString()} – ${window.end.toISOString()})`,
    });
  },
);

Then("the document's Bundle.timestamp differs from Composition.date", async function (this: CertbenchWorld) {
  this.verify(
    'Bundle.timestamp differs from Composition.date',
    timestampDiffersFromCompositionDate(await latestDocument(this)),
    { location: 'Bundle.timestamp' },
  );
});

Then('the document is structurally valid FHIR R4', async function (this: CertbenchWorld) {
  this.verify('structural FHIR R4 validation', structurallyValid(await latestDocument(this)), {
    expected: 'no errors',
  });
});

Then("Composition.date is the time of the GP's last change", async function (this: CertbenchWorld) {
  const outcome = await this.realise();
  const scenario = scenarioOf(this);
  const version = await latestVersion(this);
  const lastChange = scenario.changes.filter((name) => outcome.windows.has(name)).at(-1);
  const notBefore = (lastChange ? outcome.windows.get(lastChange)?.start : undefined) ?? new Date(0);
  const window = {
    start: notBefore,
    end: version.window.end,
    toleranceMs: this.ctx.profile.clockToleranceMs,
  };
  this.verify('Composition.date = last update', compositionDateWithin(documentOf(version), window), {
    location: 'Composition.date',
    expected: `between the last change (${notBefore.toISOString()}) and the end of the sharing (${version.window.end.toISOString()})`,
  });
});

Then(
  'the Composition section lists each Condition of the document exactly once',
  async function (this: CertbenchWorld) {
    this.verify('section entries', sectionListsExactlyTheConditions(await latestDocument(this)), {
      location: 'Composition.section.entry',
    });
  },
);

Then(
  'the Composition author is the practice, identified by its SOR id',
  async function (this: CertbenchWorld) {
    this.verify('author Organization with SOR', authorOrganizationWithSor(await latestDocument(this)), {
      location: 'Composition.author',
    });
  },
);

Then(
  "the document's Patient is identified by the CPR {string}",
  async function (this: CertbenchWorld, cpr: string) {
    this.verify('Patient CPR', patientHasCpr(await latestDocument(this), cpr), {
      location: 'Patient.identifier',
      expected: `urn:oid:1.2.208.176.1.2|${cpr}`,
    });
  },
);

Then(
  "the document's Patient carries no replacement CPR or other identifier",
  async function (this: CertbenchWorld) {
    this.verify('no replacement CPR', patientHasOnlyCpr(await latestDocument(this)), {
      location: 'Patient.identifier',
    });
  },
);

Then(
  "Composition.subject and every Condition.subject refer to the document's Patient",
  async function (this: CertbenchWorld) {
    this.verify('subjects resolve to the Patient', subjectsResolveToThePatient(await latestDocument(this)), {
      location: 'Composition.subject, Condition.subject',
    });
  },
);

Then(
  'every resource in the document except the Bundle has a narrative',
  async function (this: CertbenchWorld) {
    this.verify('narrative present', narrativesPresent(await latestDocument(this)), { location: '*.text' });
  },
);

Then('every narrative in the document is safe XHTML', async function (this: CertbenchWorld) {
  this.verify('narrative safe', narrativesSafe(await latestDocument(this)), { location: '*.text.div' });
});
