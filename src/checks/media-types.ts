/**
 * Media types of the cucumber attachments step code writes and the verdict engine reads: the only channel between
 * them (design example 9: evidence travels in the message stream).
 */
export const EXCHANGE_MEDIA_TYPE = 'application/vnd.certbench.exchange+json';
/** A later scenario's reference to an exchange attached in full earlier in the run: `{"id": …}`. */
export const EXCHANGE_REF_MEDIA_TYPE = 'application/vnd.certbench.exchange-ref+json';
export const CHECK_MEDIA_TYPE = 'application/vnd.certbench.check+json';
export const PENDING_MEDIA_TYPE = 'application/vnd.certbench.pending+json';
export const ASSESSMENT_MEDIA_TYPE = 'application/vnd.certbench.assessment+json';
/** A protocol's deliberate pause (RecordedPause): read by the benchmark's replay, not by the verdict engine. */
export const PAUSE_MEDIA_TYPE = 'application/vnd.certbench.pause+json';
