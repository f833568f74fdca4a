// A pass-through HTTP proxy in front of a system under test that keeps every request and answer as it travelled,
// so a test can judge the traffic of a whole run against the automation API document.
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedExchange {
  method: string;
  /** Path and query as sent, e.g. `/certbench/v1/observations/lab.results?patient=0101010101`. */
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
}

export interface RecordingProxy {
  url: string;
  exchanges: RecordedExchange[];
  stop(): Promise<void>;
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([k, v]) =>
      v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v]],
    ),
  );
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const exchanges: RecordedExchange[] = [];
  const to = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const upstream = forward(
        {
          host: to.hostname,
          port: to.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...incoming.headers, host: to.host },
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            const responseBody = Buffer.concat(parts);
            exchanges.push({
              method: incoming.method ?? 'GET',
              url: incoming.url ?? '/',
              requestHeaders: flatHeaders(incoming.headers),
              requestBody: requestBody.toString('utf8'),
              status: answer.statusCode ?? 0,
              responseHeaders: flatHeaders(answer.headers),
              responseBody: responseBody.toString('utf8'),
            });
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers).end(responseBody);
          });
        },
      );
      upstream.on('error', (error) => outgoing.writeHead(502).end(error.message));
      upstream.end(requestBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
