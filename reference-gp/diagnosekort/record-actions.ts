// The GP's edits of the patient record: choose the clinic, register, update, put on / take off the Diagnosekort
// and delete diagnoses.
import { randomUUID } from 'node:crypto';
import type { GpContext } from '../context.ts';
import { invalid } from '../http/problem.ts';
import {
  asObject,
  optionalBoolean,
  optionalEnum,
  optionalMoment,
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
import type { ClinicKey } from '../test-data.ts';
import { compareMoments, danishDateTime } from '../time.ts';

const TYPES: readonly DiagnosisType[] = ['problem-list-item', 'encounter-diagnosis'];
const STATUSES: readonly DiagnosisStatus[] = ['current', 'resolved'];
const CLINIC_KEYS: readonly ClinicKey[] = ['previous', 'current'];
const CODE_SYSTEMS: readonly string[] = [SKS_D, ICPC_2];

/** A code or display as registered: any non-blank text, kept exactly (historical codes such as "D B001"). */
function optionalText(entry: Input, key: string, where: string): string | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw invalid(`${where}.${key} must be a non-empty string`);
  return value;
}

function parseCode(item: unknown, where: string): DiagnosisCode {
  const entry = asObject(item, where);
  const system = entry['system'];
  if (typeof system !== 'string' || !CODE_SYSTEMS.includes(system)) {
    throw invalid(`${where}.system must be SKS-D (${SKS_D}) or ICPC-2 (${ICPC_2})`);
  }
  // Codes are not checked against SKS-D/ICPC-2: incomplete historical codes must be shared as they are.
  const code = optionalText(entry, 'code', where);
  const display = optionalText(entry, 'display', where);
  if (code === undefined && display === undefined) throw invalid(`${where} needs a code, a display or both`);
  return { system: system as DiagnosisCode['system'], code, display };
}

function parseCodes(value: unknown): DiagnosisCode[] {
  if (!Array.isArray(value) || value.length > 2) {
    throw invalid(
      'input.codes must be an array of at most two entries (one SKS-D, one ICPC-2; empty for none)',
    );
  }
  const codes = value.map((item, index) => parseCode(item, `input.codes[${index}]`));
  if (new Set(codes.map((c) => c.system)).size !== codes.length) {
    throw invalid('input.codes may hold at most one entry per code system');
  }
  return codes;
}

/**
 * The date rules a GP system enforces when a diagnosis is entered. Onset may not lie after the registration (so
 * never in the future); an abatement date may, as the GP can record a planned end, but only for a resolved
 * diagnosis and never before the onset. Refusals of the automation API's input, one guard each.
 */
function checkDates(
  status: DiagnosisStatus,
  onset: string | undefined,
  abatement: string | undefined,
  recorded: string,
): void {
  if (onset !== undefined && compareMoments(onset, recorded) > 0)
    throw invalid(`onset ${onset} lies after the registration (${recorded})`);
  if (abatement !== undefined && status !== 'resolved')
    throw invalid('an abatement date requires status resolved');
  if (abatement !== undefined && onset !== undefined && compareMoments(abatement, onset) < 0)
    throw invalid(`abatement ${abatement} lies before onset ${onset}`);
}

/** Records a change; it changes the Diagnosekort (Composition.date) when the diagnosis was or is on the card. */
function touch(diagnosis: Diagnosis, at: string, wasOrIsOnCard: boolean): void {
  diagnosis.lastChanged = at;
  if (wasOrIsOnCard) diagnosis.cardChanged = at;
}

function diagnosisOf(ctx: GpContext, input: Input): { record: PatientRecord; diagnosis: Diagnosis } {
  const record = patientRecord(ctx.state, input['patient']);
  const id = requiredString(input, 'diagnosisId');
  const diagnosis = findDiagnosis(record, id);
  if (!diagnosis) {
    throw invalid(
      `diagnosis ${id} is not in the record of patient ${record.patient.cpr} at the ${record.clinic} clinic`,
    );
  }
  return { record, diagnosis };
}

const changed = (d: Diagnosis) => ({ diagnosisId: d.id, changedAt: d.lastChanged });

/** The GP works in this clinic from now on, and the patient belongs to it. */
export function selectClinic(ctx: GpContext, input: Input): Record<string, unknown> {
  const record = patientRecord(ctx.state, input['patient']);
  record.clinic = requiredEnum(input, 'clinic', CLINIC_KEYS);
  return { clinic: record.clinic };
}

export function registerDiagnosis(ctx: GpContext, input: Input): Record<string, unknown> {
  const record = patientRecord(ctx.state, input['patient']);
  if (input['codes'] === undefined) throw invalid('input.codes is required (an empty array for no codes)');
  const codes = parseCodes(input['codes']);
  const type = optionalEnum(input, 'type', TYPES);
  const status = requiredEnum(input, 'status', STATUSES);
  const onset = optionalMoment(input, 'onset');
  const abatement = optionalMoment(input, 'abatement');
  const note = optionalString(input, 'note');
  const backdated = optionalMoment(input, 'recordedDate');
  const onCard = optionalBoolean(input, 'onCard') ?? true;
  const isPrivate = optionalBoolean(input, 'private') ?? false;
  const now = danishDateTime(ctx.clock());
  if (backdated !== undefined && compareMoments(backdated, now) > 0) {
    throw invalid(`recordedDate ${backdated} lies in the future`);
  }
  const recordedDate = backdated ?? now;
  checkDates(status, onset, abatement, recordedDate);
  const diagnosis: Diagnosis = {
    id: randomUUID(),
    identifier: randomUUID(),
    clinic: record.clinic,
    codes,
    type,
    status,
    onset,
    abatement,
    note,
    recordedDate,
    lastChanged: now,
    onCard,
    private: isPrivate,
    deleted: false,
  };
  touch(diagnosis, now, onCard);
  record.diagnoses.push(diagnosis);
  return { diagnosisId: diagnosis.id, recordedDate };
}

/** Each given code entry replaces the entry of the same system (or is added); the others stay. */
function mergeCodes(current: readonly DiagnosisCode[], given: readonly DiagnosisCode[]): DiagnosisCode[] {
  const merged = current.map((c) => given.find((g) => g.system === c.system) ?? c);
  return merged.concat(given.filter((g) => !current.some((c) => c.system === g.system)));
}

export function updateDiagnosis(ctx: GpContext, input: Input): Record<string, unknown> {
  const { diagnosis } = diagnosisOf(ctx, input);
  const status = optionalEnum(input, 'status', STATUSES);
  const type = optionalEnum(input, 'type', TYPES);
  // null deletes the abatement date (protocol 3.3.5.1: "Delete (if possible) abatementDateTime").
  const abatement = input['abatement'] === null ? null : optionalMoment(input, 'abatement');
  const codes = input['codes'] === undefined ? undefined : parseCodes(input['codes']);
  const isPrivate = optionalBoolean(input, 'private');
  if (codes?.length === 0) throw invalid('input.codes must hold the code entries to change');
  if ([status, type, abatement, codes, isPrivate].every((v) => v === undefined)) {
    throw invalid('nothing to update: give status, type, abatement, codes and/or private');
  }
  const nextStatus = status ?? diagnosis.status;
  // A diagnosis made current again is no longer abated.
  const nextAbatement =
    abatement === null
      ? undefined
      : (abatement ?? (nextStatus === 'current' ? undefined : diagnosis.abatement));
  checkDates(nextStatus, diagnosis.onset, nextAbatement, diagnosis.recordedDate);
  const { faults } = ctx;
  // Fault: the change is acknowledged (and timestamped) but the new status never reaches the record.
  if (!faults.has('ignore-status-update')) {
    diagnosis.status = nextStatus;
    diagnosis.abatement = nextAbatement;
  }
  if (type !== undefined) diagnosis.type = type;
  // Fault: new codes are acknowledged but the old ones stay.
  if (codes !== undefined && !faults.has('ignore-code-change'))
    diagnosis.codes = mergeCodes(diagnosis.codes, codes);
  // Fault: the Private marking cannot be removed again.
  if (isPrivate !== undefined && !(isPrivate === false && faults.has('private-marking-kept'))) {
    diagnosis.private = isPrivate;
  }
  touch(diagnosis, danishDateTime(ctx.clock()), diagnosis.onCard);
  return changed(diagnosis);
}

export function selectDiagnosis(ctx: GpContext, input: Input): Record<string, unknown> {
  const { diagnosis } = diagnosisOf(ctx, input);
  if (!diagnosis.onCard) {
    diagnosis.onCard = true;
    touch(diagnosis, danishDateTime(ctx.clock()), true);
  }
  return changed(diagnosis);
}

export function deselectDiagnosis(ctx: GpContext, input: Input): Record<string, unknown> {
  const { diagnosis } = diagnosisOf(ctx, input);
  if (diagnosis.onCard) {
    diagnosis.onCard = false;
    touch(diagnosis, danishDateTime(ctx.clock()), true);
  }
  return changed(diagnosis);
}

export function deleteDiagnosis(ctx: GpContext, input: Input): Record<string, unknown> {
  const { diagnosis } = diagnosisOf(ctx, input);
  diagnosis.deleted = true;
  touch(diagnosis, danishDateTime(ctx.clock()), diagnosis.onCard);
  return changed(diagnosis);
}
