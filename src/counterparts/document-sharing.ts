import { randomUUID } from 'node:crypto';
import { CheckFailed } from '../checks/check-failed.ts';
import type { Exchange } from '../evidence/exchange.ts';
import {
  operationOutcome,
  type Counterpart,
  type CounterpartResponse,
  type IncomingRequest,
} from './counterpart.ts';

/** One ITI-65 Provide Document Bundle as received, whether or not it could be parsed. */
export interface Submission {
  seq: number;
  receivedAt: string;
  exchange: Exchange;
  /** The parsed transaction Bundle, when the body was JSON. */
  bundle?: unknown;
  parseError?: string;
}

/**
 * National document sharing recipient, IHE MHD style: accepts a Provide Document Bundle (ITI-65) as a FHIR
 * transaction posted to its FHIR base URL and keeps it for steps to inspect. It accepts leniently (only "is it a
 * JSON transaction Bundle") so that content problems are judged by checkpoints, with evidence, not by this endpoint.
 */
export class DocumentSharingRecipient implements Counterpart {
  readonly id = 'document-sharing';
  readonly pathPrefix = '/document-sharing';
  private readonly submissions: Submission[] = [];
  private readonly waiters = new Set<() => void>();

  handle(request: IncomingRequest, exchange: Exchange): CounterpartResponse {
    if (request.method !== 'POST' || !['/fhir', '/fhir/'].includes(request.path)) {
      return operationOutcome(
        404,
        `ITI-65 is POST ${this.pathPrefix}/fhir (FHIR transaction); got ${request.method} ${this.pathPrefix}${request.path}`,
        'not-supported',
      );
    }
    const submission: Submission = {
      seq: this.submissions.length + 1,
      receivedAt: new Date().toISOString(),
      exchange,
    };
    let answer: CounterpartResponse;
    try {
      submission.bundle = JSON.parse(request.body.toString('utf8'));
      const bundle = submission.bundle as { resourceType?: unknown; type?: unknown; entry?: unknown };
      if (bundle.resourceType !== 'Bundle' || bundle.type !== 'transaction') {
        answer = operationOutcome(
          400,
          `expected a FHIR Bundle of type transaction (ITI-65), got resourceType=${String(bundle.resourceType)} type=${String(bundle.type)}`,
        );
      } else {
        answer = transactionResponse(Array.isArray(bundle.entry) ? bundle.entry.length : 0);
      }
    } catch (error) {
      submission.parseError = (error as Error).message;
      answer = operationOutcome(400, `body is not JSON: ${submission.parseError}`, 'structure');
    }
    this.submissions.push(submission);
    for (const wake of this.waiters) wake();
    return answer;
  }

  /** Number of submissions so far; pass it to `waitForSubmission` to wait for the next one. */
  get count(): number {
    return this.submissions.length;
  }

  /** Resolves with the first submission after `afterCount`, or fails the checkpoint when none arrives in time. */
  async waitForSubmission(afterCount: number, timeoutMs: number): Promise<Submission> {
    const found = this.submissions[afterCount];
    if (found) return found;
    return new Promise<Submission>((resolve, reject) => {
      const wake = () => {
        const next = this.submissions[afterCount];
        if (!next) return;
        cleanup();
        resolve(next);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new CheckFailed(
            `no Provide Document Bundle reached the document sharing recipient within ${timeoutMs} ms`,
            { expected: 'an ITI-65 submission', actual: 'none' },
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.add(wake);
    });
  }
}

function transactionResponse(entries: number): CounterpartResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify({
      resourceType: 'Bundle',
      id: randomUUID(),
      type: 'transaction-response',
      entry: Array.from({ length: entries }, () => ({ response: { status: '201 Created' } })),
    }),
  };
}
