// Receiving endpoints of the reference GP system: messages certbench delivers as a laboratory, a municipality or a
// patient would (POST /certbench/v1/inbound/<channel>). Each protocol that tests the GP system as a receiver
// registers its channel here.
import type { GpContext } from './context.ts';
import { receiveLabReport } from './inbox/receive.ts';
import { receiveHomecareObservation } from './homecare/receive.ts';
import { receiveQuestionnaire } from './dsj/questionnaire.ts';

/** A message as it arrived: raw bytes and the content type the sender declared. */
export interface InboundRequest {
  contentType: string;
  body: Buffer;
}

/** The receiving endpoint's answer, e.g. a MedCom acknowledgement message. */
export interface InboundResponse {
  status: number;
  contentType: string;
  body: string;
}

export type InboundHandler = (
  ctx: GpContext,
  request: InboundRequest,
) => InboundResponse | Promise<InboundResponse>;

export const INBOUND: Record<string, InboundHandler> = {
  'lab-report': receiveLabReport,
  homecareobservation: receiveHomecareObservation,
  'pregnancy-questionnaire': receiveQuestionnaire,
};
