// The receiving endpoint for lab reports (INBOUND channel lab-report): an XRPT01 is read, matched to its
// requisition by requisition number and patient, merged with earlier reports and auto-handled when complete.
import type { GpContext } from '../context.ts';
import type { InboundRequest, InboundResponse } from '../inbound.ts';
import { decide } from './assess.ts';
import { applyDecision, returnToInbox } from './handle.ts';
import type { InboxItem, ReceivedReport, ReceivedResult, Requisition } from './model.ts';
import { readReport } from './parse.ts';

function json(status: number, body: object): InboundResponse {
  return { status, contentType: 'application/json', body: JSON.stringify(body) };
}

function newItem(
  key: string,
  report: ReceivedReport,
  requisition: Requisition | undefined,
  patient: string,
): InboxItem {
  return {
    key,
    requisition: report.requisition,
    patient,
    autoHandling: requisition?.autoHandling ?? 'ingen',
    // Stryker disable next-line StringLiteral: without faults only a report matching no requisition gets a new item, and receiveLabReport sets its state and reasons right after
    state: 'awaiting-results',
    results: [],
    reportStatus: new Map(),
    // Stryker disable next-line BooleanLiteral: an item matching no requisition is never auto-handled, whatever this says
    autoHandled: false,
    // Stryker disable next-line ArrayDeclaration: without faults only a report matching no requisition gets a new item, and receiveLabReport sets its state and reasons right after
    reasons: [],
  };
}

function itemFor(
  ctx: GpContext,
  report: ReceivedReport,
  requisition: Requisition | undefined,
  ordered: Requisition | undefined,
): InboxItem {
  const inbox = ctx.state.inbox;
  // A report that matches no requisition of this patient gets an item of its own, never auto-handled.
  const key = !requisition
    ? `${report.requisition}/${report.cpr}`
    : ctx.faults.has('inbox-one-item-per-report')
      ? `${report.requisition}/${report.letterId}`
      : report.requisition;
  let item = inbox.items.find((i) => i.key === key);
  if (!item) {
    // Fault: a report naming another patient than its requisition's is shown under the requisition's patient.
    const patient =
      ctx.faults.has('inbox-mismatched-report-under-requisition-patient') &&
      ordered &&
      !requisition &&
      ctx.state.patients.has(report.cpr)
        ? ordered.patient
        : report.cpr;
    item = newItem(key, report, requisition, patient);
    // Fault: the item of a report matching no requisition shows an empty auto-handling type.
    if (ctx.faults.has('inbox-unmatched-shows-blank-type') && !requisition)
      item.autoHandling = '' as InboxItem['autoHandling'];
    // Fault: an unmatched report's item shows a placeholder result besides the reported ones.
    if (ctx.faults.has('inbox-placeholder-result-on-unmatched') && !requisition)
      item.results = [
        {
          npu: 'NPU00000',
          name: 'afventer match',
          status: 'proeve_modtaget',
          type: 'alfanumerisk',
          value: '*****',
          interval: {},
          producer: { identifier: '', code: '' },
        },
      ];
    inbox.items.push(item);
  }
  return item;
}

function merge(ctx: GpContext, item: InboxItem, results: ReceivedResult[]): void {
  const first = item.results[0]?.producer;
  for (const result of results) {
    const shown =
      ctx.faults.has('inbox-producer-of-first-report') && first ? { ...result, producer: first } : result;
    item.results = [...item.results.filter((r) => r.npu !== result.npu), shown];
  }
}

export function receiveLabReport(ctx: GpContext, request: InboundRequest): InboundResponse {
  if (ctx.faults.has('inbox-refuses-reports')) return json(503, { error: 'the lab inbox is not available' });
  if (!/\bxml\b/i.test(request.contentType))
    return json(415, {
      error: `expected an XML lab report, got ${request.contentType || 'no content type'}`,
    });
  let report: ReceivedReport;
  try {
    report = readReport(request.body.toString('utf8'), ctx.faults);
  } catch (error) {
    // readReport throws only UnreadableReport: the laboratory is told why.
    return json(400, { error: `lab report refused: ${(error as Error).message}` });
  }
  const ordered = ctx.state.inbox.requisitions.get(report.requisition);
  // Fault: an analysis the requisition does not list breaks the look-up of its ordered analysis.
  if (
    ctx.faults.has('inbox-unordered-analysis-breaks') &&
    report.results.some((r) => ordered?.analyses.every((a) => a.npu !== r.npu))
  )
    return json(500, { error: 'internal error: analysis not on the requisition' });
  if (ctx.faults.has('inbox-drops-unordered-report') && ordered === undefined)
    return json(200, { received: report.letterId, requisition: report.requisition });
  const matches =
    ordered !== undefined &&
    (ctx.faults.has('inbox-matches-requisition-only') ||
      (ctx.state.patients.has(report.cpr) &&
        (ordered.patient === report.cpr || ctx.faults.has('inbox-matches-any-known-patient'))));
  const requisition = matches ? ordered : undefined;
  const item = itemFor(ctx, report, requisition, ordered);
  // Fault inbox-never-completes: once a report was partial, the requisition is never decided (read before merging).
  const sawPartial =
    ctx.faults.has('inbox-never-completes') &&
    [...item.reportStatus.values()].some((s) => s !== 'komplet_svar');
  merge(ctx, item, report.results);
  item.reportStatus.set(report.senderCode, report.reportStatus);
  if (!requisition) {
    item.state = 'inbox';
    item.reasons = [
      ctx.state.patients.has(report.cpr)
        ? 'no requisition of this patient has this number'
        : 'the patient is not known in the system',
    ];
  } else if (item.autoHandled && !ctx.faults.has('inbox-autoanswers-correction')) {
    if (
      !ctx.faults.has('inbox-correction-stays-archived') &&
      !(ctx.faults.has('inbox-appointment-correction-stays-archived') && item.archivedUntil !== undefined)
    )
      returnToInbox(
        ctx,
        item,
        report.results.some((r) => r.status === 'svar_rettet'),
      );
  } else if (
    (item.state !== 'inbox' || ctx.faults.has('inbox-correction-redecided')) &&
    !(ctx.faults.has('inbox-never-completes') && sawPartial)
  ) {
    const decision = decide(requisition, item, ctx.faults);
    // Fault: abnormal results of an arkiver-til-aftale requisition are archived anyway (the switch inline, so the
    // mutation ignorer sees that only the fault takes this branch).
    applyDecision(
      ctx,
      item,
      ctx.faults.has('inbox-archives-abnormal-until-appointment') &&
        decision.kind === 'inbox' &&
        requisition.autoHandling === 'arkiver-til-aftale'
        ? { kind: 'archive-until-appointment', until: requisition.appointment ?? '' }
        : decision,
    );
  }
  return json(200, { received: report.letterId, requisition: report.requisition });
}
