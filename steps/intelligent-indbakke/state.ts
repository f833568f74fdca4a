// What an intelligent-indbakke scenario planned: requisitions as ordered, reports as delivered, and the outcome
// of each delivery (the SUT's answer and the inbox as it looked right after).
import { createHash } from 'node:crypto';
import type { InboundAnswer } from '../../src/driver/types.ts';
import type { InboxSnapshot } from '../../src/rules/inbox/inbox-view.ts';
import type { ResultRow } from '../../src/rules/inbox/delivery.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { scenarioState } from '../../src/steps-api/scenario-state.ts';

export interface OrderedRequisition {
  ref: string;
  patient: string;
  /** Days from the run to the appointment (arkiver-til-aftale). */
  appointmentInDays?: number;
}

export interface DeliveredReport {
  step: string;
  lab: string;
  requisition: string;
  cpr: string;
  rows: ResultRow[];
  /** Sent without its closing tags (not well-formed XML). */
  cutOff?: boolean;
  /** Sent without this element (with its content): well-formed, but without what XRPT01 requires. */
  omit?: string;
  /** Sent with this element present but empty (<X></X>): well-formed, but without the value XRPT01 requires. */
  blank?: string;
  /** The XRPT01 namespace bound to this prefix instead of the default namespace. */
  prefix?: string;
  /** On a requisition number nobody ordered (not one of the scenario's requisitions). */
  unordered?: boolean;
}

export interface DeliveryOutput {
  answer: { status?: number; contentType?: string; excerpt?: string };
  /** The inbox of every patient of the scenario right after the delivery, by CPR. */
  snapshots: Record<string, InboxSnapshot>;
}

export interface AppointmentOutput {
  dayBefore: unknown;
  appointmentDay: unknown;
  dates: { dayBefore: string; appointmentDay: string };
}

export interface InboxScenario {
  patients: string[];
  requisitions: Map<string, OrderedRequisition>;
  deliveries: DeliveredReport[];
  /** Plan steps that changed the clinic's default auto-handling type, in order. */
  defaultSettings: string[];
}

export const inboxScenario = scenarioState<InboxScenario>(() => ({
  patients: [],
  requisitions: new Map(),
  deliveries: [],
  defaultSettings: [],
}));

/**
 * The requisition number sent for a feature's reference: unique per run, so a SUT that keeps requisitions across
 * runs never sees a number twice (RequesterSampleIdentifier is at most 15 characters).
 */
export function requisitionNumber(runId: string, ref: string): string {
  return `${ref}${createHash('sha256').update(runId).digest('hex').slice(0, 6)}`.slice(0, 15);
}

export function ordered(world: CertbenchWorld, ref: string): OrderedRequisition {
  const found = inboxScenario(world).requisitions.get(ref);
  if (!found) throw new Error(`requisition "${ref}" is not ordered in this scenario`);
  return found;
}

export function answerOf(answer: InboundAnswer): DeliveryOutput['answer'] {
  if (answer.kind === 'manual') return {};
  return {
    status: answer.status,
    contentType: answer.contentType,
    excerpt: answer.body.subarray(0, 200).toString('utf8'),
  };
}
