// A report as a feature describes it (one row per result), turned into the XRPT01 a laboratory would send.
import { analysisInfo, personNamed, RECEIVING_PRACTICE, testLaboratory } from './test-parties.ts';
import { danishLocal } from './local-time.ts';
import type { LabReport, ReportResult, ReportStatus, ResultFlag, ResultStatus } from './xrpt01-model.ts';
import { REPORT_STATUSES, RESULT_FLAGS, RESULT_STATUSES } from './xrpt01-model.ts';

/** One result row: `value` as the lab writes it ("4,5", "<5", "neg", "*****"), interval "8,3-10,5", "-8", "tekst:neg". */
export interface ResultRow {
  npu: string;
  value: string;
  status?: string;
  interval?: string;
  flag?: string;
  producer?: string;
  /** The result type as the laboratory declares it; by default numerisk when the value reads as a number. */
  type?: string;
}

export interface ReportSpec {
  lab: string;
  reportStatus: string;
  requisition: string;
  cpr: string;
  rows: ResultRow[];
  /** Unique per delivery: Letter/Identifier and the lab's own sample and production ids derive from it. */
  serial: string;
  now: Date;
}

function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`${what} "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

function interval(text: string | undefined): ReportResult['interval'] {
  if (!text) return undefined;
  if (text.startsWith('tekst:')) return { type: 'uspecificeret', text: text.slice('tekst:'.length) };
  const match = /^([\d,]*)-([\d,]*)$/.exec(text);
  if (!match) throw new Error(`interval "${text}" must be lower-upper, -upper, lower- or tekst:<text>`);
  const [, lower, upper] = match;
  return { type: 'fysiologisk', ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
}

export function resultOf(row: ResultRow, lab: string): ReportResult {
  const info = analysisInfo(row.npu);
  const operator = row.value.startsWith('<')
    ? 'mindre_end'
    : row.value.startsWith('>')
      ? 'stoerre_end'
      : undefined;
  const bare = operator ? row.value.slice(1) : row.value;
  const received = bare === '*****';
  const numeric = row.type
    ? oneOf(['numerisk', 'alfanumerisk'] as const, row.type, 'result type') === 'numerisk'
    : received || /^\d+(,\d+)?$/.test(bare);
  const status: ResultStatus = row.status
    ? oneOf(RESULT_STATUSES, row.status, 'result status')
    : received
      ? 'proeve_modtaget'
      : 'svar_endeligt';
  const range = interval(row.interval);
  const producer = testLaboratory(row.producer || lab);
  const flag: ResultFlag | undefined = row.flag ? oneOf(RESULT_FLAGS, row.flag, 'flag') : undefined;
  return {
    status,
    npu: row.npu,
    name: info.name,
    producer: { identifier: producer.name, code: producer.code },
    ...(range ? { interval: range } : {}),
    type: numeric ? 'numerisk' : 'alfanumerisk',
    ...(operator ? { operator } : {}),
    value: bare,
    ...(info.unit && numeric ? { unit: info.unit } : {}),
    ...(flag ? { flag } : {}),
  };
}

export function labReportOf(spec: ReportSpec): LabReport {
  const lab = testLaboratory(spec.lab);
  const person = personNamed(spec.cpr);
  const now = danishLocal(spec.now);
  return {
    letterId: spec.serial.slice(0, 14),
    authorised: now,
    sender: lab,
    receiver: RECEIVING_PRACTICE,
    patient: { cpr: spec.cpr, family: person.family, given: person.given },
    requisition: spec.requisition,
    labSampleId: `${lab.code}${spec.serial}`.slice(0, 20),
    sampled: danishLocal(new Date(spec.now.getTime() - 3 * 3_600_000)),
    reportStatus: oneOf<ReportStatus>(REPORT_STATUSES, spec.reportStatus, 'report status'),
    productionId: `${lab.code}-${spec.serial}`,
    resultsAt: now,
    results: spec.rows.map((row) => resultOf(row, spec.lab)),
  };
}
