import type { DataTable } from '@cucumber/cucumber';
import { CheckFailed } from '../../src/checks/check-failed.ts';
import type { Submission } from '../../src/counterparts/recipient.ts';
import type { Resource } from '../../src/fhir/bundle.ts';
import { SYSTEM } from '../../src/fhir/identifiers.ts';
import { unpackProvideDocumentBundle, type ProvideDocumentBundle } from '../../src/fhir/mhd.ts';
import type { RegisteredDiagnosis } from '../../src/rules/conditionlist/registration.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';

/** What a Diagnosekort scenario planned: the test patient, the diagnoses as registered, and the shares. */
export interface DiagnosekortScenario {
  patient: string;
  registrations: Map<string, RegisteredDiagnosis>;
  /** Plan step names of changes (register, update, deselect, delete), in order. */
  changes: string[];
  shares: string[];
  /** What happened to a registration after it was registered. */
  removed: Map<string, 'deselected' | 'deleted'>;
  updated: Set<string>;
}

const scenarios = new WeakMap<CertbenchWorld, DiagnosekortScenario>();

export function scenarioOf(world: CertbenchWorld): DiagnosekortScenario {
  const scenario = scenarios.get(world);
  if (!scenario)
    throw new Error(
      'no Diagnosekort test patient in this scenario: start with "Given test patient ... has these diagnoses"',
    );
  return scenario;
}

export function startScenario(world: CertbenchWorld, patient: string): DiagnosekortScenario {
  const scenario: DiagnosekortScenario = {
    patient,
    registrations: new Map(),
    changes: [],
    shares: [],
    removed: new Map(),
    updated: new Set(),
  };
  scenarios.set(world, scenario);
  return scenario;
}

const TYPE = { forløbsdiagnose: 'problem-list-item', kontaktdiagnose: 'encounter-diagnosis' } as const;
const STATUS = { aktuel: 'current', relevant: 'resolved' } as const;

/** Reads the diagnoses table of a feature (Danish column names, as the GP sees them). */
export function diagnosesFromTable(table: DataTable): RegisteredDiagnosis[] {
  return table.hashes().map((row) => {
    const codes = [...codeCell(row['SKS-D'], SYSTEM.sksD), ...codeCell(row['ICPC-2'], SYSTEM.icpc2)];
    const type = TYPE[row['type'] as keyof typeof TYPE];
    const status = STATUS[row['status'] as keyof typeof STATUS];
    if (!row['ref'] || !row['diagnosetekst'] || !type || !status || codes.length === 0) {
      throw new Error(
        `diagnosis row needs ref, a code, diagnosetekst, type (forløbsdiagnose|kontaktdiagnose), status (aktuel|relevant): ${JSON.stringify(row)}`,
      );
    }
    return {
      ref: row['ref'],
      codes,
      text: row['diagnosetekst'],
      type,
      status,
      ...(row['debut'] ? { onset: row['debut'] } : {}),
      ...(row['afslutning'] ? { abatement: row['afslutning'] } : {}),
      ...(row['tillægstekst'] ? { note: row['tillægstekst'] } : {}),
    };
  });
}

function codeCell(cell: string | undefined, system: string): RegisteredDiagnosis['codes'] {
  const match = /^(\S+)\s*(.*)$/.exec(cell?.trim() ?? '');
  if (!match?.[1]) return [];
  return [{ system, code: match[1], ...(match[2] ? { display: match[2] } : {}) }];
}

/** One shared version of the Diagnosekort, unpacked; fails the checkpoint when it cannot be read. */
export interface SharedVersion {
  submission: Submission;
  unpacked: ProvideDocumentBundle;
  window: { start: Date; end: Date };
}

export async function sharedVersions(world: CertbenchWorld): Promise<SharedVersion[]> {
  const outcome = await world.realise();
  const scenario = scenarioOf(world);
  return scenario.shares.map((name) => {
    const submission = outcome.outputs.get(name) as Submission;
    const window = outcome.windows.get(name) ?? { start: new Date(0), end: new Date() };
    return { submission, unpacked: unpackProvideDocumentBundle(submission.bundle), window };
  });
}

export async function latestVersion(world: CertbenchWorld): Promise<SharedVersion> {
  const versions = await sharedVersions(world);
  const latest = versions.at(-1);
  if (!latest)
    throw new Error('the scenario shares no Diagnosekort: add "When the GP system shares the Diagnosekort"');
  return latest;
}

export async function latestDocument(world: CertbenchWorld): Promise<Resource> {
  return documentOf(await latestVersion(world));
}

export function documentOf(version: SharedVersion): Resource {
  if (!version.unpacked.document) {
    throw new CheckFailed(
      `no document could be read from the submission: ${version.unpacked.problems.join('; ') || version.submission.parseError || 'unknown'}`,
    );
  }
  return version.unpacked.document;
}

export function documentReferenceOf(version: SharedVersion): Resource {
  if (!version.unpacked.documentReference)
    throw new CheckFailed(`the submission has no DocumentReference: ${version.unpacked.problems.join('; ')}`);
  return version.unpacked.documentReference;
}

/** Registrations with the time window of their registration action. */
export async function registrationsWithWindows(world: CertbenchWorld): Promise<RegisteredDiagnosis[]> {
  const outcome = await world.realise();
  return [...scenarioOf(world).registrations.values()].map((r) => {
    const window = outcome.windows.get(`register ${r.ref}`);
    return window ? { ...r, window } : r;
  });
}
