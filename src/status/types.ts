/**
 * The certification status report's model: what the steering group sees, computed from loaded results by pure
 * functions (`buildStatusModel`). The HTML and Markdown views only format it.
 */
import type {
  Approval,
  CertificationResult,
  CheckpointResult,
  ProtocolResult,
  WaiverRecord,
} from '../result/types.ts';
import type { SignatureCheck } from '../signing/check.ts';

/** A date without time, `YYYY-MM-DD` (UTC days, as waiver dates are judged). */
export type Day = string;

/**
 * What the report reads of a result: a whole `certification-result.json` fits it, and the results register
 * rebuilds exactly this from its tables, so a page is the same whichever source it came from.
 */
export interface StatusResult {
  run: Pick<CertificationResult['run'], 'id' | 'mode' | 'finishedAt' | 'waiversJudgedAt'>;
  sut: Pick<CertificationResult['sut'], 'vendor' | 'system' | 'version'>;
  waiverRegister?: { waivers: StatusWaiver[] };
  protocols: StatusProtocol[];
  /** Only their number matters: a run with harness errors does not count. */
  harnessErrors: readonly unknown[];
}

export type StatusWaiver = Pick<
  WaiverRecord,
  'id' | 'state' | 'checkpoints' | 'reason' | 'approvedBy' | 'granted' | 'expires' | 'appliedTo'
>;

export type StatusProtocol = Pick<
  ProtocolResult,
  'id' | 'title' | 'version' | 'variant' | 'approval' | 'counts' | 'remarks'
> & {
  standard: Pick<ProtocolResult['standard'], 'name' | 'version'>;
  checkpoints?: readonly StatusCheckpoint[];
};

/**
 * The report reads only the checkpoints a reader must look at: failed, waived and pending (with the waiver that made
 * one `waived`), in the record's order.
 */
export type StatusCheckpoint = Pick<
  CheckpointResult,
  'id' | 'status' | 'title' | 'grade' | 'officialSteps'
> & {
  waiver?: Pick<NonNullable<CheckpointResult['waiver']>, 'id' | 'expires'>;
};

/** One result as the report reads it: from a `certification-result.json` on disk, or from the register. */
export interface LoadedResult {
  /** Absolute path of the file (for the register: where the record was when it was registered). */
  file: string;
  result: StatusResult;
  /** Absolute path of the run's Allure report, when `<runDir>/allure-report/index.html` exists. */
  allureReport?: string;
  /** Its signature as checked by the loader (folder or register); absent where nothing was checked (tests). */
  signature?: SignatureCheck;
}

/**
 * A cell's approval; `not-tested` when the system has no valid result for that protocol version, or its runs
 * judged nothing (every checkpoint pending or not applicable): such a run is no approval of any kind.
 */
export type CellApproval = Approval | 'not-tested';

/** A column of the matrix: one system of one vendor (the system version varies per cell). */
export interface SystemColumn {
  key: string;
  vendor: string;
  system: string;
}

/** A row of the matrix: one protocol (and variant, when it has one) in one version. */
export interface ProtocolRow {
  key: string;
  id: string;
  /** A protocol run in several variants (e.g. per receiver) keeps them apart. */
  variant?: string;
  version: string;
  title: string;
  /** The standard behind it, e.g. "MedCom ConditionList 1.0.1". */
  standard: string;
}

/** Checkpoint counts shown per cell. */
export interface CellCounts {
  passed: number;
  failed: number;
  waived: number;
  pending: number;
}

/** A checkpoint a reader must look at (failed, waived or pending), as the cell and the system page list it. */
export interface OpenCheckpoint {
  id: string;
  title: string;
  grade: CheckpointResult['grade'];
  status: 'failed' | 'waived' | 'pending';
  /** MedCom's test step numbers it implements, when not already its id's. */
  officialSteps: string[];
  waiverId?: string;
}

/** One run's outcome for one protocol version. */
export interface CellRun {
  runId: string;
  /** `not-tested` when the run judged nothing (all pending or not applicable), whatever it recorded. */
  approval: CellApproval;
  /** What the run recorded. */
  recordedApproval: Approval;
  systemVersion: string;
  /** ISO instant the run finished. */
  finishedAt: string;
  mode: CertificationResult['run']['mode'];
  counts: CellCounts;
  /** F4 failures (allowed for approval). */
  remarks: number;
  /** Waivers that made checkpoints of this protocol `waived` in this run. */
  waivers: { id: string; expires: Day }[];
  /** Its failed, waived and pending checkpoints, in the record's order. */
  open: OpenCheckpoint[];
  /** Link from the report page to the run's Allure report (relative, URL-encoded), when it exists. */
  allureHref?: string;
  signature?: SignatureCheck;
  /**
   * A certification that does not count: its signature does not verify, or (with a trust anchor) it is not signed or
   * not verified. Its `approval` is then `not-tested`; `recordedApproval` keeps what it claims.
   */
  refused?: true;
}

/**
 * One system × protocol version: the latest valid certification run wins (the latest self-test where there is
 * none); the runs give the trend.
 */
export interface StatusCell {
  systemKey: string;
  protocolKey: string;
  /** The run that counts (see countingRun): not always the newest. */
  latest: CellRun;
  /** A self-test newer than the certification run that counts: shown beside it, never instead of it. */
  newerSelfTest?: CellRun;
  /** A refused certification newer than the run that counts: shown beside it, marked. */
  refusedCertification?: CellRun;
  /** The last runs, oldest first, ending with the newest. */
  trend: Pick<CellRun, 'approval' | 'mode' | 'finishedAt' | 'refused'>[];
  /** How many valid runs the cell has in all. */
  runs: number;
  /** Ids of waivers the latest run relied on that are no longer in force at the report date. */
  lapsedWaivers: string[];
}

/** How a waiver stands at the report date. */
export type WaiverStanding = 'active' | 'expires-before-meeting' | 'expired';

/** A dispensation recorded in a system's latest results. */
export interface WaiverEntry {
  system: SystemColumn;
  id: string;
  reason: string;
  approvedBy: string;
  /** Checkpoint ids or patterns it is written for. */
  checkpoints: string[];
  /** Checkpoints it made `waived` in the latest runs. */
  appliedTo: string[];
  granted: Day;
  expires: Day;
  /** Days from the report date to `expires` (the first day it no longer applies); 0 or less: expired. */
  daysToExpiry: number;
  standing: WaiverStanding;
  /** The state recorded by the run that judged it. */
  recordedState: WaiverRecord['state'];
  /** The day the run judged it (`--as-of` of the run, else the day it finished). */
  judgedOn: Day;
  /** The run judged it no longer in force (it failed the checkpoints again), whatever the report day. */
  expiredAtRun: boolean;
}

/** One cell whose approval changed since the given date. */
export interface CellChange {
  system: SystemColumn;
  protocol: ProtocolRow;
  /** Absent: the system had not tested this protocol version before. */
  before?: Approval;
  /** The mode of the run that counted before. */
  beforeMode?: CellRun['mode'];
  after: Approval;
  finishedAt: string;
  systemVersion: string;
  /** The mode of the run that counts now: a self-test is never a MedCom approval. */
  mode: CellRun['mode'];
}

/** What changed since a date (the last meeting). */
export interface StatusChanges {
  since: Day;
  /** Now Godkendt by a certification, and was not before. */
  approved: CellChange[];
  /** Approval got worse. */
  regressions: CellChange[];
  /** Better, but not (yet) Godkendt. */
  improved: CellChange[];
  /** Protocol versions a system tested for the first time. */
  firstTested: CellChange[];
}

/** A result that does not count, and why. */
export interface IgnoredResult {
  file: string;
  reason: 'harness-error' | 'after-as-of';
}

export interface StatusModel {
  asOf: Day;
  nextMeeting?: Day;
  systems: SystemColumn[];
  protocols: ProtocolRow[];
  /** Keyed by `cellKey(protocolKey, systemKey)`; a missing cell is not tested. */
  cells: Map<string, StatusCell>;
  waivers: WaiverEntry[];
  changes?: StatusChanges;
  /** A page per system, in the order of `systems`. */
  histories: SystemHistory[];
  totals: StatusTotals;
  /** Valid results counted, and those left out. */
  counted: number;
  ignored: IgnoredResult[];
  /** e.g. "certbench 0.1.0", for the footer. */
  generator: string;
  /** Whether signers were checked against a trust anchor, and how many certification runs were refused. */
  signatures: { checked: boolean; refused: number };
}

/**
 * The matrix's cells counted: approvals of MedCom's certifications apart from the vendors' self-tests, which approve
 * nothing; cells with no judged run are not tested.
 */
export interface StatusTotals {
  certify: Record<Approval, number>;
  selfTest: Record<Approval, number>;
  notTested: number;
}

/** One system's page: its history per protocol version. */
export interface SystemHistory {
  system: SystemColumn;
  /** File name of its page without the language (`cgm-xmo`), unique within the report. */
  slug: string;
  protocols: { protocol: ProtocolRow; runs: CellRun[]; cell: StatusCell }[];
}

/** Options of `buildStatusModel`: every date is given, nothing is read from the clock. */
export interface StatusOptions {
  asOf: Day;
  since?: Day;
  nextMeeting?: Day;
  /** Folder the pages are written to: Allure links are made relative to it. */
  outDir: string;
  /**
   * A trust anchor was given (--trust): only verified certifications count. Without it, signers are not checked and
   * an unsigned certification still counts (marked); one whose signature is broken never counts. @default false
   */
  signaturesChecked?: boolean;
  /** Runs shown per cell in the trend, including the latest. @default 6 */
  trendLength?: number;
  generator: string;
}
