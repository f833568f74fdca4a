import type { Exchange } from '../evidence/exchange.ts';

/** A request as a counterpart sees it: already read (within the size limit) and recorded. */
export interface IncomingRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** True when the body exceeded the counterpart limit; `body` then holds only the first part. */
  overLimit: boolean;
}

export interface CounterpartResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * The base contract of every endpoint certbench hosts for the SUT to call (design: counterparts). The host does the
 * recording; a counterpart only interprets the request, keeps what steps will wait for, and builds the answer.
 */
export interface Counterpart {
  readonly id: string;
  /** Path prefix on the counterpart host, e.g. `/document-sharing`. */
  readonly pathPrefix: string;
  handle(request: IncomingRequest, exchange: Exchange): CounterpartResponse;
  /**
   * A request the host refused before `handle` (over the size limit, or aborted by the SUT mid-upload), so a step
   * waiting for a submission sees it with its evidence and reason rather than timing out.
   */
  refused?(request: IncomingRequest, exchange: Exchange, reason: string): void;
}

/** A FHIR OperationOutcome that says what was expected, for any request a counterpart cannot accept. */
export function operationOutcome(status: number, diagnostics: string, code = 'invalid'): CounterpartResponse {
  return fhirAnswer(status, {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics }],
  });
}

/** An answer carrying one FHIR resource as JSON. */
export function fhirAnswer(status: number, resource: object): CounterpartResponse {
  return {
    status,
    headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify(resource),
  };
}
