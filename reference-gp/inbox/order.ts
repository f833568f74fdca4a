// inbox.order-requisition: the GP orders analyses and chooses the auto-handling type for the requisition, or leaves
// it to the clinic's default.
import { invalid } from '../http/problem.ts';
import { asObject, optionalDate, optionalEnum, patientRecord, requiredString, type Input } from '../input.ts';
import type { GpContext } from '../context.ts';
import { AUTO_HANDLING_TYPES, type AutoHandling, type Limits, type OrderedAnalysis } from './model.ts';

function limit(input: Input, key: string): number | undefined {
  const value = input[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw invalid(`clinicLimits.${key} must be a number`);
  return value;
}

function analysis(value: unknown, index: number): OrderedAnalysis {
  const input = asObject(value, `input.analyses[${index}]`);
  const npu = requiredString(input, 'npu');
  if (!/^NPU\d{5}$/.test(npu)) throw invalid(`input.analyses[${index}].npu must be an NPU code`);
  if (input['clinicLimits'] === undefined) return { npu };
  const limits = asObject(input['clinicLimits'], `input.analyses[${index}].clinicLimits`);
  const lower = limit(limits, 'lower');
  const upper = limit(limits, 'upper');
  if (lower === undefined && upper === undefined) throw invalid('clinicLimits needs lower or upper');
  const clinicLimits: Limits = {
    ...(lower !== undefined ? { lower } : {}),
    ...(upper !== undefined ? { upper } : {}),
  };
  return { npu, clinicLimits };
}

/** The type in force for a new requisition: the one chosen for it, else the clinic's default. */
function handlingOf(ctx: GpContext, chosen: AutoHandling | undefined): AutoHandling {
  const { defaultAutoHandling } = ctx.state.inbox;
  if (chosen === undefined)
    return ctx.faults.has('inbox-ignores-clinic-default')
      ? 'ingen'
      : ctx.faults.has('inbox-unset-type-is-autosvar')
        ? 'autosvar-ved-normal'
        : defaultAutoHandling;
  return ctx.faults.has('inbox-clinic-default-overrides-requisition') && defaultAutoHandling !== 'ingen'
    ? defaultAutoHandling
    : chosen;
}

export function orderRequisition(ctx: GpContext, input: Input): Record<string, unknown> {
  const record = patientRecord(ctx.state, input['patient']);
  const number = requiredString(input, 'requisition');
  if (number.length > 15)
    throw invalid('input.requisition must be at most 15 characters (RequesterSampleIdentifier)');
  if (ctx.state.inbox.requisitions.has(number)) throw invalid(`requisition ${number} is already ordered`);
  const chosen = optionalEnum(input, 'autoHandling', AUTO_HANDLING_TYPES);
  const autoHandling = handlingOf(ctx, chosen);
  const appointment = optionalDate(input, 'appointment');
  if (autoHandling === 'arkiver-til-aftale' && !appointment)
    throw invalid(
      chosen === undefined
        ? "input.appointment is required: the clinic's default auto-handling type is arkiver-til-aftale"
        : 'input.appointment is required for arkiver-til-aftale',
    );
  if (!Array.isArray(input['analyses']) || input['analyses'].length === 0)
    throw invalid('input.analyses must be a non-empty array');
  const analyses = input['analyses'].map(analysis);
  const patient = record.patient.cpr;
  ctx.state.inbox.requisitions.set(number, {
    number,
    patient,
    autoHandling,
    ...(appointment ? { appointment } : {}),
    analyses,
  });
  ctx.state.inbox.items.push({
    key: number,
    requisition: number,
    patient,
    autoHandling,
    state: 'awaiting-results',
    results: [],
    reportStatus: new Map(),
    autoHandled: false,
    reasons: ['ordered; no results yet'],
  });
  return { requisition: number };
}
