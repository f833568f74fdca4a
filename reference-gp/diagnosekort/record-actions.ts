// The GP's edits of the patient record: register, update, deselect and delete diagnoses.
import { randomUUID } from 'node:crypto';
import type { GpContext } from '../context.ts';
import { invalid } from '../http/problem.ts';
import {
  asObject,
  optionalDate,
  optionalEnum,
  optionalString,
  patientRecord,
  requiredEnum,
  requiredString,
  type Input,
} from '../input.ts';
import {
  findDiagnosis,
  ICPC_2,
  SKS_D,
  type Diagnosis,
  type DiagnosisCode,
  type DiagnosisStatus,
  type DiagnosisType,
  type PatientRecord,
} from '../state.ts';
import { danishDate, danishDateTime } from '../time.ts';

const TYPES: readonly DiagnosisType[] = ['problem-list-item', 'encounter-diagnosis'];
const STATUSES: readonly DiagnosisStatus[] = ['current', 'resolved'];
const CODE_SYSTEMS: readonly string[] = [SKS_D, ICPC_2];

function parseCodes(value: unknown): DiagnosisCode[] {
  if (!Array.isArray(value) || value.length === 0) throw invalid('input.codes must be a non-empty array');
  const codes = value.map((item, index): DiagnosisCode => {
    const coding = asObject(item, `input.codes[${index}]`);
    const system = coding['system'];
    if (typeof system !== 'string' || !CODE_SYSTEMS.includes(system)) {
      throw invalid(`input.codes[${index}].system must be SKS-D (${SKS_D}) or ICPC-2 (${ICPC_2})`);
    }
    const code = requiredString(coding, 'code');
    if (/\s/.test(code)) throw invalid(`input.codes[${index}].code must not contain spaces`);
    const display = optionalString(coding, 'display');
    return { system: system as DiagnosisCode['system'], code, ...(display === undefined ? {} : { display }) };
  });
  if (new Set(codes.map((c) => c.system)).size !== codes.length) {
    throw invalid('input.codes may hold at most one code per code system');
  }
  return codes;
}

/**
 * The date rules a GP system enforces when a diagnosis is entered. Onset may not lie in the future (it would be
 * after the registration); an abatement date may, as the GP can record a planned end.
 */
function checkDates(d: { status: DiagnosisStatus; onset?: string; abatement?: string }, today: string): void {
  if (d.onset !== undefined && d.onset > today) throw invalid(`onset ${d.onset} lies in the future`);
  if (d.abatement === undefined) return;
  if (d.status !== 'resolved') throw invalid('an abatement date requires status resolved');
  if (d.onset !== undefined && d.abatement < d.onset) {
    throw invalid(`abatement ${d.abatement} lies before onset ${d.onset}`);
  }
}

function diagnosisOf(ctx: GpContext, input: Input): { record: PatientRecord; diagnosis: Diagnosis } {
  const record = patientRecord(ctx.state, input['patient']);
  const id = requiredString(input, 'diagnosisId');
  const diagnosis = findDiagnosis(record, id);
  if (!diagnosis) throw invalid(`diagnosis ${id} is not in the record of patient ${record.patient.cpr}`);
  return { record, diagnosis };
}

export function registerDiagnosis(ctx: GpContext, input: Input): Record<string, unknown> {
  const record = patientRecord(ctx.state, input['patient']);
  const codes = parseCodes(input['codes']);
  const text = requiredString(input, 'text');
  const type = requiredEnum(input, 'type', TYPES);
  const status = requiredEnum(input, 'status', STATUSES);
  const onset = optionalDate(input, 'onset');
  const abatement = optionalDate(input, 'abatement');
  const note = optionalString(input, 'note');
  const instant = ctx.clock();
  checkDates({ status, onset, abatement }, danishDate(instant));
  const recordedDate = danishDateTime(instant);
  const diagnosis: Diagnosis = {
    id: randomUUID(),
    identifier: randomUUID(),
    codes,
    text,
    type,
    status,
    ...(onset === undefined ? {} : { onset }),
    ...(abatement === undefined ? {} : { abatement }),
    ...(note === undefined ? {} : { note }),
    recordedDate,
    lastChanged: recordedDate,
    selected: true,
    deleted: false,
  };
  record.diagnoses.push(diagnosis);
  return { diagnosisId: diagnosis.id, recordedDate };
}

export function updateDiagnosis(ctx: GpContext, input: Input): Record<string, unknown> {
  const { diagnosis } = diagnosisOf(ctx, input);
  const status = optionalEnum(input, 'status', STATUSES);
  const type = optionalEnum(input, 'type', TYPES);
  const abatement = optionalDate(input, 'abatement');
  if (status === undefined && type === undefined && abatement === undefined) {
    throw invalid('nothing to update: give status, type and/or abatement');
  }
  const nextStatus = status ?? diagnosis.status;
  // A diagnosis made current again is no longer abated.
  const nextAbatement = abatement ?? (nextStatus === 'current' ? undefined : diagnosis.abatement);
  const instant = ctx.clock();
  checkDates({ status: nextStatus, onset: diagnosis.onset, abatement: nextAbatement }, danishDate(instant));
  // Fault: the change is acknowledged (and timestamped) but the new status never reaches the record.
  if (!ctx.faults.has('ignore-status-update')) {
    diagnosis.status = nextStatus;
    if (nextAbatement === undefined) delete diagnosis.abatement;
    else diagnosis.abatement = nextAbatement;
  }
  if (type !== undefined) diagnosis.type = type;
  diagnosis.lastChanged = danishDateTime(instant);
  return { diagnosisId: diagnosis.id, changedAt: diagnosis.lastChanged };
}

export function deselectDiagnosis(ctx: GpContext, input: Input): Record<string, unknown> {
  const { diagnosis } = diagnosisOf(ctx, input);
  if (diagnosis.selected) {
    diagnosis.selected = false;
    diagnosis.lastChanged = danishDateTime(ctx.clock());
  }
  return { diagnosisId: diagnosis.id, changedAt: diagnosis.lastChanged };
}

export function deleteDiagnosis(ctx: GpContext, input: Input): Record<string, unknown> {
  const { diagnosis } = diagnosisOf(ctx, input);
  diagnosis.deleted = true;
  diagnosis.lastChanged = danishDateTime(ctx.clock());
  return { diagnosisId: diagnosis.id, changedAt: diagnosis.lastChanged };
}

/** What the GP sees on the patient's Diagnosekort (tillægstekst included: it is shown locally, not shared). */
export function observeDiagnoses(ctx: GpContext, cpr: unknown): unknown[] {
  const record = patientRecord(ctx.state, cpr);
  return record.diagnoses
    .filter((d) => d.selected && !d.deleted)
    .map((d) => ({
      diagnosisId: d.id,
      codes: d.codes,
      text: d.text,
      type: d.type,
      status: ctx.faults.has('view-shows-resolved-as-current') ? 'current' : d.status,
      ...(d.onset === undefined ? {} : { onset: d.onset }),
      ...(d.abatement === undefined ? {} : { abatement: d.abatement }),
      ...(d.note === undefined ? {} : { note: d.note }),
      recordedDate: d.recordedDate,
      lastChanged: d.lastChanged,
    }));
}
