// Bounds on what the SUT's content can make certbench write. The evidence file of an exchange keeps the body up to
// the inline limit with the SHA-256 of the whole body; every other output embeds at most an excerpt (failure
// messages, check details, Allure attachments) or a reference (repeated exchanges in messages.ndjson), so the size
// of a run's outputs grows with the number of checkpoints, not with what the SUT sends (README, "Bounded outputs").
import type { Envelope } from '@cucumber/messages';
import { CHECK_MEDIA_TYPE, EXCHANGE_MEDIA_TYPE } from '../checks/media-types.ts';
import type { BodyRecord, Exchange } from './exchange.ts';

/** A failure message or check detail longer than this is cut (the answer itself is in the evidence). */
export const MESSAGE_LIMIT = 8 * 1024;
/** An exchange body embedded in a report (Allure attachment) is cut here; the evidence file keeps more. */
export const EXCERPT_LIMIT = 16 * 1024;

export function boundText(text: string, limit = MESSAGE_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… [cut at ${limit} of ${text.length} characters; the SUT's answer is in the evidence]`;
}

/**
 * A cucumber message with its failure texts and check details cut to MESSAGE_LIMIT. Evidence attachments pass
 * whole: they become the evidence files. A message that needs cutting is copied, never changed: it may be the very
 * object cucumber itself holds (Redactor.json passes a message without secrets on as it is).
 */
export function boundEnvelope(envelope: Envelope): Envelope {
  const finished = envelope.testStepFinished;
  const result = finished?.testStepResult;
  if (finished && result) {
    const { message, exception } = result;
    const long = (text: string | undefined) => text !== undefined && text.length > MESSAGE_LIMIT;
    if (long(message) || long(exception?.message) || long(exception?.stackTrace)) {
      const testStepResult = {
        ...result,
        ...(message !== undefined ? { message: boundText(message) } : {}),
        ...(exception
          ? {
              exception: {
                ...exception,
                ...(exception.message !== undefined ? { message: boundText(exception.message) } : {}),
                ...(exception.stackTrace !== undefined
                  ? { stackTrace: boundText(exception.stackTrace) }
                  : {}),
              },
            }
          : {}),
      };
      return { ...envelope, testStepFinished: { ...finished, testStepResult } };
    }
  }
  const attachment = envelope.attachment;
  if (attachment?.mediaType === CHECK_MEDIA_TYPE && attachment.body.length > MESSAGE_LIMIT) {
    const check = JSON.parse(attachment.body) as Record<string, unknown>;
    for (const [key, value] of Object.entries(check))
      if (typeof value === 'string') check[key] = boundText(value);
    return { ...envelope, attachment: { ...attachment, body: JSON.stringify(check) } };
  }
  return envelope;
}

/**
 * The line messages.ndjson keeps for a message: an exchange attached again by another checkpoint (a shared plan's
 * exchanges are attached to every checkpoint that judged them) is written as a reference to its first copy.
 */
export function ndjsonLine(envelope: Envelope, seenExchanges: Set<string>): string {
  const attachment = envelope.attachment;
  if (attachment?.mediaType === EXCHANGE_MEDIA_TYPE && attachment.fileName) {
    if (seenExchanges.has(attachment.fileName)) {
      const reference = { ...attachment, body: JSON.stringify({ sameAs: attachment.fileName }) };
      return `${JSON.stringify({ ...envelope, attachment: reference })}\n`;
    }
    seenExchanges.add(attachment.fileName);
  }
  return `${JSON.stringify(envelope)}\n`;
}

/** An exchange with each body cut to EXCERPT_LIMIT, naming the evidence file that keeps more (for reports). */
export function exchangeExcerpt(
  exchange: Exchange,
  evidenceFile: string,
): Exchange | (Exchange & { evidenceFile: string }) {
  const large = (body: BodyRecord | undefined) => (body?.text.length ?? 0) > EXCERPT_LIMIT;
  // Nothing to cut: the same object, so a caller can link the evidence file instead of writing a copy.
  if (!large(exchange.request.body) && !large(exchange.response?.body)) return exchange;
  const cut = (body: BodyRecord | undefined): BodyRecord | undefined =>
    body && body.text.length > EXCERPT_LIMIT
      ? { ...body, text: body.text.slice(0, EXCERPT_LIMIT), truncated: true }
      : body;
  const request = cut(exchange.request.body);
  const response = exchange.response ? cut(exchange.response.body) : undefined;
  return {
    ...exchange,
    evidenceFile,
    request: { ...exchange.request, ...(request ? { body: request } : {}) },
    ...(exchange.response
      ? { response: { ...exchange.response, ...(response ? { body: response } : {}) } }
      : {}),
  };
}
