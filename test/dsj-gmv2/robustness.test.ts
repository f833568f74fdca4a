// A SUT that says "done" to everything but does nothing, and answers observations and deliveries with nonsense:
// every runnable checkpoint fails with evidence, none is a harness error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCertification } from '../../src/run/run-certification.ts';
import { checkpoints, quietEnvironment } from '../support/run.ts';
import { localServer } from '../support/server.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

test('a SUT that does nothing and answers nonsense fails dsj-gmv2 with evidence, never a harness error', async () => {
  const sut = await localServer((req, res) => {
    const path = req.url ?? '';
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      // It does reach certbench's counterparts (the run's first check); it only does nothing with them.
      if (path.endsWith('/session/ping'))
        return void fetch((JSON.parse(body) as { url: string }).url).then(
          () => json({ reached: true }),
          (error: Error) => json({ reached: false, error: error.message }),
        );
      if (path.endsWith('/info'))
        return json({ vendor: 'Idle', system: 'Idle LPS', version: '1', automationApiVersion: '1' });
      if (path.endsWith('/session')) return json({});
      if (path.includes('/actions/'))
        return json({ action: path.split('/').pop(), status: 'done', output: {} });
      if (path.includes('/observations/')) return json({ observation: 'dsj.record', value: 'nonsense' });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok?');
    });
  });
  const dir = await tempDir();
  const profile = await writeTemp(
    dir,
    'idle.yaml',
    [
      'certbench: 1',
      'vendor: Idle',
      'system: Idle LPS',
      "version: '1'",
      'driver: http',
      'automation:',
      `  baseUrl: ${sut}`,
      '  timeoutMs: 2000',
      'counterparts:',
      '  bindHost: 127.0.0.1',
      '  bindPort: 0',
      '  waitTimeoutMs: 200',
      'clockToleranceMs: 1000',
      'protocols:',
      '  dsj-gmv2:',
      '    variant: fhir',
      '',
    ].join('\n'),
  );
  const { result } = await runCertification(
    {
      profileFile: profile,
      protocols: ['dsj-gmv2'],
      mode: 'self-test',
      outDir: dir,
      strict: false,
      html: false,
      summary: false,
    },
    quietEnvironment(),
  );
  assert.deepEqual(result.harnessErrors, []);
  const runnable = checkpoints(result).filter((c) => c.mode === 'automatic' && c.status !== 'pending');
  assert.ok(runnable.length >= 18);
  // Its HTTP 200 takes the answers (DSJ-3.3.1.1) and answers those without a subject without a server error
  // (DSJ-3.3.1.8): both pass whatever the body says.
  const answeredWithout5xx = new Set(['DSJ-3.3.1.1', 'DSJ-3.3.1.8']);
  assert.deepEqual(
    runnable
      .filter((c) => c.status !== 'failed' && !answeredWithout5xx.has(c.id))
      .map((c) => `${c.id} ${c.status}`),
    [],
  );
  for (const c of runnable.filter((c) => c.status === 'failed'))
    assert.ok(c.evidence.length > 0, `${c.id} has evidence`);
  const referral = checkpoints(result).find((c) => c.id === 'DSJ-3.3.2.1');
  assert.match(referral?.message ?? '', /no REF01 reached the birthplace/);
});
