// The parts of MedCom's XML lab report XRPT01 (LaboratoryReport, VersionCode XR0131K) that automatic handling of
// received lab results depends on (shared/domain/medcom-standards-addendum.md §A.3, §A.4).

export const XRPT01_NAMESPACE = 'http://rep.oio.dk/medcom.dk/xml/schemas/2014/10/08/';
export const XRPT01_VERSION_CODE = 'XR0131K';
export const XRPT01_TYPE_CODE = 'XRPT01';

export const RESULT_STATUSES = [
  'proeve_modtaget',
  'svar_midlertidigt',
  'svar_endeligt',
  'svar_rettet',
] as const;
export const REPORT_STATUSES = ['modtaget', 'del_svar', 'komplet_svar'] as const;
export const RESULT_FLAGS = ['for_hoej', 'for_lav', 'unormal'] as const;
export const OPERATORS = ['mindre_end', 'stoerre_end'] as const;
export const INTERVAL_TYPES = ['fysiologisk', 'terapeutisk', 'uspecificeret'] as const;

export type ResultStatus = (typeof RESULT_STATUSES)[number];
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type ResultFlag = (typeof RESULT_FLAGS)[number];
export type Operator = (typeof OPERATORS)[number];
export type IntervalType = (typeof INTERVAL_TYPES)[number];

/** A laboratory as sender or producer: MedCom's 1–3 character lab abbreviation and its name. */
export interface Laboratory {
  code: string;
  name: string;
  /** GLN (lokationsnummer) of the sending department. */
  ean: string;
}

export interface ReferenceInterval {
  type: IntervalType;
  lower?: string;
  upper?: string;
  /** IntervalText, e.g. "neg" for an alphanumeric result. */
  text?: string;
}

export interface ReportResult {
  status: ResultStatus;
  /** NPU code, e.g. NPU19748 (AnalysisCodeType iupac, AnalysisCodeResponsible SST). */
  npu: string;
  /** AnalysisCompleteName, e.g. "P—C-reaktivt protein; massek. = ? mg/L". */
  name: string;
  producer: { identifier: string; code: string };
  interval?: ReferenceInterval;
  type: 'numerisk' | 'alfanumerisk';
  operator?: Operator;
  /** As on the wire (string 1–12); a numeric value with a decimal comma. */
  value: string;
  unit?: string;
  flag?: ResultFlag;
}

export interface LabReport {
  /** Letter/Identifier: the message's own id (1–14). */
  letterId: string;
  /** Letter/Authorisation, a Danish local date and time (minutes). */
  authorised: { date: string; time: string };
  sender: Laboratory;
  receiver: { ean: string; ydernummer: string; name: string };
  patient: { cpr: string; family: string; given?: string };
  /** RequesterSampleIdentifier: the GP's requisition number (1–15). */
  requisition: string;
  labSampleId: string;
  sampled: { date: string; time: string };
  reportStatus: ReportStatus;
  productionId: string;
  resultsAt: { date: string; time: string };
  results: ReportResult[];
}
