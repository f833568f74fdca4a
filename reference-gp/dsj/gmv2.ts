// The DSJ's coupling to Graviditetsmappen v2, built on the pregnancy foundation (reference-gp/pregnancy/): each
// DSJ consultation is a visit of the pregnancy record; sending the DSJ shares the svangerskabsjournal (PRF) and the
// first Vandrejournal (PSCR); every later consultation shares a new version of the Vandrejournal.
import type { GpContext } from '../context.ts';
import { invalid } from '../http/problem.ts';
import type { PatientRecord } from '../state.ts';
import { danishDateTime } from '../time.ts';
import { GMV2, type DocumentFormat } from '../pregnancy/codes.ts';
import { visitTime } from '../pregnancy/entries.ts';
import { pregnanciesOf, registerVisit } from '../pregnancy/register.ts';
import { nextVersion, shareCurrentPregnancy } from '../pregnancy/share.ts';
import { quantity, type GmComponentSpec } from '../pregnancy/spec.ts';
import { submitGmDocument, type GmSubmitHooks } from '../pregnancy/submit.ts';
import { prfEntries, type PrfAnswers } from './prf-entries.ts';
import type { DsjRecord } from './records.ts';

/**
 * The format of the DSJ's GMv2 documents: the Vandrejournal/Målinger protocol's variant where the system runs as
 * one (the same documents), else this protocol's own variant, else CDA (the national format).
 */
export function dsjFormat(ctx: GpContext): DocumentFormat {
  const variant = (protocol: string) => ctx.variants[protocol] ?? ctx.session?.variants?.[protocol];
  return (variant('vandrejournal-maalinger') ?? variant('dsj-gmv2')) === 'fhir' ? 'fhir' : 'cda';
}

const numberOf = (record: DsjRecord, field: string) => {
  const value = record.fields.get(field)?.value;
  return typeof value === 'number' ? value : undefined;
};
const textOf = (record: DsjRecord, field: string) => {
  const value = record.fields.get(field)?.value;
  return value === undefined ? undefined : String(value);
};

/** Registers a DSJ consultation as a visit of the pregnancy, in the pregnancy record's own terms. */
export function registerDsjVisit(
  ctx: GpContext,
  patient: PatientRecord,
  record: DsjRecord,
  date: string,
  newPregnancy = false,
): void {
  const lmp = textOf(record, 'sidste-menstruation');
  const smoking = record.fields.get('tobak')?.value;
  // Fault: the Vandrejournal takes the woman's alcohol answer, not the GP's correction.
  const drinks = ctx.faults.has('dsj-pscr-stale-alcohol')
    ? Number(record.questionnaire.find((q) => q.field === 'alkohol')?.value)
    : numberOf(record, 'alkohol');
  const assessment = textOf(record, 'samlet-vurdering');
  const bp = /^(\d{2,3})\/(\d{2,3})$/.exec(textOf(record, 'blodtryk') ?? '');
  registerVisit(ctx, {
    patient: patient.patient.cpr,
    visitDate: date,
    newPregnancy,
    // The DSJ asks for the first day of the last period only: the pregnancy record's defaults (a 28-day cycle, a
    // certain calculation) hold.
    ...(lmp ? { terminsberegning: { lastMenstrualPeriod: lmp } } : {}),
    lifestyle: {
      // Fault: the smoking answer does not reach the Vandrejournal.
      // Fault: a woman who smokes is recorded as a non-smoker.
      ...(typeof smoking === 'boolean' && !ctx.faults.has('dsj-pscr-without-smoking')
        ? { smokingDuring: smoking && !ctx.faults.has('dsj-pscr-smoker-as-non-smoker') ? 'ja' : 'nej' }
        : {}),
      // Fault: 0 drinks still count as drinking.
      ...(drinks !== undefined
        ? { alcoholDuring: drinks > 0 || ctx.faults.has('dsj-pscr-drinking-at-zero'), drinksPerWeek: drinks }
        : {}),
    },
    ...(assessment ? { assessment: { text: assessment } } : {}),
    ...(bp ? { measurements: { bloodPressure: { systolic: Number(bp[1]), diastolic: Number(bp[2]) } } } : {}),
  });
}

/** The PRF components the DSJ knows: physical data and language; the other sections are present but empty. */
function prfAnswers(record: DsjRecord): PrfAnswers {
  const height = numberOf(record, 'hoejde');
  const weight = numberOf(record, 'vaegt-foer-graviditet');
  const language = textOf(record, 'sprog');
  const physical: GmComponentSpec[] = [
    ...(height !== undefined
      ? [{ code: GMV2.components['fysiske-data'].height, display: 'Højde', value: quantity(height, 'cm') }]
      : []),
    ...(weight !== undefined
      ? [
          {
            code: GMV2.components['fysiske-data'].weightAtStart,
            display: 'Vægt ved graviditetens start',
            value: quantity(weight, 'kg'),
          },
        ]
      : []),
  ];
  return {
    'familiehistorie-arvelige-sygdomme': [],
    fertilitetsbehandling: [],
    'fysiske-data': physical,
    konsangvinitet: [],
    'praenatal-risikovurderingsoenskes': [],
    'praenatal-ultralyd': [],
    'psykisk-sygdom-af-relevans': [],
    'social-saarbarhed-af-relevans': [],
    'somatisk-sygdom': [],
    sprog: language
      ? [
          {
            code: GMV2.components.sprog.language,
            display: 'Sprog',
            value: { type: 'string', value: language },
          },
        ]
      : [],
    'tidligere-operation-af-relevans': [],
  };
}

function currentPregnancy(ctx: GpContext, patient: PatientRecord) {
  const pregnancy = pregnanciesOf(ctx, patient.patient.cpr).at(-1);
  if (!pregnancy) throw invalid(`patient ${patient.patient.cpr} has no DSJ consultation yet`);
  return pregnancy;
}

/** Shares the svangerskabsjournal (PRF) of the first consultation. */
export async function sharePrf(
  ctx: GpContext,
  patient: PatientRecord,
  record: DsjRecord,
  date: string,
): Promise<void> {
  const pregnancy = currentPregnancy(ctx, patient);
  const { faults } = ctx;
  const previous = pregnancy.shared.filter((s) => s.kind === 'PRF').at(-1);
  const spec = nextVersion(
    'PRF',
    patient.patient,
    prfEntries(prfAnswers(record), visitTime(date)),
    danishDateTime(ctx.clock()),
    previous,
  );
  const hooks: GmSubmitHooks = {
    // Fault: the svangerskabsjournal is never shared.
    send: !faults.has('dsj-prf-not-shared'),
    spec: (s) => {
      // Fault: the svangerskabsjournal is typed as a Vandrejournal.
      if (faults.has('dsj-prf-typed-as-pscr')) s.kind = 'PSCR';
      // Fault: a mandatory PRF section is left out.
      if (faults.has('dsj-prf-section-missing'))
        s.entries = s.entries.filter((e) => e.slice !== 'konsangvinitet');
      // Fault: the physical data section is sent without height and weight.
      if (faults.has('dsj-prf-physical-data-empty'))
        for (const e of s.entries) if (e.slice === 'fysiske-data') e.components = [];
    },
  };
  // Fault: a svangerskabsjournal shared again is a new original, not the next version of the first.
  const replaces = previous && !faults.has('dsj-prf-resent-as-new-document');
  pregnancy.shared.push(
    await submitGmDocument(ctx, { spec, format: dsjFormat(ctx), ...(replaces ? { previous } : {}), hooks }),
  );
}

/** Shares the Vandrejournal (PSCR) as it stands, as the next version of the pregnancy's PSCR. */
export async function sharePscr(ctx: GpContext, patient: PatientRecord): Promise<void> {
  // Fault: no Vandrejournal is ever shared.
  if (ctx.faults.has('dsj-pscr-not-shared')) return;
  await shareCurrentPregnancy(ctx, patient.patient, ['PSCR'], dsjFormat(ctx));
}
