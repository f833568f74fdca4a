// When and how a result is shared: the database of its discipline, a new message for a new result, a follow-up
// message (correction, consent update, cancellation) pointing to the previous message of the same result.
import { randomUUID } from 'node:crypto';
import type { GpContext } from '../context.ts';
import { danishDateTime } from '../time.ts';
import { buildMessage, type Activity } from './message.ts';
import type { LabPerson } from './persons.ts';
import type { Database, LabResult } from './records.ts';
import { databaseUrl, sendMessage } from './send.ts';

/** The variant the system was started as wins (a deployed system is one variant); else the session's. */
export function senderVariant(ctx: GpContext): 'gp-system' | 'plsp' {
  const variant = ctx.variants['lab-sharing'] ?? ctx.session?.variants?.['lab-sharing'];
  return variant === 'plsp' ? 'plsp' : 'gp-system';
}

/** The databases a result goes to: LABA for biochemistry, MiBA for microbiology (or a fault's wrong choice). */
export function databasesOf(ctx: GpContext, result: LabResult): Database[] {
  const { faults } = ctx;
  if (faults.has('lab-copy-to-both-databases')) return ['laba', 'miba'];
  if (result.discipline === 'biochemistry') return [faults.has('lab-biochemistry-to-miba') ? 'miba' : 'laba'];
  return [faults.has('lab-microbiology-to-laba') ? 'laba' : 'miba'];
}

/** Sends a message about the result to each of its databases. */
export async function share(
  ctx: GpContext,
  result: LabResult,
  person: LabPerson,
  activity: Activity,
  role?: 'revision' | 'removal',
): Promise<void> {
  for (const database of databasesOf(ctx, result)) {
    // Fault: a follow-up points to the result's first message instead of the latest one.
    const sent = ctx.faults.has('lab-correction-references-original')
      ? result.messages
      : [...result.messages].reverse();
    const previous = sent.find((m) => m.database === database);
    const messageId = randomUUID();
    const bundle = buildMessage({
      result,
      person,
      database,
      destination: databaseUrl(ctx, database),
      messageId,
      activity,
      ...(role && previous ? { previous: { role, messageId: previous.messageId } } : {}),
      sender: senderVariant(ctx),
      timestamp: danishDateTime(ctx.clock()),
    });
    await sendMessage(ctx, result, { messageId, database, bundle });
  }
}

/** A follow-up (correction, consent update, cancellation) of a result that was shared; nothing if it never was. */
export async function shareFollowUp(
  ctx: GpContext,
  result: LabResult,
  person: LabPerson,
  activity: Activity,
  role: 'revision' | 'removal' | undefined,
): Promise<void> {
  // Fault: a follow-up of a result that was never shared (kept locally) is sent as if it had been.
  if (result.messages.length === 0 && !ctx.faults.has('lab-follow-up-of-local-result-sent')) return;
  await share(ctx, result, person, activity, role);
}
