// `certbench check` and the check every http run makes first: a wrong URL, a wrong token and a SUT that cannot
// reach the counterparts each stop with the connection error (exit 6) and a message naming what to fix.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startReferenceGp, type ReferenceGp } from '../../reference-gp/index.ts';
import { EXIT } from '../../src/errors/exit-codes.ts';
import { ConnectionError } from '../../src/errors/index.ts';
import { checkProfile } from '../../src/preflight/check-profile.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { fastReferenceProfile, quietEnvironment } from '../support/run.ts';
import { localServer } from '../support/server.ts';

const TOKEN = 'check-test-token-value';
let gp: ReferenceGp;

before(async () => {
  gp = await startReferenceGp({ token: TOKEN });
});
after(() => gp.stop());

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function profileFor(baseUrl: string, counterparts = ''): Promise<string> {
  const file = await fastReferenceProfile();
  let text = (await readFile(file, 'utf8')).replace('http://127.0.0.1:1', baseUrl);
  if (counterparts)
    text = text.replace('counterparts: { waitTimeoutMs: 400 }', `counterparts: ${counterparts}`);
  await writeFile(file, text);
  return file;
}

function certbench(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin/certbench.js'), ...args], {
      cwd: PACKAGE_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

function connectionError(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof ConnectionError, `a ConnectionError, got ${String(error)}`);
    assert.match(error.message, pattern);
    assert.ok(!error.message.includes(TOKEN), 'the token is never in the message');
    return true;
  };
}

test('a SUT that answers, accepts the token and reaches the counterparts passes every check', async () => {
  const env = quietEnvironment({ CERTBENCH_REFERENCE_GP_TOKEN: TOKEN });
  const lines = await checkProfile({ profileFile: await profileFor(gp.url) }, env);
  assert.ok(
    lines.some((l) => /^info: MedCom \(certbench\) .* automation API 1/.test(l)),
    lines.join('\n'),
  );
  assert.ok(lines.includes('token: accepted'));
  assert.ok(lines.some((l) => /^session: accepted/.test(l)));
  assert.ok(
    lines.some((l) => /^counterparts: the SUT reached http:\/\/127\.0\.0\.1:\d+\/certbench-ping/.test(l)),
  );
});

test('a wrong URL is a connection error naming the URL and the profile field to fix', async () => {
  const port = await closedPort();
  const env = quietEnvironment({ CERTBENCH_REFERENCE_GP_TOKEN: TOKEN });
  await assert.rejects(
    checkProfile({ profileFile: await profileFor(`http://127.0.0.1:${port}`) }, env),
    connectionError(
      new RegExp(
        `GET http://127\\.0\\.0\\.1:${port}/certbench/v1/info: connection refused.*Fix: check automation\\.baseUrl in .*reference-fast\\.yaml`,
      ),
    ),
  );
  await assert.rejects(
    checkProfile({ profileFile: await profileFor(gp.url), sutUrl: `http://127.0.0.1:${port}` }, env),
    connectionError(/Fix: check --sut-url \(now http:\/\/127\.0\.0\.1:\d+\)/),
  );
});

test('a wrong token is a connection error naming the variable to set', async () => {
  const env = quietEnvironment({ CERTBENCH_REFERENCE_GP_TOKEN: 'not-the-token' });
  await assert.rejects(
    checkProfile({ profileFile: await profileFor(gp.url) }, env),
    connectionError(
      /the SUT refused the token: GET http:.*\/certbench\/v1\/info answered HTTP 401.*set the environment variable CERTBENCH_REFERENCE_GP_TOKEN/,
    ),
  );
});

test('a SUT that cannot reach the counterparts is a connection error naming the address and the fix', async () => {
  const port = await closedPort();
  const env = quietEnvironment({ CERTBENCH_REFERENCE_GP_TOKEN: TOKEN });
  const profile = await profileFor(
    gp.url,
    `{ waitTimeoutMs: 400, advertisedBaseUrl: 'http://127.0.0.1:${port}' }`,
  );
  await assert.rejects(
    checkProfile({ profileFile: profile }, env),
    connectionError(
      new RegExp(
        `cannot reach certbench's counterparts: it was asked to call http://127\\.0\\.0\\.1:${port}/certbench-ping and the call never arrived \\(the SUT says: [^)]*ECONNREFUSED[^)]*\\)\\. Fix: .*counterparts\\.advertisedBaseUrl`,
      ),
    ),
  );
});

test('the CLI: check and run stop with exit 6 and the message on stderr', async () => {
  const port = await closedPort();
  const profile = await profileFor(`http://127.0.0.1:${port}`);
  const env = { CERTBENCH_REFERENCE_GP_TOKEN: TOKEN };
  const check = await certbench(['check', '--profile', profile], env);
  assert.equal(check.code, EXIT.connectionError, check.out);
  assert.match(
    check.out,
    /^certbench: connection error: cannot reach the SUT's automation API: GET http:\/\/127\.0\.0\.1:\d+\/certbench\/v1\/info/m,
  );
  const run = await certbench(
    ['run', '--profile', profile, '--no-html', '--out', join(profile, '..', 'out')],
    env,
  );
  assert.equal(run.code, EXIT.connectionError, run.out);
  assert.match(run.out, /connection error: cannot reach the SUT's automation API/);
  assert.doesNotMatch(run.out, /Ikke godkendt/);
  const ok = await certbench(['check', '--profile', await profileFor(gp.url)], env);
  assert.equal(ok.code, EXIT.ok, ok.out);
  assert.match(ok.out, /The SUT can be tested from here/);
});

test('an automation API of another version, or no ping, is a connection error saying what to implement', async () => {
  const env = quietEnvironment({ CERTBENCH_REFERENCE_GP_TOKEN: TOKEN });
  const answering = (version: string) =>
    localServer((req, res) => {
      req.resume();
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url?.endsWith('/info'))
        return json(200, { vendor: 'Old', system: 'Old LPS', version: '9', automationApiVersion: version });
      if (req.url?.endsWith('/session')) return res.writeHead(204).end();
      return json(404, { error: `no such endpoint: ${req.url ?? ''}` });
    });
  await assert.rejects(
    checkProfile({ profileFile: await profileFor(await answering('2')) }, env),
    connectionError(/answered automationApiVersion "2"; this certbench speaks version "1"/),
  );
  await assert.rejects(
    checkProfile({ profileFile: await profileFor(await answering('1')) }, env),
    connectionError(
      /POST http:.*\/certbench\/v1\/session\/ping answered HTTP 404: .*must implement every path/,
    ),
  );
});
