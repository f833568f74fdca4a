/**
 * One evidence record for both directions: what certbench sent to the SUT, and what the SUT sent to a counterpart.
 * Built only by `http-client.ts` (outgoing) and `recording.ts` (incoming), which redact secrets first.
 */
export interface Exchange {
  id: string;
  direction: 'outgoing' | 'incoming';
  /** What the exchange was for, e.g. `action diagnosekort.share` or `document-sharing ITI-65`. */
  name: string;
  /** The set-up step (plan step) that made it, e.g. `3.3.1.3 create the ConditionList`; absent for a check's own. */
  step?: string;
  startedAt: string;
  durationMs: number;
  request: HttpMessage & { method: string; url: string };
  response?: HttpMessage & { status: number };
  /** Transport failure: refused, timeout, body too large... */
  error?: string;
}

export interface HttpMessage {
  headers: Record<string, string>;
  body?: BodyRecord;
}

export interface BodyRecord {
  size: number;
  sha256: string;
  /** The body as text, cut at the inline limit. */
  text: string;
  truncated: boolean;
  /** Set when the SUT's body exceeded the configured maximum and reading stopped. */
  overLimit?: boolean;
}

/** Bodies longer than this are cut in the attachment; the hash covers the whole body. */
export const INLINE_BODY_LIMIT = 256 * 1024;
