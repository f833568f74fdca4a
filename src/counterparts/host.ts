import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HarnessError } from '../errors/index.ts';
import type { Exchange } from '../evidence/exchange.ts';
import type { Redactor } from '../evidence/redact.ts';
import {
  operationOutcome,
  type Counterpart,
  type CounterpartResponse,
  type IncomingRequest,
} from './counterpart.ts';

export interface CounterpartHostOptions {
  bindHost: string;
  bindPort: number;
  /** What the SUT should use to reach the host; defaults to the bound address. */
  advertisedBaseUrl?: string;
  maxBodyBytes: number;
  redactor: Redactor;
  /** Told of every complete request for a counterpart (headers redacted), e.g. for a manual run's journal. */
  onReceived?: (request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: Buffer;
  }) => void;
}

/**
 * One HTTP server for all counterparts, with the recording middleware: every incoming request is read within the
 * size limit, redacted and recorded before (and with) the counterpart's answer.
 */
export class CounterpartHost {
  private server?: Server;
  private baseUrl = '';
  /** Where the host listens (the advertised address may be a proxy's). */
  listenUrl = '';
  /** The port the host listens on, once started. */
  port = 0;
  readonly exchanges: Exchange[] = [];

  private readonly options: CounterpartHostOptions;
  private readonly counterparts: Counterpart[];

  constructor(options: CounterpartHostOptions, counterparts: Counterpart[]) {
    this.options = options;
    this.counterparts = counterparts;
  }

  async start(): Promise<string> {
    // Whatever the SUT does to a request (abort it, reset the socket), it must never reach the process: every
    // failure of a handler ends that one request, recorded as evidence.
    const server = createServer((req, res) => {
      res.on('error', () => undefined);
      this.onRequest(req, res).catch((error: unknown) => this.onHandlerFailure(req, res, error));
    });
    server.on('clientError', (_error, socket) => socket.destroy());
    server.keepAliveTimeout = 1000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) =>
        reject(
          new HarnessError(
            `counterpart host could not listen on ${this.options.bindHost}:${this.options.bindPort}: ${error.message}`,
          ),
        ),
      );
      server.listen(this.options.bindPort, this.options.bindHost, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.listenUrl = `http://${host}:${address.port}`;
    this.port = address.port;
    this.baseUrl = (this.options.advertisedBaseUrl ?? this.listenUrl).replace(/\/$/, '');
    return this.baseUrl;
  }

  urlOf(counterpart: Counterpart, suffix = ''): string {
    return `${this.baseUrl}${counterpart.pathPrefix}${suffix}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const { redactor, maxBodyBytes } = this.options;
    const { body, overLimit, aborted } = await readBody(req, maxBodyBytes);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const counterpart = this.counterparts.find(
      (c) => path === c.pathPrefix || path.startsWith(`${c.pathPrefix}/`),
    );
    const exchange: Exchange = {
      id: randomUUID(),
      direction: 'incoming',
      name: counterpart ? `${counterpart.id} ${req.method ?? ''} ${path}` : `unknown endpoint ${path}`,
      startedAt: new Date(started).toISOString(),
      durationMs: 0,
      request: {
        method: req.method ?? 'GET',
        url: redactor.text(`${this.baseUrl}${req.url ?? '/'}`),
        headers: redactor.headers(headers),
        body: redactor.body(body, overLimit),
      },
    };
    const request: IncomingRequest = {
      method: req.method ?? 'GET',
      path: path.slice(counterpart?.pathPrefix.length ?? 0) || '/',
      headers,
      body,
      overLimit,
    };
    let answer: CounterpartResponse;
    if (aborted) {
      // The SUT dropped the connection mid-upload: record what arrived and how it ended, and tell the counterpart,
      // so the checkpoint waiting for this submission fails with this evidence instead of a timeout.
      exchange.error = `upload aborted by the SUT after ${body.length} bytes (${aborted})`;
      exchange.durationMs = Date.now() - started;
      this.exchanges.push(exchange);
      counterpart?.refused?.(request, exchange, exchange.error);
      res.destroy();
      return;
    }
    if (overLimit) {
      answer = operationOutcome(413, `request body exceeds the limit of ${maxBodyBytes} bytes`, 'too-costly');
      exchange.error = `refused for size: request body over the limit of ${maxBodyBytes} bytes`;
      counterpart?.refused?.(request, exchange, exchange.error);
    } else if (!counterpart) {
      answer = operationOutcome(
        404,
        `no counterpart at ${path}; known: ${this.counterparts.map((c) => c.pathPrefix).join(', ')}`,
        'not-found',
      );
    } else {
      this.options.onReceived?.({
        method: request.method,
        url: req.url ?? '/',
        headers: redactor.headers(headers),
        body,
      });
      try {
        answer = counterpart.handle(request, exchange);
      } catch (error) {
        answer = operationOutcome(
          500,
          `counterpart ${counterpart.id} failed: ${(error as Error).message}`,
          'exception',
        );
      }
    }
    const responseBody = Buffer.from(answer.body ?? '', 'utf8');
    exchange.response = {
      status: answer.status,
      headers: redactor.headers(answer.headers ?? {}),
      body: redactor.body(responseBody),
    };
    exchange.durationMs = Date.now() - started;
    this.exchanges.push(exchange);
    if (res.destroyed) return;
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(responseBody.length) });
    res.end(responseBody);
  }

  /** Last resort for a handler that failed anyway: answer 500 when still possible, never rethrow. */
  private onHandlerFailure(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    const message = this.options.redactor.text((error as Error)?.message ?? String(error));
    if (!res.headersSent && !res.destroyed) {
      const answer = operationOutcome(
        500,
        `certbench could not handle ${req.method ?? ''} ${req.url ?? ''}: ${message}`,
        'exception',
      );
      res.writeHead(answer.status, answer.headers).end(answer.body);
    } else res.destroy();
  }
}

/** Reads a request body within the limit; an upload the SUT breaks off is returned with how it ended, not thrown. */
async function readBody(
  req: IncomingMessage,
  max: number,
): Promise<{ body: Buffer; overLimit: boolean; aborted?: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let overLimit = false;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (!overLimit && size > max) {
        overLimit = true;
        chunks.push(chunk.subarray(0, chunk.length - (size - max)));
      } else if (!overLimit) {
        chunks.push(chunk);
      }
      // Keep draining after the limit so the client gets an answer instead of a reset.
    }
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { body: Buffer.concat(chunks), overLimit, aborted: e.code ?? e.message ?? String(error) };
  }
  // Node ends the stream without an error when the socket closes early on some paths: check completeness too.
  if (!req.complete)
    return {
      body: Buffer.concat(chunks),
      overLimit,
      aborted: 'connection closed before the body was complete',
    };
  return { body: Buffer.concat(chunks), overLimit };
}
