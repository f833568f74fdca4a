// The entries of each GMv2 document type, from the GP's pregnancy record (PSCR, PMR) or from answers (PRF).
import { danishDateTime } from '../time.ts';
import { GMV2 } from './codes.ts';
import type { GmValue } from './model.ts';
import { latest, type PregnancyRecord, type PregnancyVisit } from './records.ts';
import { quantity, type GmComponentSpec, type GmEntrySpec } from './spec.ts';

const COMPONENT = GMV2.components;
const PSCR_SECTIONS = GMV2.pscrSections;

/**
 * Naegele's rule as Sundhedsstyrelsen's guideline states it: the first day of the last period plus 40 weeks,
 * moved by as many days as the cycle is longer (or shorter) than 28 days. Counted on calendar days in UTC.
 */
export function naegeleDueDate(lastMenstrualPeriod: string, cycleDays: number): string {
  const [y, m, d] = lastMenstrualPeriod.slice(0, 10).split('-').map(Number);
  const due = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 40 * 7 + cycleDays - 28));
  return due.toISOString().slice(0, 10);
}

/** The observation time of a visit: late morning Danish time on the visit date. */
export const visitTime = (date: string): string => danishDateTime(new Date(`${date}T10:00:00Z`));

const bool = (value: boolean): GmValue => ({ type: 'boolean', value });
const text = (value: string): GmValue => ({ type: 'string', value });
const date = (value: string): GmValue => ({ type: 'dateTime', value });

function component(code: string, display: string, value: GmValue | undefined): GmComponentSpec[] {
  return value === undefined ? [] : [{ code, display, value }];
}

/** Vandrejournal: the latest terminsberegning, lifestyle answers and assessment of the pregnancy. */
export function pscrEntries(pregnancy: PregnancyRecord): GmEntrySpec[] {
  const entries: GmEntrySpec[] = [];
  const termin = latest(pregnancy, (v) => v.terminsberegning);
  if (termin) {
    const t = termin.value;
    const c = COMPONENT.terminsberegning;
    entries.push({
      // Stryker disable next-line StringLiteral: the slice name is the reference GP's own label, read only by faults
      slice: 'terminsberegning',
      code: PSCR_SECTIONS.terminsberegning,
      display: 'Terminsberegning',
      effective: visitTime(termin.visit.date),
      components: [
        ...component(c.lastMenstrualPeriod, 'Sidste menstruations 1. dag', date(t.lastMenstrualPeriod)),
        ...component(c.cycleDays, 'Dage i cyklus', text(String(t.cycleDays))),
        ...component(
          c.naegeleDueDate,
          'Naegeles termin',
          date(naegeleDueDate(t.lastMenstrualPeriod, t.cycleDays)),
        ),
        ...component(c.certain, 'Terminsberegning sikker', bool(t.certain)),
      ],
    });
  }
  const life = latest(pregnancy, (v) => v.lifestyle);
  if (life) {
    const l = life.value;
    const effective = visitTime(life.visit.date);
    const tobak = [
      ...component(
        COMPONENT.tobak.smokingBefore,
        'Rygning før graviditet',
        l.smokingBefore === undefined ? undefined : bool(l.smokingBefore),
      ),
      ...component(
        COMPONENT.tobak.smokingDuring,
        'Rygning under graviditet',
        l.smokingDuring === undefined ? undefined : text(l.smokingDuring),
      ),
    ];
    if (tobak.length)
      entries.push({
        // Stryker disable next-line StringLiteral: the slice name is the reference GP's own label, read only by faults
        slice: 'tobak',
        code: PSCR_SECTIONS.tobak,
        display: 'Tobak',
        effective,
        components: tobak,
      });
    const alkohol = [
      ...component(
        COMPONENT.alkohol.before,
        'Alkoholindtag før graviditet',
        l.alcoholBefore === undefined ? undefined : bool(l.alcoholBefore),
      ),
      ...component(
        COMPONENT.alkohol.during,
        'Alkoholindtag under graviditet',
        l.alcoholDuring === undefined ? undefined : bool(l.alcoholDuring),
      ),
      ...component(
        COMPONENT.alkohol.drinksPerWeek,
        'Genstande pr. uge under graviditet',
        l.drinksPerWeek === undefined ? undefined : { type: 'integer', value: l.drinksPerWeek },
      ),
    ];
    if (alkohol.length)
      entries.push({
        // Stryker disable next-line StringLiteral: the slice name is the reference GP's own label, read only by faults
        slice: 'alkohol',
        code: PSCR_SECTIONS.alkohol,
        display: 'Alkohol',
        effective,
        components: alkohol,
      });
  }
  const assessment = latest(pregnancy, (v) => v.assessment);
  if (assessment) {
    const a = assessment.value;
    entries.push({
      // Stryker disable next-line StringLiteral: the slice name is the reference GP's own label, read only by faults
      slice: 'samlet-vurdering',
      code: PSCR_SECTIONS['samlet-vurdering'],
      display: 'Samlet vurdering',
      effective: visitTime(assessment.visit.date),
      components: [
        ...component(
          COMPONENT['samlet-vurdering'].assessment,
          'Vurdering ud fra anamnese, undersøgelser og psykosociale forhold',
          text(a.text),
        ),
        ...component(
          COMPONENT['samlet-vurdering'].careLevel,
          'Omsorgsniveau',
          a.careLevel === undefined ? undefined : text(a.careLevel),
        ),
      ],
    });
  }
  return entries;
}

function visitMeasurements(visit: PregnancyVisit): GmEntrySpec[] {
  const m = visit.measurements;
  const effective = visitTime(visit.date);
  const out: GmEntrySpec[] = [];
  const { weight, symphysisFundus, bloodPressure, ultrasoundDueDate, fetalHeartSound } = GMV2.measurements;
  if (m.weightKg !== undefined)
    out.push({
      slice: weight.slice,
      code: weight.code,
      display: 'Vægt',
      effective,
      value: quantity(m.weightKg, weight.unit, weight.unitCode),
    });
  if (m.symphysisFundusMm !== undefined)
    out.push({
      slice: symphysisFundus.slice,
      code: symphysisFundus.code,
      display: 'Symfyse-fundus-mål',
      effective,
      value: quantity(m.symphysisFundusMm, symphysisFundus.unit, symphysisFundus.unitCode),
    });
  if (m.ultrasoundDueDate !== undefined)
    out.push({
      slice: ultrasoundDueDate.slice,
      code: ultrasoundDueDate.code,
      display: 'UL-bestemt termin',
      effective,
      value: date(m.ultrasoundDueDate),
    });
  if (m.bloodPressure)
    out.push({
      slice: bloodPressure.slice,
      code: bloodPressure.code,
      display: 'Blodtryk',
      effective,
      value: {
        type: 'interval',
        low: { value: m.bloodPressure.diastolic, unit: bloodPressure.unit, unitCode: bloodPressure.unitCode },
        high: { value: m.bloodPressure.systolic, unit: bloodPressure.unit, unitCode: bloodPressure.unitCode },
      },
    });
  if (m.fetalHeartSound)
    out.push({
      slice: fetalHeartSound.slice,
      code: fetalHeartSound.code,
      display: 'Hjertelyd',
      effective,
      fetus: m.fetalHeartSound.fetus,
      value: { type: 'coded', text: m.fetalHeartSound.heard ? 'Hjertelyd hørt' : 'Hjertelyd ikke hørt' },
    });
  return out;
}

/** Målinger: every measurement of every visit of the pregnancy. */
export function pmrEntries(pregnancy: PregnancyRecord): GmEntrySpec[] {
  return pregnancy.visits.flatMap(visitMeasurements);
}
