// The auto-handling type after ordering: the clinic's default (inbox.set-default-auto-handling) and a change of one
// requisition's type before any result has arrived (inbox.change-auto-handling), as in EG Clinea's manual (addendum §A.2).
import { invalid } from '../http/problem.ts';
import { optionalDate, patientRecord, requiredEnum, requiredString, type Input } from '../input.ts';
import type { GpContext } from '../context.ts';
import { AUTO_HANDLING_TYPES } from './model.ts';

/** Output `previous`: the setting before, so the caller can put it back. */
export function setDefaultAutoHandling(ctx: GpContext, input: Input): Record<string, unknown> {
  const autoHandling = requiredEnum(input, 'autoHandling', AUTO_HANDLING_TYPES);
  const previous = ctx.state.inbox.defaultAutoHandling;
  ctx.state.inbox.defaultAutoHandling = autoHandling;
  return { autoHandling, previous };
}

export function changeAutoHandling(ctx: GpContext, input: Input): Record<string, unknown> {
  const patient = patientRecord(ctx.state, input['patient']).patient.cpr;
  const number = requiredString(input, 'requisition');
  const requisition = ctx.state.inbox.requisitions.get(number);
  if (!requisition || requisition.patient !== patient)
    throw invalid(`requisition ${number} is not ordered for patient ${patient}`);
  const autoHandling = requiredEnum(input, 'autoHandling', AUTO_HANDLING_TYPES);
  const appointment = optionalDate(input, 'appointment') ?? requisition.appointment;
  if (autoHandling === 'arkiver-til-aftale' && !appointment)
    throw invalid('input.appointment is required for arkiver-til-aftale');
  // The item made at ordering (key: the number; reports that match no requisition get other keys).
  const item = ctx.state.inbox.items.find((i) => i.key === number);
  // Once results have arrived, a new type would judge them after the fact: the doctor handles them instead.
  if (item && (item.results.length > 0 || item.state !== 'awaiting-results'))
    throw invalid(
      `requisition ${number} already has results (state ${item.state}); its auto-handling type can no longer change`,
    );
  if (ctx.faults.has('inbox-type-fixed-at-ordering')) return { requisition: number, autoHandling };
  requisition.autoHandling = autoHandling;
  // Fault inbox-type-change-drops-appointment: the new type is kept, its appointment not.
  if (appointment && !ctx.faults.has('inbox-type-change-drops-appointment'))
    requisition.appointment = appointment;
  // Fault: the inbox's copy of the type is not updated (only the decision uses the new one).
  if (item && !ctx.faults.has('inbox-view-shows-ordered-type')) item.autoHandling = autoHandling;
  return { requisition: number, autoHandling };
}
