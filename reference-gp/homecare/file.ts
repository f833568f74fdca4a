// Filing a received report: a new report becomes an inbox item (the user is notified, the results go to the lab
// chart); a correction replaces the shown version and keeps the earlier ones traceable, marked "R" with what
// changed; a cancellation marks the report cancelled with its reason and archives it, deleting nothing.
import type { GpContext } from '../context.ts';
import { danishDateTime } from '../time.ts';
import type { FaultName } from '../faults/catalogue.ts';
import type { ReceivedMessage } from './read.ts';
import type { HomecareItem, HomecareResult } from './records.ts';

function itemOf(message: ReceivedMessage, receivedAt: string, faults: ReadonlySet<FaultName>): HomecareItem {
  const merged = faults.has('hco-analysis-comment-on-report');
  const comments = message.results.flatMap((r) => (r.analysisComment ? [r.analysisComment] : []));
  const clinicalComment = merged
    ? [message.clinicalComment, ...comments].filter(Boolean).join('\n')
    : message.clinicalComment;
  return {
    messageId: message.messageId,
    versions: [message.messageId],
    notified: !faults.has('hco-no-notification'),
    addressedTo: message.addressedTo,
    patient: { id: message.patient.id, name: message.patient.name },
    receiver: message.receiver,
    producer: message.producer,
    signature: faults.has('hco-signature-without-phone')
      ? { ...message.signature, phone: '' }
      : message.signature,
    reportStatus: message.reportStatus,
    sentAt: message.sentAt || receivedAt,
    receivedAt,
    ...(clinicalComment ? { clinicalComment } : {}),
    results: merged ? message.results.map(({ analysisComment: _comment, ...r }) => r) : message.results,
    attachments: message.attachments,
    refusedConsent: message.refusedConsent,
    cancelled: false,
    // Fault: a new report is filed straight into the archive.
    archived: faults.has('hco-new-report-archived'),
  };
}

const show = (r: HomecareResult) => `${r.value}${r.unit ? ` ${r.unit}` : ''}`;

/** What a correction changed, in words the GP reads. */
function changesBetween(before: HomecareItem, after: HomecareItem, faults: ReadonlySet<FaultName>): string[] {
  const changes: string[] = [];
  for (const result of after.results) {
    const old = before.results.find((r) => r.code === result.code);
    if (!old) {
      // Fault: a result the correction adds is not listed among the changes.
      if (!faults.has('hco-correction-added-result-unlisted'))
        changes.push(`${result.code}: new result ${show(result)}`);
    } else {
      // Fault: every result of the corrected report is listed as changed, whether the correction changed it or not.
      if (show(old) !== show(result) || faults.has('hco-changes-list-every-result'))
        changes.push(`${result.code}: ${show(old)} → ${show(result)}`);
      if (old.samplingTime !== result.samplingTime)
        changes.push(`${result.code}: sampling time ${old.samplingTime} → ${result.samplingTime}`);
      if (old.analysisComment !== result.analysisComment)
        changes.push(`${result.code}: analysis comment changed`);
    }
  }
  if (before.clinicalComment !== after.clinicalComment) changes.push('clinical comment changed');
  if (before.addressedTo !== after.addressedTo)
    changes.push(`GP initials ${before.addressedTo} → ${after.addressedTo}`);
  if (JSON.stringify(before.signature) !== JSON.stringify(after.signature)) changes.push('signature changed');
  if (JSON.stringify(before.attachments) !== JSON.stringify(after.attachments))
    changes.push('attachments changed');
  return changes;
}

export function fileMessage(ctx: GpContext, message: ReceivedMessage): void {
  const { faults } = ctx;
  const items = ctx.state.homecare.items;
  const receivedAt = danishDateTime(ctx.clock());
  const index = message.previous ? items.findIndex((i) => i.versions.includes(message.previous ?? '')) : -1;
  const earlier = items[index];
  if (!earlier || message.activity === 'new-message' || faults.has('hco-correction-as-new-report')) {
    items.push(itemOf(message, receivedAt, faults));
    return;
  }
  if (message.activity === 'retract-message') {
    if (faults.has('hco-cancel-deletes')) {
      items.splice(index, 1);
      return;
    }
    earlier.versions.push(message.messageId);
    earlier.messageId = message.messageId;
    earlier.cancelled = true;
    earlier.archived = true;
    if (message.clinicalComment !== undefined && !faults.has('hco-cancel-without-reason'))
      earlier.cancellationReason = message.clinicalComment;
    return;
  }
  const corrected = itemOf(message, receivedAt, faults);
  items[index] = {
    ...corrected,
    versions: faults.has('hco-correction-forgets-history')
      ? [message.messageId]
      : [...earlier.versions, message.messageId],
    ...(faults.has('hco-correction-unmarked')
      ? {}
      : { marking: 'R' as const, changes: changesBetween(earlier, corrected, faults) }),
  };
}
