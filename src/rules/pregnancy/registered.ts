// What the GP registered at pregnancy visits (as a protocol's scenario states it), the automation input for it,
// and the content a GMv2 document must then carry.
import { COMPONENT, MEASUREMENT } from './codes.ts';
import { naegeleDueDate, type ExpectedComponent } from './content-rules.ts';
import type { GmValue } from './model.ts';

export interface RegisteredVisit {
  patient: string;
  date: string;
  newPregnancy: boolean;
  terminsberegning?: { lastMenstrualPeriod: string; cycleDays: number; certain: boolean };
  measurements: {
    weightKg?: number;
    symphysisFundusMm?: number;
    bloodPressure?: { systolic: number; diastolic: number };
    fetalHeartSound?: { fetus: string; heard: boolean };
    ultrasoundDueDate?: string;
  };
  lifestyle?: {
    smokingBefore?: boolean;
    smokingDuring?: string;
    alcoholBefore?: boolean;
    alcoholDuring?: boolean;
    drinksPerWeek?: number;
  };
  assessment?: { text: string; careLevel?: string };
}

/** The `pregnancy.register-visit` input (api/automation-api.openapi.yaml RegisterPregnancyVisit). */
export function visitInput(visit: RegisteredVisit): Record<string, unknown> {
  return {
    patient: visit.patient,
    visitDate: visit.date,
    ...(visit.newPregnancy ? { newPregnancy: true } : {}),
    ...(visit.terminsberegning ? { terminsberegning: visit.terminsberegning } : {}),
    measurements: visit.measurements,
    ...(visit.lifestyle ? { lifestyle: visit.lifestyle } : {}),
    ...(visit.assessment ? { assessment: visit.assessment } : {}),
  };
}

/** The visits of the current (last) pregnancy. */
export function currentPregnancy(visits: readonly RegisteredVisit[]): RegisteredVisit[] {
  const start = visits.map((v, i) => (v.newPregnancy ? i : 0)).reduce((a, b) => Math.max(a, b), 0);
  return visits.slice(start);
}

function latest<T>(
  visits: readonly RegisteredVisit[],
  pick: (v: RegisteredVisit) => T | undefined,
): T | undefined {
  for (const v of [...visits].reverse()) {
    const value = pick(v);
    if (value !== undefined) return value;
  }
  return undefined;
}

const date = (value: string): GmValue => ({ type: 'dateTime', value });
const bool = (value: boolean): GmValue => ({ type: 'boolean', value });
const text = (value: string): GmValue => ({ type: 'string', value });

export function expectedTerminsberegning(visits: readonly RegisteredVisit[]): {
  registered: ExpectedComponent[];
  naegele: ExpectedComponent[];
} {
  const t = latest(visits, (v) => v.terminsberegning);
  if (!t) return { registered: [], naegele: [] };
  const c = COMPONENT.terminsberegning;
  return {
    registered: [
      {
        name: 'sidste menstruations 1. dag',
        code: c.lastMenstrualPeriod,
        value: date(t.lastMenstrualPeriod),
      },
      { name: 'dage i cyklus', code: c.cycleDays, value: text(String(t.cycleDays)) },
      { name: 'terminsberegning sikker', code: c.certain, value: bool(t.certain) },
    ],
    naegele: [
      {
        name: 'Naegeles termin',
        code: c.naegeleDueDate,
        value: date(naegeleDueDate(t.lastMenstrualPeriod, t.cycleDays)),
      },
    ],
  };
}

export function expectedLifestyle(visits: readonly RegisteredVisit[]): {
  tobak: ExpectedComponent[];
  alkohol: ExpectedComponent[];
} {
  const l = latest(visits, (v) => v.lifestyle) ?? {};
  const tobak: ExpectedComponent[] = [];
  const alkohol: ExpectedComponent[] = [];
  if (l.smokingBefore !== undefined)
    tobak.push({
      name: 'rygning før graviditet',
      code: COMPONENT.tobak.smokingBefore,
      value: bool(l.smokingBefore),
    });
  if (l.smokingDuring !== undefined)
    tobak.push({
      name: 'rygning under graviditet',
      code: COMPONENT.tobak.smokingDuring,
      value: text(l.smokingDuring),
    });
  if (l.alcoholBefore !== undefined)
    alkohol.push({
      name: 'alkohol før graviditet',
      code: COMPONENT.alkohol.before,
      value: bool(l.alcoholBefore),
    });
  if (l.alcoholDuring !== undefined)
    alkohol.push({
      name: 'alkohol under graviditet',
      code: COMPONENT.alkohol.during,
      value: bool(l.alcoholDuring),
    });
  if (l.drinksPerWeek !== undefined)
    alkohol.push({
      name: 'genstande pr. uge',
      code: COMPONENT.alkohol.drinksPerWeek,
      value: { type: 'integer', value: l.drinksPerWeek },
    });
  return { tobak, alkohol };
}

export function expectedAssessment(visits: readonly RegisteredVisit[]): ExpectedComponent[] {
  const a = latest(visits, (v) => v.assessment);
  if (!a) return [];
  const c = COMPONENT['samlet-vurdering'];
  return [
    { name: 'samlet vurdering', code: c.assessment, value: text(a.text) },
    ...(a.careLevel ? [{ name: 'omsorgsniveau', code: c.careLevel, value: text(a.careLevel) }] : []),
  ];
}

export interface ExpectedMeasurement {
  name: string;
  code: string;
  value: GmValue;
}

/** Every measurement registered at the given visits. */
export function expectedMeasurements(visits: readonly RegisteredVisit[]): ExpectedMeasurement[] {
  return visits.flatMap((v) => {
    const m = v.measurements;
    const out: ExpectedMeasurement[] = [];
    if (m.weightKg !== undefined)
      out.push({
        name: `vægt ${v.date}`,
        code: MEASUREMENT.weight.code,
        value: { type: 'quantity', quantity: { value: m.weightKg, unit: 'kg' } },
      });
    if (m.symphysisFundusMm !== undefined)
      out.push({
        name: `symfyse-fundus ${v.date}`,
        code: MEASUREMENT.symphysisFundus.code,
        value: { type: 'quantity', quantity: { value: m.symphysisFundusMm, unit: 'mm' } },
      });
    if (m.ultrasoundDueDate !== undefined)
      out.push({
        name: `UL-termin ${v.date}`,
        code: MEASUREMENT.ultrasoundDueDate.code,
        value: date(m.ultrasoundDueDate),
      });
    if (m.bloodPressure)
      out.push({
        name: `blodtryk ${v.date}`,
        code: MEASUREMENT.bloodPressure.code,
        value: {
          type: 'interval',
          low: { value: m.bloodPressure.diastolic, unit: 'mmHg' },
          high: { value: m.bloodPressure.systolic, unit: 'mmHg' },
        },
      });
    return out;
  });
}
