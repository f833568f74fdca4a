// What the Diagnosekort flow planned: the documents it asks for at each official step, the Diagnosekort expected in
// each, and the views of the card it reads; and how a check gets at them after the plan has run.
import { CheckFailed } from '../../src/checks/check-failed.ts';
import type { Submission } from '../../src/counterparts/recipient.ts';
import type { Resource } from '../../src/fhir/bundle.ts';
import { unpackProvideDocumentBundle, type ProvideDocumentBundle } from '../../src/fhir/mhd.ts';
import type { RegisteredDiagnosis } from '../../src/rules/conditionlist/registration.ts';
import type { CardDiagnosis } from '../../src/rules/conditionlist/view-rules.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';

/** A document the flow asks the SUT to create, and what it must share. */
export interface PlannedDocument {
  /** The official step that creates it (3.3.1.5). */
  step: string;
  /** The plan step that shares it. */
  share: string;
  /** The diagnoses it must share, as they stand then. */
  card: RegisteredDiagnosis[];
  /** The plan steps that changed a diagnosis it shares, last one last (for Composition.date). */
  changes: string[];
  /** The latest registration or abatement time of the test data among the shared diagnoses. */
  latestClinicalTime?: string;
}

/** A reading of the card as the GP sees it. */
export interface PlannedView {
  step: string;
  observe: string;
  card: CardDiagnosis[];
}

export interface DiagnosekortFlow {
  patient: string;
  documents: Map<string, PlannedDocument>;
  views: Map<string, PlannedView>;
  /** The plan step of each registration, by the test data's ref. */
  registeredBy: Map<string, string>;
  /** The share request after every diagnosis was deleted (3.3.7.2). */
  emptyShare: string;
  /** The incomplete historical diagnoses (3.4.2.1), by plan step. */
  incomplete: Map<string, RegisteredDiagnosis>;
}

const flows = new WeakMap<CertbenchWorld, DiagnosekortFlow>();

export function flowOf(world: CertbenchWorld): DiagnosekortFlow {
  const flow = flows.get(world);
  if (!flow)
    throw new Error(
      'no Diagnosekort flow in this scenario: start with "Given MedCom\'s ConditionList send flow ... for test patient ..."',
    );
  return flow;
}

export function setFlow(world: CertbenchWorld, flow: DiagnosekortFlow): void {
  flows.set(world, flow);
}

/** One shared document, unpacked; reading it fails the checkpoint when it cannot be read. */
export interface SharedDocument {
  planned: PlannedDocument;
  submission: Submission;
  unpacked: ProvideDocumentBundle;
  window: { start: Date; end: Date };
  /** When the last change to a diagnosis it shares began. */
  lastChange: Date;
  /** The registrations it must share, with the time windows of their registration. */
  card: RegisteredDiagnosis[];
}

/** The SUT refused every diagnosis of a step, so there is no document to judge: the check is pending. */
export class NothingShared extends Error {}

/** The document of an official step, after the plan has run up to it. */
export async function documentAt(world: CertbenchWorld, step: string): Promise<SharedDocument> {
  const planned = flowOf(world).documents.get(step);
  if (!planned) throw new Error(`the flow creates no document at step ${step}`);
  const outcome = await world.realise(planned.share);
  const output = outcome.outputs.get(planned.share) as (Submission & { skipped?: string }) | undefined;
  if (!output) throw new Error(`the share of step ${step} has no output`);
  if (output.skipped) throw new NothingShared(`step ${step}: ${output.skipped}`);
  // A diagnosis the SUT refused to register (allowed for the historical ones of 3.4.2.1) is not expected.
  const registeredBy = flowOf(world).registeredBy;
  const refused = (r: RegisteredDiagnosis) =>
    (outcome.outputs.get(registeredBy.get(r.ref) ?? '') as { refused?: string } | undefined)?.refused !==
    undefined;
  return {
    planned,
    submission: output,
    unpacked: unpackProvideDocumentBundle(output.bundle),
    window: outcome.windows.get(planned.share) ?? { start: new Date(0), end: new Date() },
    lastChange: outcome.windows.get(planned.changes.at(-1) ?? '')?.start ?? new Date(0),
    card: await withWindows(
      world,
      planned.card.filter((r) => !refused(r)),
      planned.share,
    ),
  };
}

export async function documentsAt(world: CertbenchWorld, steps: string[]): Promise<SharedDocument[]> {
  const documents: SharedDocument[] = [];
  for (const step of steps) documents.push(await documentAt(world, step));
  return documents;
}

/** Every document of the content and workflow flow (3.3), in order. */
export function flowDocumentSteps(world: CertbenchWorld): string[] {
  return [...flowOf(world).documents.keys()].filter((step) => step.startsWith('3.3.'));
}

export async function withWindows(
  world: CertbenchWorld,
  card: RegisteredDiagnosis[],
  upTo: string,
): Promise<RegisteredDiagnosis[]> {
  const outcome = await world.realise(upTo);
  const registeredBy = flowOf(world).registeredBy;
  return card.map((r) => {
    const window = outcome.windows.get(registeredBy.get(r.ref) ?? '');
    return window ? { ...r, window } : r;
  });
}

export function documentOf(shared: SharedDocument): Resource {
  if (!shared.unpacked.document) {
    throw new CheckFailed(
      `no document could be read from the submission of step ${shared.planned.step}: ${[shared.submission.parseError, ...shared.unpacked.problems].filter(Boolean).join('; ') || 'unknown'}`,
    );
  }
  return shared.unpacked.document;
}

export function documentReferenceOf(shared: SharedDocument): Resource {
  if (!shared.unpacked.documentReference)
    throw new CheckFailed(
      `the submission of step ${shared.planned.step} has no DocumentReference: ${shared.unpacked.problems.join('; ')}`,
    );
  return shared.unpacked.documentReference;
}
