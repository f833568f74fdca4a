// The auto-handling rules, pure: is one result normal, and what should happen to a requisition now. The rules are
// the safe reading of shared/domain/medcom-standards-addendum.md §A.6 (see protocols/intelligent-indbakke.yaml).
import type { FaultName } from '../faults/catalogue.ts';
import type { InboxItem, Limits, ReceivedResult, Requisition } from './model.ts';

/** `pending`: not final yet (proeve_modtaget, svar_midlertidigt); a later report may make it final. */
export type Assessment = { normal: true } | { normal: false; reason: string; pending?: boolean };

const FINAL = new Set(['svar_endeligt', 'svar_rettet']);

const NORMAL: Assessment = { normal: true };

/** Not normal, for `reason` (informative: the item's reasons). */
function notNormal(reason: string): Assessment {
  return { normal: false, reason };
}

/** Numbers on the wire may carry a decimal comma (the reader has trimmed the value). */
export function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d+([.,]\d+)?$/.test(value)) return undefined;
  return Number(value.replace(',', '.'));
}

function labLimits(result: ReceivedResult, faults: ReadonlySet<FaultName>): Limits | undefined {
  const lower = numberOf(result.interval.lower);
  const upper = numberOf(result.interval.upper);
  // Fault: an interval with a lower limit only is taken for no interval.
  if (upper === undefined && (lower === undefined || faults.has('inbox-lower-only-interval-ignored')))
    return undefined;
  return { lower, upper };
}

export function assessResult(
  result: ReceivedResult,
  clinicLimits: Limits | undefined,
  faults: ReadonlySet<FaultName>,
): Assessment {
  if (!FINAL.has(result.status) && !faults.has('inbox-autoanswers-provisional'))
    return { normal: false, reason: `${result.npu} is ${result.status}`, pending: true };
  // Fault: a value that reads as a number is judged as one, whatever type the laboratory declares.
  const readAsNumber =
    faults.has('inbox-alphanumeric-read-as-number') && numberOf(result.value) !== undefined;
  if (result.type === 'alfanumerisk' && !readAsNumber) {
    // The fault: a text value equal to the laboratory's interval text counts as normal.
    if (faults.has('inbox-autoanswers-alphanumeric') && result.value === result.interval.text && !result.flag)
      return NORMAL;
    return notNormal(`${result.npu} is alphanumeric`);
  }
  if (result.operator && !faults.has('inbox-autoanswers-operator'))
    return notNormal(`${result.npu} has an operator (${result.operator})`);
  if (result.flag && !faults.has('inbox-ignores-abnormal-flag'))
    return notNormal(`${result.npu} is flagged ${result.flag}`);
  const limits =
    (faults.has('inbox-ignores-clinic-limits') ? undefined : clinicLimits) ?? labLimits(result, faults);
  if (!limits)
    return faults.has('inbox-no-limits-is-normal') ? NORMAL : notNormal(`${result.npu} has no limits`);
  // Faults: the decimal comma is dropped, as if it separated thousands ("5,5" read as 55); the value is read like
  // parseFloat ("5 hæmolyse" is 5, "hæmolyseret" NaN, which no comparison finds outside the limits).
  const value = faults.has('inbox-reads-value-with-parsefloat')
    ? Number.parseFloat(result.value.replace(',', '.'))
    : numberOf(faults.has('inbox-drops-decimal-comma') ? result.value.replace(',', '') : result.value);
  // Fault: only one decimal is read ("5,44" is taken for no number).
  if (value === undefined || (faults.has('inbox-reads-one-decimal') && /[.,]\d{2}/.test(result.value)))
    return notNormal(`${result.npu} value "${result.value}" is not a number`);
  if (faults.has('inbox-trusts-flags-only')) return NORMAL;
  // A missing limit bounds nothing.
  if (value < (limits.lower ?? -Infinity) && !faults.has('inbox-ignores-lower-limit'))
    return notNormal(`${result.npu} ${value} is below ${limits.lower}`);
  if (value > (limits.upper ?? Infinity)) return notNormal(`${result.npu} ${value} is above ${limits.upper}`);
  return NORMAL;
}

export type Decision =
  | { kind: 'wait'; reasons: string[] }
  | { kind: 'inbox'; reasons: string[] }
  | { kind: 'auto-reply' }
  | { kind: 'archive-until-appointment'; until: string };

/**
 * What happens to a requisition after a report: an abnormal or non-assessable result sends it to the inbox at
 * once; otherwise it waits until every ordered analysis has arrived and no laboratory's latest report is partial
 * (del_svar or modtaget). A complete requisition with a result still provisional goes to the inbox; otherwise the
 * auto-handling type decides.
 */
export function decide(requisition: Requisition, item: InboxItem, faults: ReadonlySet<FaultName>): Decision {
  const handling = faults.has('inbox-ignores-handling-type')
    ? 'autosvar-ved-normal'
    : requisition.autoHandling;
  if (handling === 'ingen') return { kind: 'inbox', reasons: ['auto-handling ingen'] };
  // Fault: each report is decided on its own final results (the fault switch inline, so the ignorer sees it).
  const judged = faults.has('inbox-decides-on-partial-report')
    ? item.results.filter((r) => FINAL.has(r.status))
    : item.results;
  // Fault: the clinic's limits are looked up per requisition, not per analysis (the first analysis's win).
  const limitsOf = (npu: string) =>
    faults.has('inbox-clinic-limits-of-first-analysis')
      ? requisition.analyses[0]?.clinicLimits
      : requisition.analyses.find((a) => a.npu === npu)?.clinicLimits;
  const assessments = judged.map((r) => assessResult(r, limitsOf(r.npu), faults));
  const blocking = assessments.flatMap((a) => (a.normal || a.pending ? [] : [a.reason]));
  if (blocking.length > 0) return { kind: 'inbox', reasons: blocking };
  const pending = assessments.flatMap((a) => (!a.normal && a.pending ? [a.reason] : []));
  const waiting = faults.has('inbox-decides-on-partial-report')
    ? []
    : missingOrPartial(requisition, item, faults);
  if (waiting.length > 0) return { kind: 'wait', reasons: [...waiting, ...pending] };
  // Complete, yet a result is still provisional: the laboratory will not finish it on this requisition.
  if (pending.length > 0) return { kind: 'inbox', reasons: pending };
  if (handling === 'arkiver-til-aftale' && !faults.has('inbox-appointment-sends-reply'))
    return { kind: 'archive-until-appointment', until: requisition.appointment ?? '' };
  return { kind: 'auto-reply' };
}

function missingOrPartial(
  requisition: Requisition,
  item: InboxItem,
  faults: ReadonlySet<FaultName>,
): string[] {
  const partial = [...item.reportStatus]
    .filter(([, status]) => status !== 'komplet_svar')
    .map(([lab, status]) => `the latest report from ${lab} is ${status}`);
  // The fault trusts a complete report from any laboratory instead of checking the ordered analyses.
  if (faults.has('inbox-trusts-report-status')) return partial;
  const missing = requisition.analyses
    .filter((a) => !item.results.some((r) => r.npu === a.npu))
    .map((a) => `${a.npu} has not arrived`);
  return [...partial, ...missing];
}
