// The GP system's lab inbox: requisitions with the auto-handling type chosen at ordering, what the laboratories
// reported on them, and what the system did automatically (patient replies, fees, audit log).

/**
 * The auto-handling types a requisition can have, as the automation API names them (api/automation-api.openapi.yaml,
 * inbox.order-requisition): "Ingen", "Autosvar ved normal" and archive until the appointment (addendum §A.2).
 */
export const AUTO_HANDLING_TYPES = ['ingen', 'autosvar-ved-normal', 'arkiver-til-aftale'] as const;
export type AutoHandling = (typeof AUTO_HANDLING_TYPES)[number];

export interface Limits {
  lower?: number;
  upper?: number;
}

export interface OrderedAnalysis {
  npu: string;
  /** The clinic's own limits for this analysis; where set they are used instead of the laboratory's. */
  clinicLimits?: Limits;
}

export interface Requisition {
  number: string;
  patient: string;
  autoHandling: AutoHandling;
  /** Date of the patient's appointment (arkiver-til-aftale). */
  appointment?: string;
  analyses: OrderedAnalysis[];
}

/** One result as the laboratory reported it (XRPT01 Result), with the report it came in. */
export interface ReceivedResult {
  npu: string;
  name: string;
  status: string;
  type: string;
  operator?: string;
  value: string;
  unit?: string;
  flag?: string;
  /** The laboratory's ReferenceInterval; without one, empty. */
  interval: { lower?: string; upper?: string; text?: string };
  producer: { identifier: string; code: string };
}

export interface ReceivedReport {
  letterId: string;
  senderCode: string;
  cpr: string;
  requisition: string;
  reportStatus: string;
  results: ReceivedResult[];
}

export type ItemState = 'awaiting-results' | 'inbox' | 'archived';

/** What the doctor's inbox holds for one requisition (or for a report that matched none). */
export interface InboxItem {
  key: string;
  requisition: string;
  patient: string;
  autoHandling: AutoHandling | 'ingen';
  state: ItemState;
  /** Archived until this date (arkiver-til-aftale); the item resurfaces in the inbox on it. */
  archivedUntil?: string;
  /** Newest result per NPU code. */
  results: ReceivedResult[];
  /** Latest report status per sending laboratory. */
  reportStatus: Map<string, string>;
  autoHandled: boolean;
  reasons: string[];
}

export interface PatientMessage {
  patient: string;
  requisition: string;
  sentAt: string;
  text: string;
}

export interface Fee {
  patient: string;
  code: string;
  text: string;
  requisition: string;
  registeredAt: string;
}

export type AuditAction = 'auto-reply' | 'archive' | 'archive-until-appointment' | 'return-to-inbox';

export interface AuditEntry {
  patient: string;
  at: string;
  requisition: string;
  action: AuditAction;
  detail: string;
}

export interface InboxState {
  /** The clinic's default type, for a requisition ordered without one; "Ingen" until the clinic sets another. */
  defaultAutoHandling: AutoHandling;
  requisitions: Map<string, Requisition>;
  items: InboxItem[];
  messages: PatientMessage[];
  fees: Fee[];
  audit: AuditEntry[];
}

export function createInboxState(): InboxState {
  return {
    defaultAutoHandling: 'ingen',
    requisitions: new Map(),
    // Stryker disable next-line ArrayDeclaration: a non-object entry has no patient or key, so every observation and look-up passes it by
    items: [],
    // Stryker disable next-line ArrayDeclaration: a non-object entry has no patient or key, so every observation and look-up passes it by
    messages: [],
    // Stryker disable next-line ArrayDeclaration: a non-object entry has no patient or key, so every observation and look-up passes it by
    fees: [],
    // Stryker disable next-line ArrayDeclaration: a non-object entry has no patient or key, so every observation and look-up passes it by
    audit: [],
  };
}

/** Forgets everything certbench created for a patient (patient.reset). */
export function resetInbox(inbox: InboxState, cpr: string): void {
  const numbers = new Set<string>();
  for (const [number, requisition] of inbox.requisitions)
    if (requisition.patient === cpr) numbers.add(number);
  for (const number of numbers) inbox.requisitions.delete(number);
  inbox.items = inbox.items.filter((i) => i.patient !== cpr && !numbers.has(i.requisition));
  inbox.messages = inbox.messages.filter((m) => m.patient !== cpr);
  inbox.fees = inbox.fees.filter((f) => f.patient !== cpr);
  inbox.audit = inbox.audit.filter((a) => a.patient !== cpr);
}
