import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CheckFailed } from '../../src/checks/check-failed.ts';
import { HttpDriver } from '../../src/driver/http-driver.ts';
import type { Exchange } from '../../src/evidence/exchange.ts';
import { EvidenceClient } from '../../src/evidence/http-client.ts';
import { REDACTED, Redactor } from '../../src/evidence/redact.ts';
import { localServer } from '../support/server.ts';

const TOKEN = 'tok-3f9a8b7c6d5e4f';

function driverFor(
  base: string,
  timeoutMs = 2000,
  maxBodyBytes = 1024 * 1024,
): { driver: HttpDriver; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  const client = new EvidenceClient({
    redactor: new Redactor([TOKEN]),
    timeoutMs,
    maxBodyBytes,
    record: (e) => void exchanges.push(e),
  });
  return { driver: new HttpDriver(base, client, TOKEN), exchanges };
}

async function failure(promise: Promise<unknown>): Promise<CheckFailed> {
  const error = await promise.then(
    () => assert.fail('expected the checkpoint to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof CheckFailed, `expected CheckFailed, got ${String(error)}`);
  return error;
}

const base = await localServer((req, res) => {
  const url = req.url ?? '';
  if (url.includes('invalid-json'))
    return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"output": ');
  if (url.includes('wrong-type'))
    return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>oops</html>');
  if (url.includes('server-error'))
    return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"db down"}');
  if (url.includes('hang')) return; // never answers
  if (url.includes('huge')) {
    // 50 MB streamed in 1 MB chunks: the client must stop reading at its limit.
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < 50) {
        sent += 1;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('error', () => undefined);
    return pump();
  }
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session=abc' });
    res.end(
      JSON.stringify({
        action: 'x',
        status: 'done',
        output: { echo: body, auth: req.headers.authorization },
      }),
    );
  });
});

test('a good answer returns the output; the token never reaches the evidence', async () => {
  const { driver, exchanges } = driverFor(base);
  const output = await driver.perform('diagnosekort.share', {
    patient: '2509479989',
    note: `token ${TOKEN}`,
  });
  assert.equal(output['auth'], `Bearer ${TOKEN}`, 'the SUT gets the token');
  const evidence = JSON.stringify(exchanges);
  assert.ok(!evidence.includes(TOKEN), 'the token is redacted everywhere in the evidence');
  assert.equal(exchanges[0]?.request.headers['authorization'], REDACTED);
  assert.equal(exchanges[0]?.response?.headers['set-cookie'], REDACTED);
  assert.equal(exchanges[0]?.response?.status, 200);
});

test('invalid JSON fails the checkpoint with the exchange recorded', async () => {
  const { driver, exchanges } = driverFor(base);
  const error = await failure(driver.perform('invalid-json', {}));
  assert.match(error.message, /not valid JSON/);
  assert.equal(exchanges.length, 1);
  assert.equal(exchanges[0]?.response?.body?.text, '{"output": ');
});

test('a wrong content type fails the checkpoint', async () => {
  const { driver } = driverFor(base);
  const error = await failure(driver.perform('wrong-type', {}));
  assert.match(error.message, /content type "text\/html"/);
  assert.equal(error.details.expected, 'application/json');
});

test('an HTTP error status fails the checkpoint with the body excerpt', async () => {
  const { driver } = driverFor(base);
  const error = await failure(driver.perform('server-error', {}));
  assert.match(error.message, /HTTP 500/);
  assert.match(error.details.actual ?? '', /db down/);
});

test('no answer within the timeout fails the checkpoint', async () => {
  const { driver, exchanges } = driverFor(base, 300);
  const started = Date.now();
  const error = await failure(driver.perform('hang', {}));
  assert.match(error.message, /within 300 ms/);
  assert.ok(Date.now() - started < 2000);
  assert.match(exchanges[0]?.error ?? '', /timeout/);
});

test('a 50 MB body stops at the limit and fails the checkpoint, memory stays bounded', async () => {
  const { driver, exchanges } = driverFor(base, 10_000, 2 * 1024 * 1024);
  const error = await failure(driver.perform('huge', {}));
  assert.match(error.message, /exceeds the limit of 2097152 bytes/);
  const body = exchanges[0]?.response?.body;
  assert.equal(body?.overLimit, true);
  assert.equal(body?.size, 2 * 1024 * 1024);
  assert.equal(body?.truncated, true, 'the evidence keeps only the inline part of the body');
});

test('an unreachable SUT fails with a clear message', async () => {
  const { driver, exchanges } = driverFor('http://127.0.0.1:9');
  const error = await failure(driver.info());
  assert.match(error.message, /connection refused/);
  assert.equal(exchanges.length, 1);
});

const receiver = await localServer((req, res) => {
  const url = req.url ?? '';
  if (url.includes('hang')) return; // never answers
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    if (url.includes('garbage')) return void res.writeHead(200, { 'content-type': 'text/plain' }).end('%%%');
    res.writeHead(400, { 'content-type': 'application/fhir+json' });
    res.end(JSON.stringify({ got: body, type: req.headers['content-type'], url }));
  });
});

test('deliver POSTs the message as is to /certbench/v1/inbound/<channel> and returns any answer', async () => {
  const { driver, exchanges } = driverFor(receiver);
  const answer = await driver.deliver({
    channel: 'lab-report',
    contentType: 'application/xml',
    body: '<Emessage/>',
    description: 'XRPT01 test report',
  });
  assert.equal(answer.kind, 'http');
  if (answer.kind !== 'http') return;
  assert.equal(answer.status, 400, 'a non-2xx answer is returned for the checkpoint to judge, not thrown');
  const echoed = JSON.parse(answer.body.toString()) as { got: string; type: string; url: string };
  assert.deepEqual(echoed, {
    got: '<Emessage/>',
    type: 'application/xml',
    url: '/certbench/v1/inbound/lab-report',
  });
  assert.equal(exchanges[0]?.name, 'deliver XRPT01 test report');
  assert.equal(exchanges[0]?.request.headers['authorization'], REDACTED);
});

test('deliver goes to the profile inbound URL of a channel when one is set, garbage is returned as is', async () => {
  const exchanges: Exchange[] = [];
  const client = new EvidenceClient({
    redactor: new Redactor([TOKEN]),
    timeoutMs: 2000,
    maxBodyBytes: 1024,
    record: (e) => void exchanges.push(e),
  });
  const driver = new HttpDriver('http://127.0.0.1:9', client, TOKEN, {
    homecareobservation: `${receiver}/edi/garbage`,
  });
  const answer = await driver.deliver({
    channel: 'homecareobservation',
    contentType: 'application/fhir+json',
    body: '{}',
    description: 'HCO',
  });
  assert.deepEqual(answer.kind === 'http' && [answer.status, answer.body.toString()], [200, '%%%']);
  assert.equal(exchanges[0]?.request.url, `${receiver}/edi/garbage`);
});

test('a receiving endpoint that hangs fails the checkpoint with the exchange recorded', async () => {
  const { driver, exchanges } = driverFor(`${receiver}/hang`, 300);
  const error = await failure(
    driver.deliver({ channel: 'x', contentType: 'application/json', body: '{}', description: 'msg' }),
  );
  assert.match(error.message, /delivering msg: .*300 ms/);
  assert.equal(exchanges.length, 1);
});
