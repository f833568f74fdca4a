// What the GP sees of the lab inbox, by patient: the requisitions with their state (as of a date, so an item
// archived until an appointment can be seen to resurface), automatic replies, fees and the audit log.
import type { GpContext } from '../context.ts';
import { invalid } from '../http/problem.ts';
import { danishDate, isCalendarDate } from '../time.ts';
import type { InboxItem } from './model.ts';

function patientOf(query: URLSearchParams): string {
  const patient = query.get('patient') ?? '';
  if (!/^\d{10}$/.test(patient)) throw invalid('patient must be a CPR number of 10 digits');
  return patient;
}

function asOf(ctx: GpContext, query: URLSearchParams): string {
  const date = query.get('asOf');
  if (date === null) return danishDate(ctx.clock());
  if (!isCalendarDate(date)) throw invalid('asOf must be a date YYYY-MM-DD');
  return date;
}

function view(ctx: GpContext, item: InboxItem, date: string): Record<string, unknown> {
  // Only an item archived until an appointment has archivedUntil (returnToInbox deletes it); others never resurface.
  const resurfaced =
    date >= (item.archivedUntil ?? '9999-12-31') && !ctx.faults.has('inbox-never-resurfaces');
  return {
    requisition: item.requisition,
    patient: item.patient,
    autoHandling: item.autoHandling,
    state: resurfaced ? 'inbox' : item.state,
    ...(item.archivedUntil ? { archivedUntil: item.archivedUntil } : {}),
    reasons: resurfaced ? ['the appointment day has come'] : item.reasons,
    results: item.results.map((r) => ({
      npu: r.npu,
      name: r.name,
      status: r.status,
      value: r.value,
      ...(r.operator ? { operator: r.operator } : {}),
      ...(r.unit ? { unit: r.unit } : {}),
      // Fault inbox-unit-of-first-result: every result shows the unit of the requisition's first result.
      ...(ctx.faults.has('inbox-unit-of-first-result') && item.results[0]?.unit
        ? { unit: item.results[0].unit }
        : {}),
      ...(r.flag ? { flag: r.flag } : {}),
      producer: r.producer,
    })),
  };
}

export function observeInboxItems(ctx: GpContext, query: URLSearchParams): unknown[] {
  const patient = patientOf(query);
  const date = asOf(ctx, query);
  return ctx.state.inbox.items.filter((i) => i.patient === patient).map((i) => view(ctx, i, date));
}

export function observePatientMessages(ctx: GpContext, query: URLSearchParams): unknown[] {
  const patient = patientOf(query);
  // Fault inbox-lists-every-patient: the whole clinic's replies and audit entries.
  return ctx.state.inbox.messages
    .filter((m) => ctx.faults.has('inbox-lists-every-patient') || m.patient === patient)
    .map(({ patient: _p, ...message }) => message);
}

export function observeFees(ctx: GpContext, query: URLSearchParams): unknown[] {
  const patient = patientOf(query);
  return ctx.state.inbox.fees.filter((f) => f.patient === patient).map(({ patient: _p, ...fee }) => fee);
}

export function observeAudit(ctx: GpContext, query: URLSearchParams): unknown[] {
  const patient = patientOf(query);
  return (
    ctx.state.inbox.audit
      .filter((a) => ctx.faults.has('inbox-lists-every-patient') || a.patient === patient)
      // Fault inbox-audit-actor-doctor: automatic actions are logged under the practice's doctor.
      .map(({ patient: _p, ...entry }) => ({
        ...entry,
        actor: ctx.faults.has('inbox-audit-actor-doctor') ? 'doctor' : 'system',
      }))
  );
}
