// English: for readers outside the steering group; MedCom's Danish terms stay in the legend.
import { VERIFY_FAILURE_TEXTS } from '../signing/failure-texts.ts';
import { dateParts } from './dates.ts';
import { plural, type StatusTexts } from './texts.ts';
import type { CellCounts } from './types.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const longDate = (day: string): string => {
  const { day: d, month, year } = dateParts(day);
  return `${d} ${MONTHS[month - 1] ?? ''} ${year}`;
};

const countWords: Record<keyof CellCounts, (n: number) => string> = {
  passed: (n) => `${n} passed`,
  failed: (n) => `${n} failed`,
  waived: (n) => `${n} waived`,
  pending: (n) => `${n} pending`,
};

/** The protocols' variants (ids in the record) in English. */
const ENGLISH_VARIANTS: Record<string, string> = {
  'gp-system': 'the GP system',
  plsp: 'PLSP',
  message: 'as a message of its own',
  ehmi: 'on EHMI',
  synchronous: 'synchronous answer',
  cda: 'CDA',
  fhir: 'FHIR',
};

/** The English texts. */
export const english: StatusTexts = {
  lang: 'en',
  title: 'Certification status report',
  asOf: (day) => `Status as of ${longDate(day)}`,
  nextMeeting: (day) => `Next meeting: ${longDate(day)}`,
  longDate,
  shortDate: (value) => new Date(value).toISOString().slice(0, 10),
  approval: {
    Godkendt: 'Approved',
    'Delvist godkendt': 'Partially approved',
    'Ikke godkendt': 'Not approved',
    'not-tested': 'Not tested',
  },
  selfTestApproval: {
    Godkendt: 'Self-test without failures',
    'Delvist godkendt': 'Self-test partly passed',
    'Ikke godkendt': 'Self-test with failures',
  },
  mode: { 'self-test': 'self-test', certify: 'certification' },
  modeBadge: {
    certify: 'MedCom certification',
    'self-test': 'Vendor self-test – not an approval',
  },
  nothingJudged: (pending) => `Nothing judged: ${pending} pending`,
  variantName: (variant) => ENGLISH_VARIANTS[variant] ?? variant,
  openStatus: { failed: 'Failed', waived: 'Waived', pending: 'Pending' },
  moreOpen: (n) => `+ ${n} more`,
  officialSteps: (steps) => `MedCom test step ${steps.join(', ')}`,
  detailsLink: 'Checkpoints and history',
  totals: {
    certify: 'Certifications (MedCom)',
    selfTest: 'Self-test only (no approval)',
    notTested: 'Not tested',
  },
  legendModes: {
    certify:
      'Certification: MedCom’s run. Only a certification gives Godkendt, Delvist godkendt or Ikke godkendt, and only certifications are counted as approvals.',
    selfTest:
      'Self-test (dashed border, hatched): the vendor’s own run. It approves nothing and has words of its own (without failures, partly passed, with failures).',
  },
  systemPage: {
    title: (system, vendor) => `${system} (${vendor}): runs and checkpoints`,
    back: 'Back to the status report',
    intro:
      'Every valid run of the system per protocol version, oldest first, and the checkpoints that failed, were waived or are pending in the run that counts.',
    protocolsCaption: 'Protocol versions',
    trendCaption: 'Trend over time (filled circle: certification; hollow diamond: self-test)',
    runsCaption: 'Runs, oldest first',
    runHeaders: {
      date: 'Date',
      mode: 'Kind',
      version: 'System version',
      approval: 'Outcome',
      counts: 'Checkpoints',
      report: 'Report',
    },
    counting: 'counts',
    openCaption: (date, mode) => `Failed, waived and pending checkpoints of the ${mode} of ${date}`,
    openHeaders: {
      status: 'Status',
      checkpoint: 'Checkpoint',
      title: 'Title',
      grade: 'Grade',
      waiver: 'Waiver',
    },
    noOpen: 'None: every applicable checkpoint passed.',
    noRuns: 'No valid runs.',
  },
  sections: {
    overview: 'Overview',
    matrix: 'Approvals',
    waivers: 'Waivers (dispensations)',
    changes: (since) => `Changes since ${longDate(since)}`,
    legend: 'Legend',
  },
  matrixCaption: 'Approval per protocol version (rows) and GP system (columns)',
  matrixPart: (from, to, of) => `(systems ${from}–${to} of ${of})`,
  protocolHeader: 'Protocol and version',
  counts: (counts) =>
    (Object.keys(countWords) as (keyof CellCounts)[])
      .filter((k) => k === 'passed' || counts[k] > 0)
      .map((k) => countWords[k](counts[k]))
      .join(', '),
  countNames: { passed: 'passed', failed: 'failed', waived: 'waived', pending: 'pending' },
  systemVersion: (version) => `version ${version}`,
  remarks: (n) => plural(n, 'remark', 'remarks'),
  lapsedWaivers: (ids) => `Waiver expired: ${ids}`,
  allureLink: 'Allure report',
  newerSelfTest: (date, approval) => `Newer self-test ${date}: ${approval}`,
  trend: (approvals) => `Latest runs, oldest first: ${approvals.join(', ')}`,
  totalsCaption: 'Cells of the matrix per status',
  waiverSummary: (active, beforeMeeting, expired) =>
    `${plural(active, 'active waiver', 'active waivers')}, ${beforeMeeting} of them expiring before the next meeting; ${expired} expired.`,
  waiversCaption: 'Waivers recorded in the latest runs, soonest expiry first',
  waiverHeaders: {
    system: 'System',
    id: 'Waiver',
    reason: 'Reason',
    approvedBy: 'Approved by',
    checkpoints: 'Checkpoints',
    expires: 'Expires',
    standing: 'Status',
  },
  waiverStanding: (entry) => {
    if (entry.expiredAtRun && entry.daysToExpiry > 0)
      return `Expired at the run (judged as of ${longDate(entry.judgedOn)})`;
    if (entry.daysToExpiry < 0) return `Expired ${plural(-entry.daysToExpiry, 'day', 'days')} ago`;
    if (entry.daysToExpiry === 0) return 'Expired today';
    return `Expires in ${plural(entry.daysToExpiry, 'day', 'days')}`;
  },
  beforeMeeting: 'before the next meeting',
  appliedTo: (ids) => `applied to ${ids}`,
  noWaivers: 'No waivers in the latest runs.',
  changeLists: {
    approved: 'Newly approved',
    regressions: 'Regressions',
    improved: 'Improvements',
    firstTested: 'Protocol versions tested for the first time',
  },
  firstTest: 'first test',
  noChanges: 'None.',
  noChangesGiven: 'Give a date (--since) to see the changes since the last meeting.',
  noResults: 'The folder holds no valid certification results.',
  legendItems: {
    Godkendt: 'Godkendt: every applicable checkpoint passed (F4 failures are allowed and shown as remarks)',
    'Delvist godkendt': 'Delvist godkendt: no blocking failure, but checkpoints are waived or pending',
    'Ikke godkendt': 'Ikke godkendt: at least one checkpoint graded F1–F3 failed',
    'not-tested': 'the system has no run of this protocol version, or its runs judged nothing (all pending)',
  },
  legendTrend:
    'Trend: the approval of the cell’s latest runs, oldest first. A newer protocol version never counts for an older one. ⚠ Waiver expired: the run relies on a waiver no longer in force.',
  legendWaivers:
    'A waiver expires on the day shown (the first day it no longer applies). Highlighted: expires before the next meeting.',
  signature: {
    state: {
      verified: 'Signature verified',
      'not-checked': 'Signature not checked',
      'not-signed': 'Not signed',
      'not-verified': 'Signature does not verify',
    },
    failure: VERIFY_FAILURE_TEXTS.en,
    refused: (recorded) => `Refused – does not count${recorded ? ` (claims ${recorded})` : ''}`,
    newerRefused: (date) => `Newer certification ${date} refused`,
    signedBy: (signer, date) => `Signed ${date} by ${signer}`,
    header: 'Signature',
    checked:
      "Signatures are checked against the trust anchor (MedCom's certificate): only certifications with a verified signature count as approvals.",
    notChecked:
      'Signatures are not checked against a trust anchor (give --trust with MedCom\'s certificate): signed certifications are marked "Signature not checked", unsigned ones "Not signed". A certification whose signature does not verify never counts.',
    refusedCount: (n) =>
      `${plural(n, 'certification is', 'certifications are')} refused because the signature does not verify or is missing; they are marked and do not count.`,
    legend:
      "Signature: ✔ verified against MedCom's certificate; ? not checked (no trust anchor given); ✘ does not verify (result, signature or evidence file changed, or a foreign certificate): the certification does not count.",
  },
  footer: (generator, counted) =>
    `Generated by ${generator} from ${plural(counted, 'certification result', 'certification results')}. Per system, protocol and version the latest certification run (MedCom’s) counts; where there is none, the latest self-test. A newer self-test is shown beside a certification but never replaces it.`,
  ignored: (reason, n) =>
    reason === 'harness-error'
      ? `${plural(n, 'run', 'runs')} with harness errors (a fault of certbench itself) not counted.`
      : `${plural(n, 'run', 'runs')} after the status date not counted.`,
};
