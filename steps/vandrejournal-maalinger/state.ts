// What a Vandrejournal/Målinger scenario planned (the patient, the visits as registered, the shares) and the
// submitted documents, read into the format-neutral model.
import type { DataTable } from '@cucumber/cucumber';
import { CheckFailed } from '../../src/checks/check-failed.ts';
import type { Submission } from '../../src/counterparts/recipient.ts';
import type { DocumentFormat, DocumentKind } from '../../src/rules/pregnancy/codes.ts';
import type { GmDocument } from '../../src/rules/pregnancy/model.ts';
import type { RegisteredVisit } from '../../src/rules/pregnancy/registered.ts';
import { readSubmission, type GmSubmission } from '../../src/rules/pregnancy/submission.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';

export const PROTOCOL = 'vandrejournal-maalinger';

export interface PlannedShare {
  name: string;
  kind: DocumentKind;
  /** How many visits had been registered when it was shared. */
  visitsBefore: number;
}

export interface PregnancyScenario {
  patient: string;
  visits: RegisteredVisit[];
  shares: PlannedShare[];
}

const scenarios = new WeakMap<CertbenchWorld, PregnancyScenario>();

export function scenarioOf(world: CertbenchWorld): PregnancyScenario {
  const scenario = scenarios.get(world);
  if (!scenario)
    throw new Error(
      'no pregnancy visit in this scenario: start with "Given the GP registers a pregnancy visit …"',
    );
  return scenario;
}

export function startOrContinue(
  world: CertbenchWorld,
  patient: string,
): { scenario: PregnancyScenario; started: boolean } {
  const existing = scenarios.get(world);
  if (existing) {
    if (existing.patient !== patient) throw new Error('one test patient per scenario');
    return { scenario: existing, started: false };
  }
  const scenario: PregnancyScenario = { patient, visits: [], shares: [] };
  scenarios.set(world, scenario);
  return { scenario, started: true };
}

/** The format the SUT profile declares (protocols.vandrejournal-maalinger.variant). */
export function declaredFormat(world: CertbenchWorld): DocumentFormat {
  const variant = world.ctx.profile.protocols[PROTOCOL]?.variant;
  if (variant !== 'cda' && variant !== 'fhir')
    throw new Error(`the SUT profile must declare protocols.${PROTOCOL}.variant (cda or fhir)`);
  return variant;
}

const YES = new Set(['ja', 'yes', 'true']);
const NO = new Set(['nej', 'no', 'false']);

function yesNo(value: string | undefined, field: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  throw new Error(`${field} must be ja or nej, got "${value}"`);
}
function number(value: string | undefined, field: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value.replace(',', '.'));
  if (!Number.isFinite(n)) throw new Error(`${field} must be a number, got "${value}"`);
  return n;
}

/** A visit from a two-column table (Danish field names, as the GP sees them). */
export function visitFromTable(table: DataTable, patient: string, newPregnancy: boolean): RegisteredVisit {
  const row = table.rowsHash();
  const known = new Set([
    'besøgsdato',
    'sidste menstruation',
    'cyklus (dage)',
    'terminsberegning sikker',
    'vægt (kg)',
    'blodtryk',
    'symfyse-fundus (mm)',
    'hjertelyd foster 1',
    'UL-termin',
    'rygning før graviditet',
    'rygning under graviditet',
    'alkohol før graviditet',
    'alkohol under graviditet',
    'genstande pr. uge',
    'samlet vurdering',
    'omsorgsniveau',
  ]);
  for (const key of Object.keys(row)) if (!known.has(key)) throw new Error(`unknown visit field "${key}"`);
  const date = row['besøgsdato'];
  if (!date) throw new Error('a visit needs a besøgsdato');
  const visit: RegisteredVisit = { patient, date, newPregnancy, measurements: {} };
  const lmp = row['sidste menstruation'];
  if (lmp)
    visit.terminsberegning = {
      lastMenstrualPeriod: lmp,
      cycleDays: number(row['cyklus (dage)'], 'cyklus') ?? 28,
      certain: yesNo(row['terminsberegning sikker'], 'terminsberegning sikker') ?? true,
    };
  const m = visit.measurements;
  const weight = number(row['vægt (kg)'], 'vægt');
  const sf = number(row['symfyse-fundus (mm)'], 'symfyse-fundus');
  if (weight !== undefined) m.weightKg = weight;
  if (sf !== undefined) m.symphysisFundusMm = sf;
  const bp = /^(\d+)\/(\d+)$/.exec(row['blodtryk'] ?? '');
  if (bp) m.bloodPressure = { systolic: Number(bp[1]), diastolic: Number(bp[2]) };
  const heart = yesNo(row['hjertelyd foster 1'], 'hjertelyd');
  if (heart !== undefined) m.fetalHeartSound = { fetus: '1', heard: heart };
  if (row['UL-termin']) m.ultrasoundDueDate = row['UL-termin'];
  const lifestyle = {
    smokingBefore: yesNo(row['rygning før graviditet'], 'rygning før'),
    smokingDuring: row['rygning under graviditet'] || undefined,
    alcoholBefore: yesNo(row['alkohol før graviditet'], 'alkohol før'),
    alcoholDuring: yesNo(row['alkohol under graviditet'], 'alkohol under'),
    drinksPerWeek: number(row['genstande pr. uge'], 'genstande'),
  };
  const defined = Object.fromEntries(Object.entries(lifestyle).filter(([, v]) => v !== undefined));
  if (Object.keys(defined).length > 0) visit.lifestyle = defined;
  if (row['samlet vurdering'])
    visit.assessment = {
      text: row['samlet vurdering'],
      ...(row['omsorgsniveau'] ? { careLevel: row['omsorgsniveau'] } : {}),
    };
  return visit;
}

/** One shared document as received and read. */
export interface SharedDocument {
  share: PlannedShare;
  submission: Submission;
  read: GmSubmission;
}

// Each checkpoint step asks for the scenario's documents again: a submission is read (CDA through DOM and XPath) once.
// The read is shared by those steps, which only ever read it (none changes a GmSubmission).
const reads = new WeakMap<Submission, GmSubmission>();

function readOnce(submission: Submission): GmSubmission {
  let read = reads.get(submission);
  if (!read) {
    read = readSubmission(submission.bundle);
    reads.set(submission, read);
  }
  return read;
}

export async function sharedDocuments(world: CertbenchWorld): Promise<SharedDocument[]> {
  const outcome = await world.realise();
  return scenarioOf(world).shares.map((share) => {
    const submission = outcome.outputs.get(share.name) as Submission;
    return { share, submission, read: readOnce(submission) };
  });
}

export async function sharesOf(world: CertbenchWorld, kind: DocumentKind): Promise<SharedDocument[]> {
  const all = (await sharedDocuments(world)).filter((d) => d.share.kind === kind);
  if (all.length === 0) throw new Error(`the scenario shares no ${kind} document`);
  return all;
}

export async function latestShare(world: CertbenchWorld, kind: DocumentKind): Promise<SharedDocument> {
  return (await sharesOf(world, kind)).at(-1) as SharedDocument;
}

/** The neutral document of a share; fails the checkpoint when it could not be read at all. */
export function documentOf(shared: SharedDocument): GmDocument {
  const { read } = shared;
  if (!read.read) {
    throw new CheckFailed(
      `the ${shared.share.kind} document could not be read from the submission: ${[...read.unpacked.problems, shared.submission.parseError ?? ''].filter(Boolean).join('; ') || 'the Binary holds neither XML nor JSON'}`,
    );
  }
  const { document, problems } = read.read;
  // A reader that could not find the document at all returns an empty one: judging it would only blur the cause.
  if (document.kind === '' && document.entries.length === 0 && problems.length > 0)
    throw new CheckFailed(`the ${shared.share.kind} document could not be read: ${problems.join('; ')}`);
  return document;
}

/** The visits registered before a share. */
export function visitsBefore(world: CertbenchWorld, share: PlannedShare): RegisteredVisit[] {
  return scenarioOf(world).visits.slice(0, share.visitsBefore);
}
