// What the GP system keeps of received HomeCareObservation messages (kommunale prøvesvar): one inbox item per
// report, its versions (traceability of corrections), its lab chart rows, and the acknowledgement given for each
// MessageHeader.id so a duplicate gets the same answer.

export interface HomecareResult {
  code: string;
  system?: string;
  /** The long name (NPU display) as received. */
  longName?: string;
  /** Comparator and value as the user reads it, e.g. `<5`. */
  value: string;
  unit?: string;
  samplingTime: string;
  status: string;
  notReferenceEvaluated: boolean;
  analysisComment?: string;
}

export interface HomecareAttachment {
  title: string;
  contentType: string;
  bytes: number;
  /** Name of the author, where the message names one (Media.operator). */
  author?: string;
  /** Time of creation as received (Media.content.creation). */
  createdAt?: string;
}

/** One received report as the GP sees it in the inbox (the newest version of it). */
export interface HomecareItem {
  /** MessageHeader.id of the newest version. */
  messageId: string;
  /** MessageHeader.ids of every version received, oldest first. */
  versions: string[];
  notified: boolean;
  /** The requisitioning GP's initials, or `unknown` (shared inbox). */
  addressedTo: string;
  patient: { id: string; name: string };
  receiver: { name: string; sor: string };
  producer: { name: string; sor: string; producerId: string };
  signature: { name: string; title: string; phone: string };
  reportStatus: string;
  /** Sending time of the newest version (Provenance.recorded). */
  sentAt: string;
  receivedAt: string;
  clinicalComment?: string;
  results: HomecareResult[];
  attachments: HomecareAttachment[];
  refusedConsent: boolean;
  /** `R` once corrected (MedCom recommendation). */
  marking?: 'R';
  /** What the newest correction changed, in words. */
  changes?: string[];
  cancelled: boolean;
  cancellationReason?: string;
  archived: boolean;
}

export interface HomecareState {
  items: HomecareItem[];
  /** Acknowledgement content by acknowledged MessageHeader.id. */
  acks: Map<string, AckContent>;
  /** Duplicates and rejections, for the technical log. */
  log: { at: string; messageId: string; event: string }[];
}

export interface AckContent {
  code: 'ok' | 'transient-error' | 'fatal-error';
  issues: {
    severity: 'error' | 'information';
    code: string;
    detail: { system: string; code: string };
    text: string;
  }[];
}

export function createHomecareState(): HomecareState {
  return { items: [], acks: new Map(), log: [] };
}
