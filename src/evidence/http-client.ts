import { randomUUID } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import type { Exchange } from './exchange.ts';
import type { Redactor } from './redact.ts';

export interface HttpCall {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpOutcome {
  exchange: Exchange;
  /** Undefined when the transport failed (see `exchange.error`). */
  status?: number;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface EvidenceClientOptions {
  redactor: Redactor;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Receives every exchange, already redacted. */
  record: (exchange: Exchange) => Promise<void> | void;
  dispatcher?: Dispatcher;
}

/**
 * The only way certbench calls a SUT. Every call is recorded (redacted) whether it succeeds, times out, is refused
 * or answers with a body over the limit; such failures are returned, never thrown, so a step can fail the checkpoint.
 */
export class EvidenceClient {
  private readonly options: EvidenceClientOptions;
  constructor(options: EvidenceClientOptions) {
    this.options = options;
  }

  async call(call: HttpCall): Promise<HttpOutcome> {
    const { redactor, timeoutMs, maxBodyBytes } = this.options;
    const started = Date.now();
    const requestBody = call.body === undefined ? undefined : Buffer.from(call.body, 'utf8');
    const exchange: Exchange = {
      id: randomUUID(),
      direction: 'outgoing',
      name: call.name,
      startedAt: new Date(started).toISOString(),
      durationMs: 0,
      request: {
        method: call.method,
        url: redactor.text(call.url),
        headers: redactor.headers(call.headers ?? {}),
        ...(requestBody ? { body: redactor.body(requestBody) } : {}),
      },
    };
    let outcome: HttpOutcome = { exchange, headers: {} };
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await request(call.url, {
        method: call.method,
        headers: call.headers,
        body: requestBody,
        signal,
        ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
      });
      const headers = flattenHeaders(response.headers);
      const { body, overLimit } = await readLimited(response.body, maxBodyBytes);
      exchange.response = {
        status: response.statusCode,
        headers: redactor.headers(headers),
        body: redactor.body(body, overLimit),
      };
      if (overLimit)
        exchange.error = `response body exceeds the limit of ${maxBodyBytes} bytes; reading stopped`;
      outcome = { exchange, status: response.statusCode, headers, ...(overLimit ? {} : { body }) };
    } catch (error) {
      exchange.error = describeTransportError(error, signal, timeoutMs);
    }
    exchange.durationMs = Date.now() - started;
    await this.options.record(exchange);
    return outcome;
  }
}

async function readLimited(
  body: Dispatcher.ResponseData['body'],
  max: number,
): Promise<{ body: Buffer; overLimit: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      chunks.push(chunk.subarray(0, chunk.length - (size - max)));
      body.destroy();
      return { body: Buffer.concat(chunks), overLimit: true };
    }
    chunks.push(chunk);
  }
  return { body: Buffer.concat(chunks), overLimit: false };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function describeTransportError(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted) return `no complete answer within ${timeoutMs} ms (timeout)`;
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused: the SUT is not reachable at this address';
  if (code === 'ENOTFOUND') return 'host not found: the SUT address does not resolve';
  return `transport error${code ? ` ${code}` : ''}: ${e.message ?? String(error)}`;
}
