// The counterpart host against hostile submissions on real sockets: an upload broken off mid-body or one over the
// size limit never reaches the process; both are evidence and reach the recipient, so the waiting checkpoint fails
// with the reason instead of "nothing reached ... within".
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, test } from 'node:test';
import { CounterpartHost } from '../../src/counterparts/host.ts';
import { Recipient } from '../../src/counterparts/recipient.ts';
import { Redactor } from '../../src/evidence/redact.ts';
import { TOKEN } from './support.ts';

const unhandled: unknown[] = [];
const onUnhandled = (error: unknown) => void unhandled.push(error);
process.on('unhandledRejection', onUnhandled);
process.on('uncaughtException', onUnhandled);
after(() => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});

async function startHost(
  maxBodyBytes = 1024,
): Promise<{ host: CounterpartHost; recipient: Recipient; port: number }> {
  const recipient = new Recipient({
    id: 'document-sharing',
    sessionKey: 'documentSharing',
    what: 'Provide Document Bundle (ITI-65)',
    refuse: () => undefined,
    accept: () => ({ status: 200, body: '{}' }),
  });
  const host = new CounterpartHost(
    { bindHost: '127.0.0.1', bindPort: 0, maxBodyBytes, redactor: new Redactor([TOKEN]) },
    [recipient],
  );
  const url = await host.start();
  after(() => host.stop());
  return { host, recipient, port: Number(new URL(url).port) };
}

/** Sends raw bytes on a fresh socket; `then` decides how the socket ends. */
function raw(port: number, text: string, end: 'destroy' | 'end'): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(text, () => {
        if (end === 'destroy') setTimeout(() => socket.destroy(), 50);
        else socket.end();
      });
    });
    socket.on('data', (c: Buffer) => (answer += c.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
  });
}

test('an upload the SUT breaks off mid-body is recorded and fails the waiting checkpoint, never the process', async () => {
  const { host, recipient, port } = await startHost();
  const waiting = recipient.waitForSubmission(0, 10_000);
  await raw(
    port,
    `POST /document-sharing/fhir HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/fhir+json\r\nContent-Length: 5000\r\n\r\n{"resourceType":"Bundle","token":"${TOKEN}"`,
    'destroy',
  );
  const submission = await waiting;
  assert.match(submission.parseError ?? '', /upload aborted by the SUT after \d+ bytes/);
  const exchange = host.exchanges[0];
  assert.ok(exchange, 'the aborted upload is evidence');
  assert.match(exchange.error ?? '', /aborted/);
  assert.ok((exchange.request.body?.size ?? 0) > 0, 'what arrived is kept');
  assert.ok(!JSON.stringify(exchange).includes(TOKEN), 'redacted');
  // The host still serves the next request.
  const next = await raw(port, 'GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'end');
  assert.match(next, /^HTTP\/1\.1 404/);
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(unhandled, []);
});

test('a submission over the size limit is answered 413, is evidence, and the checkpoint says it was refused for size', async () => {
  const { host, recipient, port } = await startHost(1024);
  const waiting = recipient.waitForSubmission(0, 10_000);
  const body = 'x'.repeat(4096);
  const answer = await raw(
    port,
    `POST /document-sharing/fhir HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    'end',
  );
  assert.match(answer, /^HTTP\/1\.1 413/);
  const submission = await waiting;
  assert.match(submission.parseError ?? '', /refused for size: request body over the limit of 1024 bytes/);
  assert.equal(host.exchanges[0]?.response?.status, 413);
  assert.deepEqual(unhandled, []);
});

test('a malformed request line or a reset socket does not reach the process', async () => {
  const { port } = await startHost();
  await raw(port, 'NOT HTTP AT ALL\r\n\r\n', 'end');
  await raw(
    port,
    'POST /document-sharing/fhir HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab',
    'destroy',
  );
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(unhandled, []);
});
