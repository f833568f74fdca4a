// S3 and S4: the coupling to Graviditetsmappen v2. Sending the DSJ shares the svangerskabsjournal (PRF) and the
// first Vandrejournal (PSCR); a later consultation shares a new version of the Vandrejournal. Read and judged with
// the pregnancy foundation (src/rules/pregnancy/), in the format the SUT profile declares.
import { Then } from '@cucumber/cucumber';
import {
  alcoholDuringAgrees,
  expectedAlcohol,
  expectedAssessment,
  expectedLanguage,
  expectedPhysicalData,
  expectedTermin,
  observedOn,
  oneDocumentOfKind,
  smokingAgrees,
  submissionsOfKind,
} from '../../src/rules/dsj/gmv2-rules.ts';
import type { DocumentFormat, DocumentKind } from '../../src/rules/pregnancy/codes.ts';
import {
  authorIsOneSorOrganization,
  componentsAsRegistered,
  patientIsCpr,
  prfSections,
} from '../../src/rules/pregnancy/content-rules.ts';
import type { GmSubmission } from '../../src/rules/pregnancy/submission.ts';
import { supersedesPrevious } from '../../src/rules/pregnancy/version-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { dsjScenario, dsjValue, scenarioPatient, stepOutput, STEP } from './state.ts';

/**
 * The format the DSJ's documents must have: the Vandrejournal/Målinger protocol's variant when the profile claims
 * it (the same GMv2 documents), else this protocol's own variant.
 */
export function declaredFormat(world: CertbenchWorld): DocumentFormat {
  const protocols = world.ctx.profile.protocols;
  const variant = protocols['vandrejournal-maalinger']?.variant ?? protocols['dsj-gmv2']?.variant;
  return variant === 'fhir' ? 'fhir' : 'cda';
}

/** The one document of a kind a step shared, or the problems that stand in its way. */
async function sharedDocument(
  world: CertbenchWorld,
  step: string,
  kind: DocumentKind,
): Promise<{ submission?: GmSubmission; problems: string[] }> {
  const bodies = (await stepOutput(world, step)).documents.map((d) => d.bundle);
  const found = submissionsOfKind(bodies, kind);
  const problems = oneDocumentOfKind(found, kind, declaredFormat(world), bodies.length);
  return { ...(found.length === 1 && found[0]?.read ? { submission: found[0] } : {}), problems };
}

function need<T>(world: CertbenchWorld, field: string, after: 'first' | 'later' = 'first'): T {
  const value = dsjValue(world, field, after);
  if (value === undefined) throw new Error(`the scenario has no value for DSJ field ${field}`);
  return value as T;
}

Then(
  'sending the DSJ shares one svangerskabsjournal \\(PRF) with Graviditetsmappen in the declared format',
  async function (this: CertbenchWorld) {
    const { problems } = await sharedDocument(this, STEP.sendReferral, 'PRF');
    this.verify('svangerskabsjournal shared', problems, {
      location: 'ITI-65 to document sharing: DocumentReference.type/format, document type code',
      expected: `one PRF document (urn:ad:dk:medcom:prf-v1.0:full) as ${declaredFormat(this).toUpperCase()}`,
    });
  },
);

Then(
  'the svangerskabsjournal has every mandatory section once, the patient by CPR and the practice by SOR',
  async function (this: CertbenchWorld) {
    const { submission, problems } = await sharedDocument(this, STEP.sendReferral, 'PRF');
    const document = submission?.read?.document;
    const cpr = scenarioPatient(this).cpr;
    this.verify(
      'svangerskabsjournal sections',
      document
        ? [...prfSections(document), ...patientIsCpr(document, cpr), ...authorIsOneSorOrganization(document)]
        : problems,
      {
        location: 'PRF entries, subject/recordTarget, author',
        expected: `11 mandatory PRF entries; patient ${cpr}`,
      },
    );
  },
);

Then(
  'the svangerskabsjournal carries the physical data and language of the DSJ',
  async function (this: CertbenchWorld) {
    const { submission, problems } = await sharedDocument(this, STEP.sendReferral, 'PRF');
    const document = submission?.read?.document;
    this.verify(
      'svangerskabsjournal content',
      document
        ? [
            ...componentsAsRegistered(
              document,
              'fysiske-data',
              expectedPhysicalData(need<number>(this, 'hoejde'), need<number>(this, 'vaegt-foer-graviditet')),
            ),
            ...componentsAsRegistered(document, 'sprog', expectedLanguage(need<string>(this, 'sprog'))),
            ...observedOn(document, dsjScenario(this).firstConsultation),
          ]
        : problems,
      {
        location: 'PRF fysiske-data and sprog components, entries effective',
        expected: `observed at the first consultation (${dsjScenario(this).firstConsultation ?? '?'})`,
      },
    );
  },
);

Then(
  'sending the DSJ shares the first Vandrejournal \\(PSCR) with the termin, smoking, alcohol and assessment as the GP left them',
  async function (this: CertbenchWorld) {
    const { submission, problems } = await sharedDocument(this, STEP.sendReferral, 'PSCR');
    const document = submission?.read?.document;
    this.verify(
      'first Vandrejournal',
      document
        ? [
            ...componentsAsRegistered(
              document,
              'terminsberegning',
              expectedTermin(need<string>(this, 'sidste-menstruation'), need<string>(this, 'termin')),
            ),
            ...smokingAgrees(document, need<boolean>(this, 'tobak')),
            ...componentsAsRegistered(document, 'alkohol', expectedAlcohol(need<number>(this, 'alkohol'))),
            ...alcoholDuringAgrees(document, need<number>(this, 'alkohol')),
            ...componentsAsRegistered(
              document,
              'samlet-vurdering',
              expectedAssessment(need<string>(this, 'samlet-vurdering')),
            ),
          ]
        : problems,
      { location: 'PSCR terminsberegning, tobak, alkohol, samlet-vurdering components' },
    );
  },
);

Then(
  'a svangerskabsjournal shared again when the DSJ is sent again supersedes the first',
  async function (this: CertbenchWorld) {
    const first = await sharedDocument(this, STEP.sendReferral, 'PRF');
    const again = submissionsOfKind(
      (await stepOutput(this, STEP.sendAgain)).documents.map((d) => d.bundle),
      'PRF',
    );
    // Sharing the unchanged svangerskabsjournal again is not required; one that is shared again is its next version.
    // Without the first PRF (DSJ-3.3.3.1) there is nothing to version.
    const previous = first.submission;
    this.verify(
      'svangerskabsjournal versioned',
      previous
        ? again.flatMap((s, i) =>
            supersedesPrevious(s, previous).map(
              (p) => `PRF shared again${again.length > 1 ? ` (${i + 1})` : ''}: ${p}`,
            ),
          )
        : first.problems.map((p) => `first version: ${p}`),
      {
        location: 'ITI-65 of the second sending: DocumentReference.relatesTo, CDA setId/versionNumber',
        expected: 'no PRF shared again, or each one a new version that replaces the first PRF',
      },
    );
  },
);

Then(
  'the later consultation shares a new version of the Vandrejournal that supersedes the first',
  async function (this: CertbenchWorld) {
    const first = await sharedDocument(this, STEP.sendReferral, 'PSCR');
    const later = await sharedDocument(this, STEP.laterConsultation, 'PSCR');
    const problems = [
      ...first.problems.map((p) => `first version: ${p}`),
      ...later.problems.map((p) => `new version: ${p}`),
    ];
    this.verify(
      'Vandrejournal versioned',
      first.submission && later.submission
        ? supersedesPrevious(later.submission, first.submission)
        : problems,
      {
        location: 'DocumentReference.relatesTo, CDA setId/versionNumber',
        expected: 'replaces the first version, same set, next version',
      },
    );
  },
);

Then("the new version carries the later consultation's changes", async function (this: CertbenchWorld) {
  const { submission, problems } = await sharedDocument(this, STEP.laterConsultation, 'PSCR');
  const document = submission?.read?.document;
  this.verify(
    'Vandrejournal updated',
    document
      ? [
          ...componentsAsRegistered(
            document,
            'alkohol',
            expectedAlcohol(need<number>(this, 'alkohol', 'later')),
          ),
          ...alcoholDuringAgrees(document, need<number>(this, 'alkohol', 'later')),
          ...smokingAgrees(document, need<boolean>(this, 'tobak', 'later')),
          ...componentsAsRegistered(
            document,
            'samlet-vurdering',
            expectedAssessment(need<string>(this, 'samlet-vurdering', 'later')),
          ),
        ]
      : problems,
    { location: 'PSCR alkohol, tobak, samlet-vurdering components' },
  );
});
