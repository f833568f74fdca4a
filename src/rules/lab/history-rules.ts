import type { Resource } from '../../fhir/bundle.ts';
import {
  activityOf,
  describe,
  identifierOf,
  messageIdOf,
  npuCodeOf,
  ownProvenance,
  type LabMessage,
} from './message.ts';
import { ACTIVITY, DATABASE_NAME, type Database } from './model.ts';

/** Rules comparing a follow-up message (correction, cancellation, consent update, resend) with the earlier one. */

/** The follow-up is about the same result: the same report identifier and, per NPU code, the same observation identifiers. */
export function sameResult(previous: LabMessage, next: LabMessage): string[] {
  const problems: string[] = [];
  const before = identifierOf(previous.report);
  const after = identifierOf(next.report);
  if (before === undefined || after !== before)
    problems.push(
      `DiagnosticReport.identifier is ${JSON.stringify(after ?? null)}, expected the original ${JSON.stringify(before ?? null)}`,
    );
  for (const original of previous.observations) {
    const match = next.observations.find((o) => npuCodeOf(o) === npuCodeOf(original));
    if (!match)
      problems.push(`the follow-up has no Observation for ${npuCodeOf(original) ?? describe(original)}`);
    else if (identifierOf(match) !== identifierOf(original))
      problems.push(
        `${describe(match)}.identifier is ${JSON.stringify(identifierOf(match) ?? null)}, expected the original ${JSON.stringify(identifierOf(original) ?? null)}`,
      );
  }
  return problems;
}

/** A follow-up is a new message: a new MessageHeader.id (a resend is the only message that repeats one). */
export function newMessageId(previous: LabMessage, next: LabMessage): string[] {
  const id = messageIdOf(next);
  return id !== undefined && id !== messageIdOf(previous)
    ? []
    : [
        `MessageHeader.id ${JSON.stringify(id ?? null)} repeats the original message's id; a follow-up is a new message`,
      ];
}

/** A resend repeats the message: same MessageHeader.id and result identifiers, a new Bundle.id and timestamp. */
export function isResendOf(original: LabMessage, resend: LabMessage): string[] {
  const problems = sameResult(original, resend);
  if (messageIdOf(resend) !== messageIdOf(original))
    problems.push(
      `MessageHeader.id is ${JSON.stringify(messageIdOf(resend) ?? null)}, expected the original ${JSON.stringify(messageIdOf(original) ?? null)} (a resend is the same message)`,
    );
  if (resend.bundle.id === original.bundle.id)
    problems.push(`Bundle.id ${JSON.stringify(resend.bundle.id)} is reused; a resend has a new envelope id`);
  if (resend.bundle.timestamp === original.bundle.timestamp)
    problems.push(
      `Bundle.timestamp ${JSON.stringify(resend.bundle.timestamp)} is reused; a resend has a new sending time`,
    );
  return problems;
}

/** The cancellation carries the GP's comment (reason) in DiagnosticReport.conclusion. */
export function cancellationReason(message: LabMessage, reason: string): string[] {
  const conclusion = message.report?.conclusion;
  if (typeof conclusion === 'string' && conclusion.includes(reason)) return [];
  return [
    `DiagnosticReport.conclusion is ${JSON.stringify(conclusion ?? null)}, expected the comment "${reason}"`,
  ];
}

/** A message that cancels: retract-message activity or a cancelled/entered-in-error status. */
export function isCancellation(message: LabMessage): boolean {
  const status = message.report?.status;
  return (
    activityOf(ownProvenance(message)) === ACTIVITY.retract ||
    status === 'cancelled' ||
    status === 'entered-in-error'
  );
}

/** A request to a database other than a message submission (e.g. an HTTP DELETE). */
export interface OtherRequest {
  database: Database;
  method: string;
  url: string;
}

/** Results are never deleted: no DELETE (or other non-submission request) reaches a database. */
export function noDeletion(others: OtherRequest[]): string[] {
  return others.map(
    (r) =>
      `${r.method} ${r.url} reached ${DATABASE_NAME[r.database]}: a result is never deleted in the databases`,
  );
}

/** Nothing was sent that cancels or changes these results. */
export function noFollowUp(messages: LabMessage[], what: string): string[] {
  return messages.map(
    (m) =>
      `${isCancellation(m) ? 'a cancellation' : 'a message'} (MessageHeader ${messageIdOf(m) ?? '?'}, ${describe(m.report)}) was sent ${what}`,
  );
}

export function valueOf(observation: Resource | undefined): string {
  const q = observation?.valueQuantity as { value?: number; unit?: string } | undefined;
  return q ? `${String(q.value)} ${q.unit ?? ''}`.trim() : JSON.stringify(observation?.valueString ?? null);
}
