// The auto-handling type after ordering: the clinic's default (inbox.set-default-auto-handling) and a change of one
// requisition's type before its results are in (inbox.change-auto-handling), as in EG Clinea's manual (addendum §A.2).
import { invalid } from '../http/problem.ts';
import { optionalDate, patientRecord, requiredEnum, requiredString, type Input } from '../input.ts';
import type { GpContext } from '../context.ts';
import { AUTO_HANDLING_TYPES } from './model.ts';

export function setDefaultAutoHandling(ctx: GpContext, input: Input): Record<string, unknown> {
  const autoHandling = requiredEnum(input, 'autoHandling', AUTO_HANDLING_TYPES);
  ctx.state.inbox.defaultAutoHandling = autoHandling;
  return { autoHandling };
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
  const item = ctx.state.inbox.items.find((i) => i.requisition === number && i.patient === patient);
  // Once the results are judged, a new type would rewrite history: the doctor handles the requisition instead.
  if (item && (item.state !== 'awaiting-results' || item.autoHandled))
    throw invalid(
      `requisition ${number} was already judged (state ${item.state}); its auto-handling type can no longer change`,
    );
  if (ctx.faults.has('inbox-type-fixed-at-ordering')) return { requisition: number, autoHandling };
  requisition.autoHandling = autoHandling;
  if (appointment) requisition.appointment = appointment;
  if (item) item.autoHandling = autoHandling;
  return { requisition: number, autoHandling };
}
