// The GP's side of the DSJ: the first pregnancy consultation (edit and supplement the pre-filled journal, choose
// the birthplace) and what the DSJ screen shows (observation dsj.record).
import type { GpContext } from '../context.ts';
import { invalid } from '../http/problem.ts';
import { asObject, optionalDate, patientRecord, requiredString, type Input } from '../input.ts';
import { danishDate } from '../time.ts';
import { DSJ_FORM, type DsjValue } from './fields.ts';
import { registerDsjVisit, sharePscr } from './gmv2.ts';
import { dsjRecord, type Birthplace, type DsjFieldValue, type DsjRecord } from './records.ts';

export function readEntries(input: Input): { field: string; value: DsjValue }[] {
  const entries = input['entries'] ?? [];
  if (!Array.isArray(entries)) throw invalid('input.entries must be an array of {field, value}');
  return entries.map((raw, i) => {
    const entry = asObject(raw, `input.entries[${i}]`);
    const field = requiredString(entry, 'field');
    if (!Object.hasOwn(DSJ_FORM, field))
      throw invalid(
        `input.entries[${i}].field "${field}" is not a DSJ field (${Object.keys(DSJ_FORM).join(', ')})`,
      );
    const value = entry['value'];
    if (!['string', 'number', 'boolean'].includes(typeof value))
      throw invalid(`input.entries[${i}].value must be a string, number or boolean`);
    return { field, value: value as DsjValue };
  });
}

/** The GP's entries and corrections become the GP's (her answers stay in the questionnaire as received). */
export function recordEntries(
  ctx: GpContext,
  record: DsjRecord,
  entries: { field: string; value: DsjValue }[],
): void {
  for (const { field, value } of entries) {
    // Fault: a field the questionnaire filled in cannot be changed by the GP.
    if (
      ctx.faults.has('dsj-questionnaire-overrides-gp') &&
      record.fields.get(field)?.source === 'questionnaire'
    )
      continue;
    record.fields.set(field, { value, source: 'gp' });
  }
}

function readBirthplace(input: Input): Birthplace {
  const b = asObject(input['birthplace'], 'input.birthplace');
  return {
    ean: requiredString(b, 'ean'),
    shak: requiredString(b, 'shak'),
    name: requiredString(b, 'name'),
    department: requiredString(b, 'department'),
  };
}

/** The consultation date (YYYY-MM-DD), today when not given. */
function consultationDate(ctx: GpContext, input: Input): string {
  return optionalDate(input, 'date') ?? danishDate(ctx.clock());
}

export function firstConsultation(ctx: GpContext, input: Input): Record<string, unknown> {
  const patient = patientRecord(ctx.state, input['patient']);
  const record = dsjRecord(ctx.state, patient.patient.cpr);
  const entries = readEntries(input);
  record.birthplace = readBirthplace(input);
  recordEntries(ctx, record, entries);
  const date = consultationDate(ctx, input);
  record.firstConsultation = date;
  registerDsjVisit(ctx, patient, record, date);
  return { fields: record.fields.size };
}

/** A later pregnancy consultation: the GP updates the DSJ, and the Vandrejournal is shared as a new version. */
export async function laterConsultation(ctx: GpContext, input: Input): Promise<Record<string, unknown>> {
  const patient = patientRecord(ctx.state, input['patient']);
  const record = ctx.state.dsj.get(patient.patient.cpr);
  if (!record?.firstConsultation)
    throw invalid(`patient ${patient.patient.cpr} has no DSJ: hold the first consultation first`);
  recordEntries(ctx, record, readEntries(input));
  // Fault: the consultation is kept in the DSJ but never reaches the pregnancy record the Vandrejournal is made from.
  // Fault: every consultation opens a new pregnancy, so the Vandrejournal starts over instead of a new version.
  const opensNew = ctx.faults.has('dsj-consultation-opens-new-pregnancy');
  if (!ctx.faults.has('dsj-pscr-not-updated'))
    registerDsjVisit(ctx, patient, record, consultationDate(ctx, input), opensNew);
  await sharePscr(ctx, patient);
  return { fields: record.fields.size };
}

export function observeDsj(ctx: GpContext, cpr: string | undefined): unknown {
  const patient = patientRecord(ctx.state, cpr);
  const record = ctx.state.dsj.get(patient.patient.cpr);
  return {
    patient: patient.patient.cpr,
    fields: [...(record?.fields ?? new Map<string, DsjFieldValue>())].map(([field, v]) => ({
      field,
      label: DSJ_FORM[field]?.label ?? field,
      value: v.value,
      source: v.source,
    })),
    ...(record?.birthplace ? { birthplace: record.birthplace } : {}),
  };
}
