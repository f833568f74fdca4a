// pregnancy.register-visit: the GP records a svangreundersøgelse (visit) in the pregnancy record.
import { randomUUID } from 'node:crypto';
import type { GpContext } from '../context.ts';
import { invalid } from '../http/problem.ts';
import { asObject, optionalString, patientRecord, requiredString, type Input } from '../input.ts';
import { isCalendarDate } from '../time.ts';
import type {
  Assessment,
  Lifestyle,
  Measurements,
  PregnancyRecord,
  PregnancyVisit,
  Terminsberegning,
} from './records.ts';

function date(value: unknown, what: string): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw invalid(`${what} must be a date YYYY-MM-DD`);
  return value;
}
function num(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${what} must be a number`);
  return value;
}
function bool(value: unknown, what: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw invalid(`${what} must be true or false`);
  return value;
}

function terminsberegning(value: unknown): Terminsberegning | undefined {
  if (value === undefined) return undefined;
  const t = asObject(value, 'input.terminsberegning');
  const cycleDays = num(t['cycleDays'], 'input.terminsberegning.cycleDays') ?? 28;
  if (!Number.isInteger(cycleDays) || cycleDays < 20 || cycleDays > 45)
    throw invalid('input.terminsberegning.cycleDays must be a whole number of days, 20 to 45');
  return {
    lastMenstrualPeriod: date(t['lastMenstrualPeriod'], 'input.terminsberegning.lastMenstrualPeriod'),
    cycleDays,
    certain: bool(t['certain'], 'input.terminsberegning.certain') ?? true,
  };
}

function measurements(value: unknown): Measurements {
  if (value === undefined) return {};
  const m = asObject(value, 'input.measurements');
  const bp =
    m['bloodPressure'] === undefined
      ? undefined
      : asObject(m['bloodPressure'], 'input.measurements.bloodPressure');
  const heart =
    m['fetalHeartSound'] === undefined
      ? undefined
      : asObject(m['fetalHeartSound'], 'input.measurements.fetalHeartSound');
  const out: Measurements = {};
  const weight = num(m['weightKg'], 'input.measurements.weightKg');
  const sf = num(m['symphysisFundusMm'], 'input.measurements.symphysisFundusMm');
  if (weight !== undefined) out.weightKg = weight;
  if (sf !== undefined) out.symphysisFundusMm = sf;
  if (bp) {
    const systolic = num(bp['systolic'], 'input.measurements.bloodPressure.systolic');
    const diastolic = num(bp['diastolic'], 'input.measurements.bloodPressure.diastolic');
    if (systolic === undefined || diastolic === undefined)
      throw invalid('input.measurements.bloodPressure needs systolic and diastolic');
    out.bloodPressure = { systolic, diastolic };
  }
  if (heart) {
    const heard = bool(heart['heard'], 'input.measurements.fetalHeartSound.heard');
    if (heard === undefined) throw invalid('input.measurements.fetalHeartSound.heard is required');
    out.fetalHeartSound = { fetus: typeof heart['fetus'] === 'string' ? heart['fetus'] : '1', heard };
  }
  if (m['ultrasoundDueDate'] !== undefined)
    out.ultrasoundDueDate = date(m['ultrasoundDueDate'], 'input.measurements.ultrasoundDueDate');
  return out;
}

function lifestyle(value: unknown): Lifestyle | undefined {
  if (value === undefined) return undefined;
  const l = asObject(value, 'input.lifestyle');
  const out: Lifestyle = {};
  const set = <K extends keyof Lifestyle>(key: K, v: Lifestyle[K] | undefined) => {
    if (v !== undefined) out[key] = v;
  };
  set('smokingBefore', bool(l['smokingBefore'], 'input.lifestyle.smokingBefore'));
  set('smokingDuring', optionalString(l, 'smokingDuring'));
  set('alcoholBefore', bool(l['alcoholBefore'], 'input.lifestyle.alcoholBefore'));
  set('alcoholDuring', bool(l['alcoholDuring'], 'input.lifestyle.alcoholDuring'));
  const drinks = num(l['drinksPerWeek'], 'input.lifestyle.drinksPerWeek');
  if (drinks !== undefined && (!Number.isInteger(drinks) || drinks < 0))
    throw invalid('input.lifestyle.drinksPerWeek must be a whole number ≥ 0');
  set('drinksPerWeek', drinks);
  return out;
}

function assessment(value: unknown): Assessment | undefined {
  if (value === undefined) return undefined;
  const a = asObject(value, 'input.assessment');
  const careLevel = optionalString(a, 'careLevel');
  return { text: requiredString(a, 'text'), ...(careLevel ? { careLevel } : {}) };
}

/** The patient's pregnancies, oldest first. */
export function pregnanciesOf(ctx: GpContext, cpr: string): PregnancyRecord[] {
  let list = ctx.state.pregnancies.get(cpr);
  if (!list) {
    list = [];
    ctx.state.pregnancies.set(cpr, list);
  }
  return list;
}

export function registerVisit(ctx: GpContext, input: Input): Record<string, unknown> {
  const record = patientRecord(ctx.state, input['patient']);
  if (record.patient.gender !== 'female') throw invalid(`patient ${record.patient.cpr} is not a woman`);
  const pregnancies = pregnanciesOf(ctx, record.patient.cpr);
  const newPregnancy = bool(input['newPregnancy'], 'input.newPregnancy') ?? false;
  if (newPregnancy || pregnancies.length === 0)
    pregnancies.push({ id: randomUUID(), visits: [], shared: [] });
  const pregnancy = pregnancies.at(-1) as PregnancyRecord;
  const visit: PregnancyVisit = {
    id: randomUUID(),
    date: date(input['visitDate'], 'input.visitDate'),
    measurements: measurements(input['measurements']),
  };
  const t = terminsberegning(input['terminsberegning']);
  const l = lifestyle(input['lifestyle']);
  const a = assessment(input['assessment']);
  if (t) visit.terminsberegning = t;
  if (l) visit.lifestyle = l;
  if (a) visit.assessment = a;
  pregnancy.visits.push(visit);
  return { visitId: visit.id, pregnancyId: pregnancy.id };
}
