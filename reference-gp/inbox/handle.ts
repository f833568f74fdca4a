// What the system does automatically once a requisition is decided: reply to the patient and archive, archive until
// the appointment, or leave it in the doctor's inbox. Every automatic action is written to the audit log.
import type { GpContext } from '../context.ts';
import { PRACTICE, fullName } from '../test-data.ts';
import { danishDateTime } from '../time.ts';
import type { Decision } from './assess.ts';
import type { AuditAction, InboxItem } from './model.ts';

function audit(ctx: GpContext, item: InboxItem, action: AuditAction, detail: string): void {
  if (ctx.faults.has('inbox-no-audit')) return;
  ctx.state.inbox.audit.push({
    patient: item.patient,
    at: danishDateTime(ctx.clock()),
    requisition: item.requisition,
    action,
    detail,
  });
}

function replyToPatient(ctx: GpContext, item: InboxItem): void {
  if (ctx.faults.has('inbox-no-auto-reply')) return;
  // Only a report of a known patient matches a requisition (receive.ts), and only a matched one is auto-handled.
  // Fault inbox-reply-greets-first-patient: the greeting is filled from another patient's record (the first other).
  const patient = ctx.faults.has('inbox-reply-greets-first-patient')
    ? [...ctx.state.patients.values()].find((p) => p.patient.cpr !== item.patient)!.patient
    : ctx.state.patients.get(item.patient)!.patient;
  const greeting = `Kære ${fullName(patient)}`;
  ctx.state.inbox.messages.push({
    patient: item.patient,
    requisition: item.requisition,
    sentAt: danishDateTime(ctx.clock()),
    // Fault inbox-reply-without-text: the reply is sent with its template left empty.
    text: ctx.faults.has('inbox-reply-without-text')
      ? ''
      : `${greeting}. Dine prøvesvar (rekvisition ${item.requisition}) er normale og giver ikke anledning til yderligere. Venlig hilsen ${PRACTICE.name}`,
  });
  audit(ctx, item, 'auto-reply', 'automatisk svar til patienten: alle svar er inden for grænserne');
  if (ctx.faults.has('inbox-fee-on-auto-reply'))
    ctx.state.inbox.fees.push({
      patient: item.patient,
      // An e-konsultation fee, as if the doctor had answered by hand (illustrative code).
      code: '0105',
      text: 'E-konsultation',
      requisition: item.requisition,
      registeredAt: danishDateTime(ctx.clock()),
    });
}

export function applyDecision(ctx: GpContext, item: InboxItem, decision: Decision): void {
  switch (decision.kind) {
    case 'wait':
      item.state = 'awaiting-results';
      item.reasons = decision.reasons;
      return;
    case 'inbox':
      item.state = 'inbox';
      item.reasons = decision.reasons;
      return;
    case 'auto-reply':
      replyToPatient(ctx, item);
      item.autoHandled = true;
      item.reasons = ['automatic reply sent'];
      if (ctx.faults.has('inbox-auto-reply-stays-in-inbox')) {
        item.state = 'inbox';
        return;
      }
      item.state = 'archived';
      audit(ctx, item, 'archive', 'arkiveret efter automatisk svar');
      return;
    case 'archive-until-appointment':
      item.state = 'archived';
      item.archivedUntil = decision.until;
      item.autoHandled = true;
      item.reasons = [`archived until the appointment ${decision.until}`];
      audit(ctx, item, 'archive-until-appointment', `arkiveret til aftalen ${decision.until}`);
      return;
  }
}

/** A new report on a requisition the system already handled automatically: the doctor must see it. */
export function returnToInbox(ctx: GpContext, item: InboxItem, corrected: boolean): void {
  item.state = 'inbox';
  delete item.archivedUntil;
  const reason = corrected
    ? 'corrected result after automatic handling'
    : 'new report after automatic handling';
  item.reasons = [reason];
  // Fault inbox-return-logged-as-received: the return is logged under the system's own event name.
  audit(
    ctx,
    item,
    ctx.faults.has('inbox-return-logged-as-received') ? ('received' as AuditAction) : 'return-to-inbox',
    reason,
  );
}
