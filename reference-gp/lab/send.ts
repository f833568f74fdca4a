// Sends lab messages to LABA or MiBA and handles their acknowledgement the MedCom way: ok → shared;
// transient-error → the same message again (new Bundle.id and timestamp), at most twice; fatal-error → rejected,
// shown to the GP and not resent.
import { randomUUID } from 'node:crypto';
import type { GpContext } from '../context.ts';
import { applyLabContentFaults } from '../faults/lab-mutations.ts';
import { postTo } from '../http/post.ts';
import { invalid } from '../http/problem.ts';
import { danishDateTime } from '../time.ts';
import type { Database, LabResult, SentMessage, Sharing } from './records.ts';

const MAX_RESENDS = 2;

/** What the database answered; an HTTP error or a body that is no acknowledgement counts as fatal-error (rejected). */
type AckCode = 'ok' | 'transient-error' | 'fatal-error';

export function databaseUrl(ctx: GpContext, database: Database): string {
  const url = ctx.session?.counterparts[database];
  if (!url)
    throw invalid(`no ${database} address: PUT /certbench/v1/session with counterparts.${database} first`);
  return url;
}

/** Sends a new message (content faults applied once, as built) and records it on the result. */
export async function sendMessage(ctx: GpContext, result: LabResult, sent: SentMessage) {
  applyLabContentFaults(sent.bundle, ctx.faults);
  result.messages.push(sent);
  result.sharing = await deliver(ctx, sent);
  result.history.push({
    at: danishDateTime(ctx.clock()),
    event: `sent to ${sent.database} (${result.sharing})`,
  });
}

/** Repeats a message as it was sent: same MessageHeader.id and content, new Bundle.id and timestamp. */
export async function resendMessage(ctx: GpContext, result: LabResult, sent: SentMessage): Promise<void> {
  result.sharing = await deliver(ctx, sent, true);
  result.history.push({
    at: danishDateTime(ctx.clock()),
    event: `resent to ${sent.database} (${result.sharing})`,
  });
}

async function deliver(ctx: GpContext, sent: SentMessage, fresh = false): Promise<Sharing> {
  const { faults } = ctx;
  let code = await post(ctx, sent, fresh);
  // Fault: resent until accepted (bounded only so that a database that never accepts cannot hang the system).
  const limit = faults.has('lab-resends-without-limit') ? 10 : MAX_RESENDS;
  for (let resends = 0; code === 'transient-error' && resends < limit; resends += 1) {
    // Fault: the transient error is not followed by a resend.
    if (faults.has('lab-no-resend-on-transient-error')) break;
    code = await post(ctx, sent, true);
  }
  // Fault: a fatal error (invalid content) is resent anyway.
  if (code === 'fatal-error' && faults.has('lab-resend-on-fatal-error')) code = await post(ctx, sent, true);
  // Fault: whatever the database answered, the GP is told the result was shared.
  if (faults.has('lab-ack-ignored')) return 'shared';
  return code === 'ok' ? 'shared' : code === 'transient-error' ? 'pending' : 'rejected';
}

async function post(ctx: GpContext, sent: SentMessage, fresh: boolean): Promise<AckCode> {
  if (fresh) {
    sent.bundle.id = randomUUID();
    sent.bundle.timestamp = danishDateTime(ctx.clock());
  }
  const url = databaseUrl(ctx, sent.database);
  const { status, text } = await postTo(ctx.dispatcher, {
    recipient: sent.database,
    url,
    contentType: 'application/fhir+json',
    body: JSON.stringify(sent.bundle),
  });
  // Fault: the body of an HTTP error answer is read as the acknowledgement (a 500 whose body says ok is shared).
  if ((status < 200 || status > 299) && !ctx.faults.has('lab-http-error-read-as-acknowledgement'))
    return 'fatal-error';
  return ackCode(text, ctx.faults);
}

type AckAnswer = { entry?: { resource?: { response?: { code?: unknown } } }[] } | null;

/** The acknowledgement code of the answer's MessageHeader (its first entry); anything else is fatal-error. */
function ackCode(text: string, faults: GpContext['faults']): AckCode {
  let ack: AckAnswer;
  try {
    ack = JSON.parse(text) as AckAnswer;
  } catch {
    // Fault: an answer that is not JSON, or no acknowledgement, is taken as ok.
    return faults.has('lab-unreadable-answer-taken-as-ok') ? 'ok' : 'fatal-error';
  }
  const code = ack?.entry?.[0]?.resource?.response?.code;
  if (code === undefined && faults.has('lab-unreadable-answer-taken-as-ok')) return 'ok';
  return code === 'ok' || code === 'transient-error' ? code : 'fatal-error';
}
