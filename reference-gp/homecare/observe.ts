// What the GP sees of received kommunale prøvesvar: the inbox items of a patient (observation homecare.inbox) and
// the rows of the laboratory chart they were saved to (observation homecare.lab-chart).
import type { GpContext } from '../context.ts';
import type { FaultName } from '../faults/catalogue.ts';
import type { HomecareItem } from './records.ts';

function itemsOf(ctx: GpContext, patient: unknown): HomecareItem[] {
  // Fault: the views list the reports of every patient, not only those of the patient asked for.
  return ctx.state.homecare.items.filter(
    (i) => i.patient.id === patient || ctx.faults.has('hco-views-every-patient'),
  );
}

export function observeInbox(ctx: GpContext, patient: unknown): HomecareItem[] {
  return itemsOf(ctx, patient).map((item) => shown(item, ctx.faults));
}

/** The item as the screen shows it; faults of the display leave out or misstate what the GP should see. */
function shown(item: HomecareItem, faults: ReadonlySet<FaultName>): HomecareItem {
  const view = structuredClone(item);
  if (faults.has('hco-view-without-name')) view.patient.name = '';
  if (faults.has('hco-view-without-producer-id')) view.producer.producerId = '';
  if (faults.has('hco-view-without-attachments')) view.attachments = [];
  // Fault: the attachments are listed without the author and time of creation the message gives them.
  if (faults.has('hco-view-attachment-without-author'))
    view.attachments = view.attachments.map(({ title, contentType, bytes }) => ({
      title,
      contentType,
      bytes,
    }));
  if (faults.has('hco-view-unknown-initials-blank') && view.addressedTo === 'unknown') view.addressedTo = '';
  if (faults.has('hco-view-without-statuses')) view.reportStatus = '';
  for (const result of view.results) {
    if (faults.has('hco-view-without-long-name')) delete result.longName;
    if (faults.has('hco-view-drops-comparator')) result.value = result.value.replace(/^[<>]=?/, '');
    if (faults.has('hco-view-reference-evaluated')) result.notReferenceEvaluated = false;
    if (faults.has('hco-view-without-sampling-time')) result.samplingTime = '';
    if (faults.has('hco-view-without-statuses')) result.status = '';
  }
  return view;
}

export function observeLabChart(ctx: GpContext, patient: unknown): object[] {
  if (ctx.faults.has('hco-chart-not-stored')) return [];
  return itemsOf(ctx, patient).flatMap((item) =>
    item.results.map((result) => ({
      // Fault: the chart row keeps the results but not which report they came from.
      messageId: ctx.faults.has('hco-chart-rows-unlinked') ? '' : item.messageId,
      ...result,
      producerId: item.producer.producerId,
      // Fault: a corrected report's rows keep the status final (the marking R alone says it was corrected).
      status: item.cancelled
        ? 'cancelled'
        : item.marking && !ctx.faults.has('hco-chart-corrected-as-final')
          ? 'corrected'
          : 'final',
      ...(item.marking ? { marking: item.marking } : {}),
      refusedConsent: item.refusedConsent,
      // The report's clinical comment on each of its rows: it applies to all of them (receive protocol 3.2.1.15).
      ...(item.clinicalComment && !ctx.faults.has('hco-chart-without-clinical-comment')
        ? { clinicalComment: item.clinicalComment }
        : {}),
      attachments: ctx.faults.has('hco-chart-without-attachments')
        ? []
        : item.attachments.map((a) => ({ title: a.title, contentType: a.contentType })),
      ...(ctx.faults.has('hco-chart-reference-evaluated') ? { notReferenceEvaluated: false } : {}),
      // Fault: the chart keeps the NPU code but not the long name (JSON leaves the undefined field out).
      ...(ctx.faults.has('hco-chart-drops-long-name') ? { longName: undefined } : {}),
    })),
  );
}

/**
 * The received clinical comments united in a view of their own (receive protocol 3.2.1.17, recommended): one row per
 * report with a clinical comment, newest first.
 */
export function observeClinicalComments(ctx: GpContext, patient: unknown): object[] {
  return (
    itemsOf(ctx, patient)
      // Fault: every report has a row, also one that came without a clinical comment.
      .filter((item) => item.clinicalComment || ctx.faults.has('hco-united-comments-every-report'))
      .reverse()
      .map((item) => ({
        messageId: item.messageId,
        // Fault: the united view lists the reports but leaves their comments out.
        ...(ctx.faults.has('hco-united-comments-without-text')
          ? {}
          : { clinicalComment: item.clinicalComment }),
        producer: item.producer.name,
        sentAt: item.sentAt,
      }))
  );
}
