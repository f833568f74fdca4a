// The GP system's local lab results: what the clinic registered, what happened to each result, and the messages
// sent for it (so a correction can point to the previous message and a resend can repeat it).

export type Database = 'laba' | 'miba';
export type Discipline = 'biochemistry' | 'microbiology';
export type Comparator = '<' | '<=' | '>=' | '>';

export interface LabAnalysis {
  /** NPU code; a local analysis without one is kept locally and never shared. */
  npu?: string;
  display: string;
  /** Stable identifier of this analysis's Observation (urn:uuid), the same in every message. */
  identifier: string;
  quantity?: { value: number; comparator?: Comparator; unit?: string; ucum?: string };
  grade?: string;
  organism?: { system: string; code: string; display: string };
}

export type Sharing = 'not-shared' | 'pending' | 'shared' | 'rejected';

export interface SentMessage {
  messageId: string;
  database: Database;
  /** The Bundle as sent the last time (a resend repeats it with a new Bundle.id and timestamp). */
  bundle: fhir4.Bundle;
}

export interface LabResult {
  id: string;
  /** Stable identifier of the DiagnosticReport (urn:uuid), the same in every message about this result. */
  identifier: string;
  person: string;
  samplingTime: string;
  registeredAt: string;
  discipline: Discipline;
  analyses: LabAnalysis[];
  status: 'final' | 'corrected' | 'cancelled';
  cancelReason?: string;
  refusedConsent: boolean;
  deleted: boolean;
  sharing: Sharing;
  messages: SentMessage[];
  history: { at: string; event: string }[];
}

export function lastMessage(result: LabResult): SentMessage | undefined {
  return result.messages.at(-1);
}
