import { instantOf } from '../../fhir/datetime.ts';
import { CPR_PATTERN, SYSTEM } from '../../fhir/identifiers.ts';
import { describe, npuCoding, type LabMessage } from './message.ts';
import { LAB_SYSTEM } from './model.ts';

/**
 * Content LABA and MiBA must reject and a sender must never produce (issue: missing NPU code, value without unit,
 * sampling time in the future, unknown CPR format). certbench's database counterparts answer such a message with a
 * fatal-error acknowledgement; checkpoints judge that the SUT never sends one.
 */

export function missingNpuCode(message: LabMessage): string[] {
  return message.observations
    .filter((o) => !npuCoding(o)?.code)
    .map((o) => `${describe(o)} has no NPU code (${LAB_SYSTEM.npu})`);
}

export function valueWithoutUnit(message: LabMessage): string[] {
  return message.observations.flatMap((o) => {
    const q = o.valueQuantity as { value?: unknown; unit?: unknown; code?: unknown } | undefined;
    if (q === undefined)
      return typeof o.valueString === 'string' && /^[<>]?=?\s*\d/.test(o.valueString)
        ? [`${describe(o)}.valueString "${o.valueString}" is a number without a unit`]
        : [];
    return q.unit === undefined && q.code === undefined
      ? [`${describe(o)}.valueQuantity ${JSON.stringify(q.value)} has no unit`]
      : [];
  });
}

/** A sampling time after the moment of receipt (plus the allowed clock difference) is in the future. */
export function samplingInFuture(message: LabMessage, receivedAt: Date, toleranceMs = 5_000): string[] {
  return [message.report, ...message.observations].flatMap((r) => {
    const instant = instantOf(r?.effectiveDateTime);
    return instant && instant.getTime() > receivedAt.getTime() + toleranceMs
      ? [`${describe(r)}.effectiveDateTime ${String(r?.effectiveDateTime)} lies in the future`]
      : [];
  });
}

/** The patient is identified by a CPR number in the dk-core format. */
export function unknownCprFormat(message: LabMessage): string[] {
  const identifiers = Array.isArray(message.patient?.identifier)
    ? (message.patient.identifier as unknown[])
    : [];
  const cprs = identifiers
    .map((i) => i as { system?: unknown; value?: unknown })
    .filter((i) => i.system === SYSTEM.cpr);
  if (cprs.length === 0) return [`Patient has no CPR identifier (${SYSTEM.cpr})`];
  return cprs
    .filter((i) => typeof i.value !== 'string' || !CPR_PATTERN.test(i.value))
    .map((i) => `Patient CPR ${JSON.stringify(i.value)} is not in the CPR format (DDMMYY + 4 digits)`);
}

/** Everything a database rejects in a message. */
export function receiverProblems(message: LabMessage, receivedAt: Date): string[] {
  if (!message.header || !message.report) return ['not a lab message: no MessageHeader or DiagnosticReport'];
  return [
    ...missingNpuCode(message),
    ...valueWithoutUnit(message),
    ...samplingInFuture(message, receivedAt),
    ...unknownCprFormat(message),
  ];
}
