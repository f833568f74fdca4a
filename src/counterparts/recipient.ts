import { CheckFailed } from '../checks/check-failed.ts';
import type { Exchange } from '../evidence/exchange.ts';
import { checkXmlDepth, parseJsonBounded } from '../limits/parse-limits.ts';
import {
  operationOutcome,
  type Counterpart,
  type CounterpartResponse,
  type IncomingRequest,
} from './counterpart.ts';

/** One submission as received by a counterpart (a FHIR Bundle, or a MedCom XML letter), parsed or not. */
export interface Submission {
  seq: number;
  receivedAt: string;
  exchange: Exchange;
  /** The parsed body, when it could be parsed (JSON unless the counterpart has its own parser). */
  bundle?: unknown;
  parseError?: string;
}

export interface RecipientOptions {
  /** Counterpart id, used in evidence names, e.g. `document-sharing`. */
  id: string;
  /** Key of this counterpart's base URL in the automation API session, e.g. `documentSharing`. */
  sessionKey: string;
  /** What the SUT submits here, for messages, e.g. `Provide Document Bundle (ITI-65)`. */
  what: string;
  /** Returns why a parsed body is refused (answered 400), or undefined to accept it. */
  refuse(body: unknown): string | undefined;
  /** The answer to an accepted body. */
  accept(body: unknown): CounterpartResponse;
  /** Path under the prefix the SUT posts to; `/fhir` unless the counterpart is not a FHIR endpoint. */
  endpoint?: string;
  /** Reads the body (throws when it cannot); JSON unless the counterpart receives another format. */
  parse?: (body: Buffer) => unknown;
}

/**
 * An endpoint certbench hosts for the SUT to submit to: a FHIR base `<prefix>/fhir` by default, or another path and
 * parser (the hospital referral receives MedCom XML). It keeps every
 * submission, accepted or not, and lets steps wait for the next one. It accepts leniently, so content problems are
 * judged by checkpoints with evidence rather than by this endpoint.
 */
export class Recipient implements Counterpart {
  readonly id: string;
  readonly pathPrefix: string;
  readonly sessionKey: string;
  readonly endpoint: string;
  private readonly options: RecipientOptions;
  private readonly submissions: Submission[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(options: RecipientOptions) {
    this.options = options;
    this.id = options.id;
    this.sessionKey = options.sessionKey;
    this.pathPrefix = `/${options.id}`;
    this.endpoint = options.endpoint ?? '/fhir';
  }

  handle(request: IncomingRequest, exchange: Exchange): CounterpartResponse {
    if (request.method !== 'POST' || ![this.endpoint, `${this.endpoint}/`].includes(request.path)) {
      return operationOutcome(
        404,
        `${this.options.what} is POST ${this.pathPrefix}${this.endpoint}; got ${request.method} ${this.pathPrefix}${request.path}`,
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
      if (this.options.parse) {
        checkXmlDepth(request.body.toString('utf8'));
        submission.bundle = this.options.parse(request.body);
      } else submission.bundle = parseJsonBounded(request.body.toString('utf8'));
      const refusal = this.options.refuse(submission.bundle);
      answer = refusal ? operationOutcome(400, refusal) : this.options.accept(submission.bundle);
    } catch (error) {
      submission.parseError = (error as Error).message;
      const format = this.options.parse ? 'readable' : 'JSON';
      answer = operationOutcome(400, `body is not ${format}: ${submission.parseError}`, 'structure');
    }
    this.submissions.push(submission);
    for (const wake of this.waiters) wake();
    return answer;
  }

  refused(request: IncomingRequest, exchange: Exchange, reason: string): void {
    if (request.method !== 'POST' || ![this.endpoint, `${this.endpoint}/`].includes(request.path)) return;
    this.submissions.push({
      seq: this.submissions.length + 1,
      receivedAt: new Date().toISOString(),
      exchange,
      parseError: reason,
    });
    for (const wake of this.waiters) wake();
  }

  /** Number of submissions so far; pass it to `waitForSubmission` to wait for the next one. */
  get count(): number {
    return this.submissions.length;
  }

  /** The submissions received after the first `count` ones, in order. */
  submissionsSince(count: number): Submission[] {
    return this.submissions.slice(count);
  }

  /** Calls `wake` after every new submission until the returned function is called. */
  subscribe(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
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
          new CheckFailed(`no ${this.options.what} reached ${this.id} within ${timeoutMs} ms`, {
            expected: `a submission to ${this.pathPrefix}${this.endpoint}`,
            actual: 'none',
          }),
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

/** Does a parsed body look like a Bundle of one of these types? Returns why not. */
export function bundleOfType(body: unknown, types: string[]): string | undefined {
  const b = body as { resourceType?: unknown; type?: unknown } | undefined;
  return b?.resourceType === 'Bundle' && typeof b.type === 'string' && types.includes(b.type)
    ? undefined
    : `expected a FHIR Bundle of type ${types.join(' or ')}, got resourceType=${String(b?.resourceType)} type=${String(b?.type)}`;
}
