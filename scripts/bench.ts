// Performance benchmark (kept out of the tests, which must not be timed): runs every protocol against the
// reference GP system several times and reports median start-up and checkpoint time, checkpoints per second, peak
// memory, the wall time of a whole CLI run, and certbench's checkpoint time against the same HTTP exchanges made
// directly with undici.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { request } from 'undici';
import { startReferenceGp } from '../reference-gp/index.ts';
import { makeEnvironment } from '../src/environment/environment.ts';
import type { Exchange } from '../src/evidence/exchange.ts';
import type { CertificationResult } from '../src/result/types.ts';
import { PACKAGE_ROOT } from '../src/run/package-root.ts';
import { runCertification, type RunTimings } from '../src/run/run-certification.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const sink = new Writable({ write: (_c, _e, done) => done() });
const env = makeEnvironment({ stdout: sink, stderr: sink, env: {} });

async function inProcessRun(): Promise<{ timings: RunTimings; result: CertificationResult; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'certbench-bench-'));
  const { timings, result } = await runCertification(
    {
      referenceGp: { faults: [] },
      protocols: 'all',
      mode: 'self-test',
      outDir: dir,
      strict: false,
      html: false,
      summary: false,
    },
    env,
  );
  return { timings, result, dir };
}

/** The same outgoing exchanges, made directly with undici against a fresh reference GP system. */
async function directReplay(exchanges: Exchange[]): Promise<number> {
  const recipient = createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      res
        .writeHead(200, { 'content-type': 'application/fhir+json' })
        .end('{"resourceType":"Bundle","type":"transaction-response"}'),
    );
  });
  await new Promise<void>((resolve) => recipient.listen(0, '127.0.0.1', resolve));
  const recipientUrl = `http://127.0.0.1:${(recipient.address() as AddressInfo).port}/fhir`;
  const token = 'bench-token-value';
  const gp = await startReferenceGp({ token, faults: [] });
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    accept: 'application/json',
  };
  await request(`${gp.url}/certbench/v1/session`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ runId: 'bench', counterparts: { documentSharing: recipientUrl } }),
  }).then((r) => r.body.text());
  const started = performance.now();
  for (const e of exchanges) {
    const path = new URL(e.request.url).pathname;
    const body = e.request.body?.text;
    const answer = await request(`${gp.url}${path}`, {
      method: e.request.method as 'POST',
      headers,
      ...(body ? { body } : {}),
    });
    await answer.body.text();
  }
  const elapsed = performance.now() - started;
  await gp.stop();
  await new Promise<void>((resolve) => recipient.close(() => resolve()));
  return elapsed;
}

const samples: { timings: RunTimings; checkpoints: number; replayMs: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  const { timings, result, dir } = await inProcessRun();
  // Actions of the checkpoint phase only (the pre-flight info/session calls belong to start-up).
  const exchanges = result.evidence
    .filter((e) => e.direction === 'outgoing' && e.name.startsWith('action '))
    .map((e) => JSON.parse(readFileSync(join(dir, e.file), 'utf8')) as Exchange)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const replayMs = await directReplay(exchanges);
  const checkpoints = result.protocols.reduce(
    (n, p) => n + p.checkpoints.filter((c) => c.steps.length > 0).length,
    0,
  );
  samples.push({ timings, checkpoints, replayMs });
  await rm(dir, { recursive: true, force: true });
}
// The first run pays for loading cucumber and the step files; report it apart from the warm runs.
const [cold, ...warm] = samples;
const wall: number[] = [];
for (let i = 0; i < 3; i++) {
  const dir = await mkdtemp(join(tmpdir(), 'certbench-bench-cli-'));
  const t = performance.now();
  spawnSync(
    process.execPath,
    [
      join(PACKAGE_ROOT, 'bin/certbench.js'),
      'run',
      '--reference-gp',
      '--no-html',
      '--no-summary',
      '--out',
      dir,
    ],
    { stdio: 'ignore' },
  );
  wall.push(performance.now() - t);
  await rm(dir, { recursive: true, force: true });
}
const checkpointsMs = median(warm.map((s) => s.timings.checkpointsMs));
const replayMs = median(warm.map((s) => s.replayMs));
const count = warm[0]?.checkpoints ?? 0;
const lines = [
  `certbench benchmark: ${RUNS} in-process runs of every protocol against the reference GP system (${count} checkpoints run)`,
  `  first run (cold):          start-up ${cold?.timings.startupMs.toFixed(0)} ms, checkpoints ${cold?.timings.checkpointsMs.toFixed(0)} ms`,
  `  warm runs, median:         start-up ${median(warm.map((s) => s.timings.startupMs)).toFixed(0)} ms, checkpoints ${checkpointsMs.toFixed(0)} ms, reporting ${median(warm.map((s) => s.timings.reportingMs)).toFixed(0)} ms`,
  `  checkpoints per second:    ${((count / checkpointsMs) * 1000).toFixed(0)}`,
  `  same exchanges via undici: ${replayMs.toFixed(1)} ms → certbench/direct ratio ${(checkpointsMs / replayMs).toFixed(1)}, overhead per checkpoint ${((checkpointsMs - replayMs) / count).toFixed(2)} ms`,
  `  peak memory (max RSS):     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  `  CLI wall time, median of 3 (node start, tsx, load, run, record, projections; no HTML): ${median(wall).toFixed(0)} ms`,
];
process.stdout.write(`${lines.join('\n')}\n`);
