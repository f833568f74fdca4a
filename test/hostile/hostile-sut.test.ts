// Whole runs against a hostile SUT on a real socket: whatever it answers, certbench ends with failed checkpoints
// that carry evidence, exit 1, no harness error, no secret in any output and outputs under the stated bound. The
// reference GP's automation faults (invalid JSON, wrong content type, 50 MB body, hang) are covered in
// test/e2e/run.test.ts; these are the cases it cannot play.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertHeld, echoes, hostileSut, json, runAgainst, TOKEN } from './support.ts';

test('a SUT that echoes the token in every encoding leaks it into no output', async () => {
  let n = 0;
  const sut = await hostileSut((req, res) => {
    n += 1;
    const text = echoes(req.headers.authorization);
    if (n % 3 === 0) return json(res, 200, { output: text, value: text });
    if (n % 3 === 1)
      return void res.writeHead(500, { 'content-type': 'text/plain', 'x-echo': TOKEN }).end(text);
    return void res.writeHead(200, { 'content-type': `text/${encodeURIComponent(TOKEN)}` }).end(text);
  });
  const run = await runAgainst(sut);
  assertHeld(run, /HTTP 500|content type|must be an object/);
});

test('a SUT that drops its connection in the middle of an upload to a counterpart fails the checkpoint', async () => {
  const sut = await hostileSut((req, res, session) => {
    const url = req.url ?? '';
    if (url.includes('/observations/')) return json(res, 200, { value: [] });
    if (!url.includes('/actions/diagnosekort.share'))
      return json(res, 200, { output: { diagnosisId: `d${Math.random()}` } });
    const target = new URL(session.counterparts['documentSharing'] ?? '');
    const upload = request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', 'content-length': '100000' },
    });
    upload.on('error', () => undefined);
    upload.write(`{"resourceType":"Bundle","type":"transaction","note":"${TOKEN}"`, () =>
      setTimeout(() => {
        upload.destroy();
        setTimeout(() => json(res, 200, { output: {} }), 50);
      }, 50),
    );
  });
  const run = await runAgainst(sut);
  const failed = assertHeld(run, /upload aborted by the SUT after \d+ bytes/);
  assert.ok(
    run.result.evidence.some((e) => e.direction === 'incoming' && /document-sharing/.test(e.name)),
    'the aborted upload is evidence',
  );
  assert.ok(failed.length > 0);
});

test('a 200,000-level JSON answer fails the checkpoints naming the depth limit', async () => {
  const deep = `{"output":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
  const sut = await hostileSut((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(deep),
  );
  const run = await runAgainst(sut);
  assertHeld(run, /JSON nested deeper than certbench's limit of 256 levels/);
});

test('a SUT that drips its answer a byte at a time cannot stretch the call past its timeout', async () => {
  const sut = await hostileSut((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const drip = setInterval(() => res.write(' '), 100);
    res.on('close', () => clearInterval(drip));
  });
  const run = await runAgainst(sut);
  assertHeld(run, /within 2000 ms \(timeout\)/);
});

test('a SUT that resets the connection fails the checkpoints with a transport error', async () => {
  const sut = await hostileSut((req) => req.socket.destroy());
  const run = await runAgainst(sut);
  assertHeld(run, /transport error|other side closed|socket/i);
});

test('a SUT that redirects to itself is not followed', async () => {
  const sut = await hostileSut((req, res) =>
    res.writeHead(302, { location: req.url ?? '/', 'content-type': 'text/plain' }).end(TOKEN),
  );
  const run = await runAgainst(sut);
  assertHeld(run, /HTTP 302/);
});

test('a SUT that answers with near-limit bodies everywhere: outputs grow with checkpoints, not with its answers', async () => {
  const pad = 'x'.repeat(900 * 1024);
  const sut = await hostileSut((req, res) => {
    if ((req.url ?? '').includes('/observations/')) return json(res, 200, { value: { pad, token: TOKEN } });
    return void res.writeHead(500, { 'content-type': 'text/plain' }).end(`${TOKEN} ${pad}`);
  });
  const run = await runAgainst(sut, '', true);
  assertHeld(run, /HTTP 500|not a list/);
  const checkpoints = run.result.protocols.flatMap((p) => p.checkpoints).length;
  const size = (prefix: string) =>
    run.files.filter((f) => f.startsWith(prefix)).reduce((n, f) => n + statSync(join(run.outDir, f)).size, 0);
  for (const f of run.files.filter((f) => f.startsWith('allure-results')))
    assert.ok(statSync(join(run.outDir, f)).size <= 64 * 1024, `${f} is over 64 KiB`);
  assert.ok(
    size('allure-results') <= checkpoints * 256 * 1024,
    `allure-results: ${size('allure-results')} bytes`,
  );
  for (const f of ['certification-result.json', 'junit.xml'])
    assert.ok(size(f) <= checkpoints * 64 * 1024, `${f}: ${size(f)} bytes for ${checkpoints} checkpoints`);
  assert.ok(
    size('messages.ndjson') <= run.result.evidence.length * 600 * 1024 + checkpoints * 64 * 1024,
    `messages.ndjson: ${size('messages.ndjson')} bytes`,
  );
  console.log(
    `outputs: ${run.totalBytes} bytes; allure-report ${size('allure-report')}; ${checkpoints} checkpoints`,
  );
});

test('a shared document nested 200,000 levels deep fails the checkpoints naming the limit, no harness error', async () => {
  const deep = `{"resourceType":"Bundle","entry":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
  const bytes = Buffer.from(deep);
  const bundle = JSON.stringify({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:ref',
        resource: {
          resourceType: 'DocumentReference',
          content: [{ attachment: { url: 'urn:uuid:doc', size: bytes.length } }],
        },
      },
      { fullUrl: 'urn:uuid:doc', resource: { resourceType: 'Binary', data: bytes.toString('base64') } },
    ],
  });
  const sut = await hostileSut((req, res, session) => {
    const url = req.url ?? '';
    if (url.includes('/observations/')) return json(res, 200, { value: [] });
    if (!url.includes('/actions/diagnosekort.share'))
      return json(res, 200, { output: { diagnosisId: `d${Math.random()}` } });
    const upload = request(new URL(session.counterparts['documentSharing'] ?? ''), {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
    });
    upload.on('error', () => undefined);
    upload.on('response', (answer) => {
      answer.resume();
      answer.on('end', () => json(res, 200, { output: {} }));
    });
    upload.end(bundle);
  });
  const run = await runAgainst(sut);
  assertHeld(run, /JSON nested deeper than certbench's limit of 256 levels/);
});
