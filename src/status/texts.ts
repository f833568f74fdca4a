/**
 * Every word of the status report, per language: the views hold no text of their own, so the Danish page (the
 * steering group's) and the English one cannot drift apart in content.
 */
import type { Approval } from '../result/types.ts';
import type { SignatureCheck } from '../signing/check.ts';
import type { VerifyFailure } from '../signing/verify.ts';
import type {
  CellApproval,
  CellCounts,
  CellRun,
  Day,
  IgnoredResult,
  OpenCheckpoint,
  WaiverEntry,
} from './types.ts';

/** The report's languages. */
export type StatusLanguage = 'da' | 'en';

export interface StatusTexts {
  lang: StatusLanguage;
  title: string;
  /** "Status pr. 25. november 2026". */
  asOf(day: Day): string;
  nextMeeting(day: Day): string;
  /** 25. november 2026 / 25 November 2026. */
  longDate(day: Day): string;
  /** A compact date for tables (of a day or an instant). */
  shortDate(value: string): string;
  /** MedCom's words, for a certification (and "Ikke testet"). */
  approval: Record<CellApproval, string>;
  /** A self-test approves nothing: its outcome has words of its own. */
  selfTestApproval: Record<Approval, string>;
  mode: Record<CellRun['mode'], string>;
  /** The badge in a cell: who ran it and what it means. */
  modeBadge: Record<CellRun['mode'], string>;
  /** A run that judged nothing: "Intet bedømt: 53 afventer". */
  nothingJudged(pending: number): string;
  /** The names of a protocol's variants (ids in the record) in the page's language. */
  variantName(variant: string): string;
  openStatus: Record<OpenCheckpoint['status'], string>;
  /** "+ 50 flere" after the first few open checkpoints of a cell. */
  moreOpen(n: number): string;
  officialSteps(steps: string[]): string;
  /** The link from a cell to the system's page. */
  detailsLink: string;
  totals: { certify: string; selfTest: string; notTested: string };
  legendModes: { certify: string; selfTest: string };
  systemPage: {
    title(system: string, vendor: string): string;
    back: string;
    intro: string;
    protocolsCaption: string;
    trendCaption: string;
    runsCaption: string;
    runHeaders: {
      date: string;
      mode: string;
      version: string;
      approval: string;
      counts: string;
      report: string;
    };
    counting: string;
    openCaption(date: string, mode: string): string;
    openHeaders: { status: string; checkpoint: string; title: string; grade: string; waiver: string };
    noOpen: string;
    noRuns: string;
  };
  sections: {
    overview: string;
    matrix: string;
    waivers: string;
    changes(since: Day): string;
    legend: string;
  };
  matrixCaption: string;
  /** Caption suffix when the systems are split over several tables: "(systems 1–10 of 14)". */
  matrixPart(from: number, to: number, of: number): string;
  protocolHeader: string;
  /** Non-zero counts as words: "49 bestået, 1 dispenseret". */
  counts(counts: CellCounts): string;
  countNames: Record<keyof CellCounts, string>;
  systemVersion(version: string): string;
  remarks(n: number): string;
  /** In a cell whose waived checkpoints rest on waivers that have lapsed since the run. */
  lapsedWaivers(ids: string): string;
  allureLink: string;
  /** Beside a certification: "Nyere selvtest 20.11.2026: Ikke godkendt". */
  newerSelfTest(date: string, approval: string): string;
  trend(approvals: string[]): string;
  totalsCaption: string;
  waiverSummary(active: number, beforeMeeting: number, expired: number): string;
  waiversCaption: string;
  waiverHeaders: {
    system: string;
    id: string;
    reason: string;
    approvedBy: string;
    checkpoints: string;
    expires: string;
    standing: string;
  };
  waiverStanding(entry: WaiverEntry): string;
  beforeMeeting: string;
  appliedTo(ids: string): string;
  noWaivers: string;
  changeLists: { approved: string; regressions: string; improved: string; firstTested: string };
  /** One change: "XMO (CGM), Diagnosekort 1.0.0: Ikke godkendt → Godkendt (version 7.2, 05.10.2026)". */
  firstTest: string;
  noChanges: string;
  noChangesGiven: string;
  noResults: string;
  legendItems: Record<CellApproval, string>;
  legendTrend: string;
  legendWaivers: string;
  signature: SignatureTexts;
  footer(generator: string, counted: number): string;
  ignored(reason: IgnoredResult['reason'], n: number): string;
}

/** How a run's signature is shown (see src/signing/check.ts). */
export interface SignatureTexts {
  /** The mark in a cell and a run's row. */
  state: Record<SignatureCheck['state'], string>;
  /** Why it does not verify, per failure code. */
  failure: Record<VerifyFailure, string>;
  /** A refused certification's outcome: it claims an approval that does not count. */
  refused(recorded?: string): string;
  /** Beside the run that counts: a newer certification that is refused. */
  newerRefused(date: string): string;
  signedBy(signer: string, date: string): string;
  /** The system page's column. */
  header: string;
  /** The page's note: checked against the anchor, or not. */
  checked: string;
  notChecked: string;
  refusedCount(n: number): string;
  legend: string;
}

/** `n` with the singular or plural noun. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
