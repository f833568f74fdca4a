import { ActionRefused, CheckFailed } from '../checks/check-failed.ts';
import type { EvidenceClient, HttpOutcome } from '../evidence/http-client.ts';
import { LimitExceeded, parseJsonBounded } from '../limits/parse-limits.ts';
import type { InboundAnswer, InboundMessage, SessionConfig, SutDriver, SutInfo } from './types.ts';

export const AUTOMATION_PREFIX = '/certbench/v1';

/**
 * Calls the SUT's automation API. Any answer that breaks the contract (refused, timeout, wrong status, wrong
 * content type, invalid JSON, body over the limit) fails the checkpoint with the exchange as evidence.
 */
export class HttpDriver implements SutDriver {
  readonly kind = 'http' as const;
  private readonly baseUrl: string;
  private readonly client: EvidenceClient;
  private readonly token: string | undefined;
  private readonly inboundUrls: Readonly<Record<string, string>>;

  /** `inboundUrls`: channel → receiving endpoint, where the SUT receives elsewhere than the automation API. */
  constructor(
    baseUrl: string,
    client: EvidenceClient,
    token: string | undefined,
    inboundUrls: Readonly<Record<string, string>> = {},
  ) {
    this.baseUrl = baseUrl;
    this.client = client;
    this.token = token;
    this.inboundUrls = inboundUrls;
  }

  async info(): Promise<SutInfo> {
    return (await this.json('GET', '/info', 'automation info')) as SutInfo;
  }

  async configureSession(session: SessionConfig): Promise<void> {
    await this.json('PUT', '/session', 'automation session', session);
  }

  async perform(action: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await this.json('POST', `/actions/${encodeURIComponent(action)}`, `action ${action}`, {
      input,
    });
    const output = (answer as { output?: unknown }).output;
    if (output !== undefined && (typeof output !== 'object' || output === null || Array.isArray(output))) {
      throw new CheckFailed(`automation API action ${action}: "output" must be an object`, {
        actual: JSON.stringify(output),
      });
    }
    return (output ?? {}) as Record<string, unknown>;
  }

  async observe(observation: string, query: Record<string, string>): Promise<unknown> {
    const qs = new URLSearchParams(query).toString();
    const answer = await this.json(
      'GET',
      `/observations/${encodeURIComponent(observation)}${qs ? `?${qs}` : ''}`,
      `observe ${observation}`,
    );
    return (answer as { value?: unknown }).value;
  }

  async deliver(message: InboundMessage): Promise<InboundAnswer> {
    const headers: Record<string, string> = { 'content-type': message.contentType };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    const url =
      this.inboundUrls[message.channel] ??
      this.automationUrl(`/inbound/${encodeURIComponent(message.channel)}`);
    const outcome = await this.client.call({
      name: `deliver ${message.description}`,
      method: 'POST',
      url,
      headers,
      body: message.body,
    });
    if (outcome.status === undefined || outcome.body === undefined) {
      throw new CheckFailed(
        `delivering ${message.description}: ${outcome.exchange.error ?? 'no answer'} (POST ${outcome.exchange.request.url})`,
      );
    }
    return {
      kind: 'http',
      status: outcome.status,
      contentType: outcome.headers['content-type'] ?? '',
      body: outcome.body,
    };
  }

  private automationUrl(path: string): string {
    return `${this.baseUrl.replace(/\/$/, '')}${AUTOMATION_PREFIX}${path}`;
  }

  private async json(
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    name: string,
    body?: unknown,
  ): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    const outcome = await this.client.call({
      name,
      method,
      url: this.automationUrl(path),
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return parseJsonAnswer(outcome, name);
  }
}

/** Applies the automation API's answer rules; exported for tests. */
export function parseJsonAnswer(outcome: HttpOutcome, name: string): unknown {
  const { exchange } = outcome;
  if (outcome.status === undefined || outcome.body === undefined) {
    throw new CheckFailed(
      `${name}: ${exchange.error ?? 'no answer'} (${exchange.request.method} ${exchange.request.url})`,
    );
  }
  if (outcome.status < 200 || outcome.status > 299) {
    const excerpt = outcome.body.subarray(0, 300).toString('utf8');
    const Failure = outcome.status === 422 ? ActionRefused : CheckFailed;
    throw new Failure(`${name}: the SUT answered HTTP ${outcome.status}`, {
      expected: '2xx',
      actual: `${outcome.status} ${excerpt}`,
    });
  }
  if (outcome.status === 204 || outcome.body.length === 0) return {};
  const contentType = outcome.headers['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new CheckFailed(`${name}: the SUT answered with content type "${contentType || 'none'}"`, {
      expected: 'application/json',
      actual: contentType || '(missing)',
    });
  }
  try {
    return parseJsonBounded(outcome.body.toString('utf8'));
  } catch (error) {
    if (error instanceof LimitExceeded) throw new CheckFailed(`${name}: ${error.message}`);
    throw new CheckFailed(`${name}: the SUT's answer is not valid JSON (${(error as Error).message})`, {
      actual: outcome.body.subarray(0, 200).toString('utf8'),
    });
  }
}
