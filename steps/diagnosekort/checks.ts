// Checks on the documents of the flow, named by the official steps that create them. Each rule is written once in
// src/rules and applied to every document a scenario names ("in the documents of steps "3.3.1.3, 3.3.1.5", ...").
import { defineParameterType, Then } from '@cucumber/cucumber';
import type { Resource } from '../../src/fhir/bundle.ts';
import { SYSTEM } from '../../src/fhir/identifiers.ts';
import { submissionSetProblems } from '../../src/rules/mhd/submission-set-rules.ts';
import {
  transactionEmptyElements,
  transactionRequestProblems,
  transactionStructureProblems,
} from '../../src/rules/mhd/transaction-rules.ts';
import {
  bundleIdentity,
  documentTypeAndFirstEntry,
  narrativesPresent,
  narrativesSafe,
  noEmptyJsonElements,
  structurallyValid,
  timestampHasDanishOffset,
  timestampInstantDiffersFromCompositionDate,
  timestampIsAssemblyTime,
} from '../../src/rules/document/bundle-rules.ts';
import {
  attesterModes,
  authorOrganizationWithSor,
  compositionDateCorrect,
  compositionNarrative,
  compositionProfileDeclared,
  compositionSubjectIsThePatient,
  compositionTypeProblemList,
  conditionSubjectsResolve,
  patientDemographics,
  patientHasCpr,
  participantNarrativesShowIdentity,
  patientHasOnlyCpr,
  sectionListsExactlyTheConditions,
} from '../../src/rules/conditionlist/composition-rules.ts';
import {
  abatementNotBeforeOnset,
  categoriesCoded,
  clinicalStatusOnProblemList,
  clinicalStatusResolvedWhenAbated,
  clinicalStatusWhenAbated,
  codesAsRegistered,
  conditionIdentifiersStable,
  conditionNarrativesShowDiagnosis,
  datesAsRegistered,
  exactlyTheCard,
  noNoteShared,
  onsetNotAfterRecordedDate,
  recordedDateStable,
  statusCategoryAsRegistered,
  textAsRegistered,
  typeCategoryAsRegistered,
} from '../../src/rules/conditionlist/condition-rules.ts';
import { identitiesNeverReused, timesUpdated } from '../../src/rules/conditionlist/version-rules.ts';
import {
  homeCommunityId,
  masterIdentifierIsDocumentIdentifier,
  metadataPatient,
  replacesPrevious,
} from '../../src/rules/mhd/metadata-rules.ts';
import { expectCoding, expectSingleValue } from '../../src/rules/values.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import {
  documentAt,
  documentOf,
  documentReferenceOf,
  flowOf,
  NothingShared,
  type SharedDocument,
} from './state.ts';

const COMPOSITION_PROFILE =
  'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-composition';

interface RuleEnv {
  shared: SharedDocument;
  document: Resource;
  toleranceMs: number;
}

/** Rules on one document, by the sentence a feature names them with. */
const DOCUMENT_RULES: Record<string, (env: RuleEnv) => string[]> = {
  'the diagnoses on the card are shared, and nothing else': ({ document, shared }) =>
    exactlyTheCard(document, shared.card),
  'every diagnosis carries its codes as registered': ({ document, shared }) =>
    codesAsRegistered(document, shared.card),
  "every diagnosis carries the diagnosetekst the protocol's rule gives": ({ document, shared }) =>
    textAsRegistered(document, shared.card),
  'every diagnosis has exactly one diagnosis status, as registered': ({ document, shared }) =>
    statusCategoryAsRegistered(document, shared.card),
  'every diagnosis has the type that was registered': ({ document, shared }) =>
    typeCategoryAsRegistered(document, shared.card),
  'every diagnosis has its registration, onset and abatement times as registered': ({
    document,
    shared,
    toleranceMs,
  }) => datesAsRegistered(document, shared.card, toleranceMs),
  'no tillægstekst is shared': ({ document }) => noNoteShared(document),
  'every ended diagnosis has the clinicalStatus of an ended condition': ({ document }) =>
    clinicalStatusWhenAbated(document),
  'every ended diagnosis has clinicalStatus resolved': ({ document }) =>
    clinicalStatusResolvedWhenAbated(document),
  'every forløbsdiagnose has a clinicalStatus': ({ document }) => clinicalStatusOnProblemList(document),
  'Composition.date is the last change and Bundle.timestamp the assembly time': ({
    document,
    shared,
    toleranceMs,
  }) => lastChangeAndAssembly(document, shared, toleranceMs),
  'the document is structurally valid FHIR R4': ({ document }) => structurallyValid(document),
  'Bundle.id and Bundle.identifier are UUIDs, the identifier a version 4 UUID of its own': ({ document }) =>
    bundleIdentity(document),
  'the Bundle has type document and the Composition first': ({ document }) =>
    documentTypeAndFirstEntry(document),
  'the author institution is an Organization with its SOR id': ({ document }) =>
    authorOrganizationWithSor(document),
  'the section lists each Condition exactly once, and only Conditions': ({ document }) =>
    sectionListsExactlyTheConditions(document),
  'Composition.meta.profile names MedComConditionListComposition': ({ document }) =>
    compositionProfileDeclared(document, COMPOSITION_PROFILE),
  'Composition.type is LOINC 11450-4 "Problem List"': ({ document }) => compositionTypeProblemList(document),
  'the Composition has a narrative': ({ document }) => compositionNarrative(document),
  'every resource except the Bundle has a narrative': ({ document }) => narrativesPresent(document),
  'the Patient has its name, gender and birth date': ({ document }) => patientDemographics(document),
  'every attester has a mode from composition-attestation-mode': ({ document }) => attesterModes(document),
  'Bundle.timestamp and Composition.date are different instants': ({ document }) =>
    timestampInstantDiffersFromCompositionDate(document),
  'Bundle.timestamp is in Danish time': ({ document }) => timestampHasDanishOffset(document),
  "every Condition.subject refers to the document's Patient": ({ document }) =>
    conditionSubjectsResolve(document),
  'every narrative is safe XHTML': ({ document }) => narrativesSafe(document),
  'every Condition narrative shows its diagnosis and names its id': ({ document }) =>
    conditionNarrativesShowDiagnosis(document),
  'every Composition, Patient, Organization and Practitioner narrative names its id and who it is': ({
    document,
  }) => participantNarrativesShowIdentity(document),
  'the document has no empty JSON element': ({ document }) => noEmptyJsonElements(document),
  'every category of a Condition has its code': ({ document }) => categoriesCoded(document),
  'no debutdato lies after the registreringsdato': ({ document }) => onsetNotAfterRecordedDate(document),
  'no afslutningsdato lies before the debutdato': ({ document }) => abatementNotBeforeOnset(document),
  'the document is sent as JSON': ({ shared }) => sentAsJson(shared),
  'the submission is an IHE MHD Provide Document Bundle': ({ shared }) => provideDocumentBundle(shared),
  'the submission carries one DocumentReference and the document as a Binary of matching size and hash': ({
    shared,
  }) => shared.unpacked.problems,
  'the metadata masterIdentifier is the Bundle.identifier': ({ shared, document }) =>
    masterIdentifierIsDocumentIdentifier(documentReferenceOf(shared), document),
};

function lastChangeAndAssembly(document: Resource, shared: SharedDocument, toleranceMs: number): string[] {
  return [
    ...compositionDateCorrect(document, {
      lastChange: shared.lastChange,
      sharedBy: shared.window.end,
      toleranceMs,
      ...(shared.planned.latestClinicalTime ? { latestClinicalTime: shared.planned.latestClinicalTime } : {}),
    }),
    ...timestampIsAssemblyTime(document, { ...shared.window, toleranceMs }),
  ];
}

function sentAsJson(shared: SharedDocument): string[] {
  const reference = shared.unpacked.documentReference as
    { content?: { attachment?: { contentType?: unknown } }[] } | undefined;
  const contentType = reference?.content?.[0]?.attachment?.contentType;
  return [
    ...(contentType === 'application/fhir+json'
      ? []
      : [`the document's contentType is ${JSON.stringify(contentType)}, expected application/fhir+json`]),
    ...(shared.unpacked.document ? [] : ['the document could not be read as JSON']),
  ];
}

function provideDocumentBundle(shared: SharedDocument): string[] {
  const { submission } = shared;
  const bundle = submission.bundle as { resourceType?: unknown; type?: unknown } | undefined;
  const problems: string[] = [];
  if (submission.parseError) problems.push(`the body is not JSON: ${submission.parseError}`);
  else if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'transaction')
    problems.push(
      `the submission is ${String(bundle?.resourceType)} of type ${String(bundle?.type)}, expected a Bundle of type transaction`,
    );
  else
    problems.push(
      ...submissionSetProblems(bundle),
      ...transactionRequestProblems(bundle),
      ...transactionStructureProblems(bundle),
      ...transactionEmptyElements(bundle).map((p) => `${p} (FHIR R4 JSON)`),
    );
  const contentType = submission.exchange.request.headers['content-type'] ?? '';
  if (!/^application\/fhir\+json\b/.test(contentType))
    problems.push(`content type is "${contentType}", expected application/fhir+json`);
  return problems;
}

defineParameterType({
  name: 'documentRule',
  regexp: new RegExp(
    Object.keys(DOCUMENT_RULES)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
  ),
  transformer: (s: string) => s,
});

export function stepsOf(list: string): string[] {
  return list.split(',').map((s) => s.trim());
}

/** Applies `check` to the documents of the listed steps; a step whose diagnoses were all refused is pending. */
async function eachDocument(
  world: CertbenchWorld,
  list: string,
  check: (shared: SharedDocument[]) => string[],
): Promise<string[] | 'pending'> {
  const shared: SharedDocument[] = [];
  for (const step of stepsOf(list)) {
    try {
      shared.push(await documentAt(world, step));
    } catch (error) {
      if (error instanceof NothingShared) return world.pending(error.message);
      throw error;
    }
  }
  return check(shared);
}

Then(
  'in the documents of steps {string}, {documentRule}',
  async function (this: CertbenchWorld, list: string, rule: string) {
    const toleranceMs = this.ctx.profile.clockToleranceMs;
    const problems = await eachDocument(this, list, (documents) =>
      documents.flatMap((shared) =>
        (DOCUMENT_RULES[rule] ?? (() => [`unknown rule ${rule}`]))({
          shared,
          document: documentOf(shared),
          toleranceMs,
        }).map((p) => `step ${shared.planned.step}: ${p}`),
      ),
    );
    if (problems === 'pending') return 'pending';
    this.verify(rule, problems, { expected: `in the documents of steps ${list}` });
    return undefined;
  },
);

/** Rules across the documents of a scenario. */
const ACROSS_RULES: Record<string, (documents: SharedDocument[]) => string[]> = {
  'the same diagnosis keeps its recordedDate': (documents) =>
    recordedDateStable(
      named(documents),
      documents.flatMap((d) => d.card),
    ),
  'no Bundle.id or Bundle.identifier is used twice': (documents) => identitiesNeverReused(named(documents)),
  'Condition identifiers, where present, are UUIDs kept by the same diagnosis': (documents) =>
    conditionIdentifiersStable(
      named(documents),
      documents.flatMap((d) => d.card),
    ),
};

function named(documents: SharedDocument[]): { name: string; bundle: Resource }[] {
  return documents.map((d) => ({ name: `step ${d.planned.step}`, bundle: documentOf(d) }));
}

defineParameterType({
  name: 'acrossRule',
  regexp: new RegExp(Object.keys(ACROSS_RULES).join('|')),
  transformer: (s: string) => s,
});

Then(
  'across the documents of steps {string}, {acrossRule}',
  async function (this: CertbenchWorld, list: string, rule: string) {
    const problems = await eachDocument(this, list, (documents) =>
      (ACROSS_RULES[rule] ?? (() => [`unknown rule ${rule}`]))(documents),
    );
    if (problems === 'pending') return 'pending';
    this.verify(rule, problems, { expected: `across the documents of steps ${list}` });
    return undefined;
  },
);

Then(
  /^the document of step "([^"]+)" has (both timestamps later than|Bundle\.timestamp later and Composition\.date changed from) the one of step "([^"]+)"$/,
  async function (this: CertbenchWorld, step: string, how: string, previousStep: string) {
    const previous = await documentAt(this, previousStep);
    const next = await documentAt(this, step);
    this.verify(
      `timestamps updated since step ${previousStep}`,
      timesUpdated(documentOf(previous), documentOf(next), how.startsWith('both') ? 'later' : 'changed'),
      { location: 'Composition.date, Bundle.timestamp' },
    );
  },
);

defineParameterType({
  name: 'sharedResource',
  regexp: /the document|the sharing metadata/,
  transformer: (s: string) => s,
});

/** The document itself, or its sharing metadata (the DocumentReference of the submission). */
async function resourceAt(world: CertbenchWorld, which: string, step: string): Promise<Resource> {
  const shared = await documentAt(world, step);
  return which === 'the sharing metadata' ? documentReferenceOf(shared) : documentOf(shared);
}

Then(
  'in {sharedResource} of step {string}, {string} is {string}',
  async function (this: CertbenchWorld, which: string, step: string, path: string, expected: string) {
    const resource = await resourceAt(this, which, step);
    this.verify(`${path} = "${expected}"`, expectSingleValue(resource, path, expected), {
      location: path,
      expected,
    });
  },
);

Then(
  'in {sharedResource} of step {string}, {string} has the coding {string} {string}',
  async function (
    this: CertbenchWorld,
    which: string,
    step: string,
    path: string,
    system: string,
    code: string,
  ) {
    const resource = await resourceAt(this, which, step);
    this.verify(`${path} has ${system}|${code}`, expectCoding(resource, path, system, code), {
      location: path,
      expected: `${system}|${code}`,
    });
  },
);

Then(
  "the document of step {string} has Composition.subject referring to the test patient's Patient",
  async function (this: CertbenchWorld, step: string) {
    const document = documentOf(await documentAt(this, step));
    this.verify(
      'Composition.subject is the test patient',
      [...compositionSubjectIsThePatient(document), ...patientHasCpr(document, flowOf(this).patient)],
      { location: 'Composition.subject', expected: `the Patient with CPR ${flowOf(this).patient}` },
    );
  },
);

Then(
  "the document of step {string} identifies the patient by the test patient's CPR only",
  async function (this: CertbenchWorld, step: string) {
    const document = documentOf(await documentAt(this, step));
    this.verify(
      'Patient identifier:cpr',
      [...patientHasCpr(document, flowOf(this).patient), ...patientHasOnlyCpr(document)],
      { location: 'Patient.identifier', expected: `${SYSTEM.cpr}|${flowOf(this).patient}` },
    );
  },
);

Then(
  'the sharing metadata of step {string} names the home community {string}',
  async function (this: CertbenchWorld, step: string, expected: string) {
    const reference = documentReferenceOf(await documentAt(this, step));
    this.verify('homeCommunityId', homeCommunityId(reference, expected), {
      location: 'DocumentReference.extension',
      expected,
    });
  },
);

Then(
  "the sharing metadata of step {string} identifies the test patient's CPR",
  async function (this: CertbenchWorld, step: string) {
    const reference = documentReferenceOf(await documentAt(this, step));
    const cpr = flowOf(this).patient;
    this.verify('metadata patient CPR', metadataPatient(reference, cpr), {
      location: 'DocumentReference.subject, context.sourcePatientInfo',
      expected: cpr,
    });
  },
);

Then(
  'the sharing metadata of step {string} replaces the one of step {string}',
  async function (this: CertbenchWorld, step: string, previousStep: string) {
    const previous = documentReferenceOf(await documentAt(this, previousStep));
    const next = documentReferenceOf(await documentAt(this, step));
    this.verify(`step ${step} replaces step ${previousStep}`, replacesPrevious(next, previous), {
      location: 'DocumentReference.relatesTo',
    });
  },
);
