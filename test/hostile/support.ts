// A hostile SUT on 127.0.0.1:0 that answers the automation API's pre-flight properly and then misbehaves in one
// chosen way, and a run of certbench against it with every output checked for the planted token and for size.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fastReferenceProfileYaml } from '../../reference-gp/test-profile.ts';
import type { CertificationResult, CheckpointResult } from '../../src/result/types.ts';
import { runCertification } from '../../src/run/run-certification.ts';
import { quietEnvironment } from '../support/run.ts';
import { localServer } from '../support/server.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

/** The token the hostile SUT is given; it echoes it back in every form it can. */
export const TOKEN = 'hostile+tok/7Qx9Lm2Vb8Kc';

/** Every form of the token that must never reach an output (a redacted base64 keeps no more than its edges). */
export const TOKEN_FORMS = [
  TOKEN,
  encodeURIComponent(TOKEN),
  Buffer.from(TOKEN).toString('base64'),
  Buffer.from(TOKEN).toString('base64url'),
  Buffer.from(`certbench:${TOKEN}`).toString('base64'),
  Buffer.from(`certbench:${TOKEN}`).toString('base64').slice(8, 30),
];

/** The token in every way a hostile SUT might echo it. */
export function echoes(authorization: string | undefined): string {
  return [
    `authorization=${authorization ?? ''}`,
    `raw=${TOKEN}`,
    `url=${encodeURIComponent(TOKEN)}`,
    `b64=${Buffer.from(TOKEN).toString('base64')}`,
    `b64url=${Buffer.from(TOKEN).toString('base64url')}`,
    `basic=Basic ${Buffer.from(`certbench:${TOKEN}`).toString('base64')}`,
    `json=${JSON.stringify({ token: TOKEN })}`,
  ].join('; ');
}

/**
 * The bound on everything one run writes, as the README states it ("Bounded outputs"): per exchange its evidence file
 * (each body inline up to 256 KiB) and its first copy in messages.ndjson; per checkpoint its record, JUnit and Allure
 * entries (messages and check details at most 8 KiB each, exchange excerpts at most 16 KiB per body, a reference for
 * a repeated exchange); plus the Allure HTML app. Nothing in it depends on the size of what the SUT sends.
 */
export function outputBound(checkpoints: number, exchanges: number): number {
  return 8 * 1024 * 1024 + checkpoints * 256 * 1024 + exchanges * 1.2 * 1024 * 1024;
}

export type Misbehaviour = (req: IncomingMessage, res: ServerResponse, session: Session) => void;

export interface Session {
  counterparts: Record<string, string>;
}

/** Starts the hostile SUT: `info`, `session` and its ping answer properly, every other call goes to `misbehave`. */
export async function hostileSut(misbehave: Misbehaviour): Promise<string> {
  const session: Session = { counterparts: {} };
  return localServer((req, res) => {
    res.on('error', () => undefined);
    const url = req.url ?? '';
    if (url === '/certbench/v1/info')
      return void json(res, 200, {
        vendor: 'Hostile',
        system: 'hostile SUT',
        version: '6.6.6',
        automationApiVersion: '1',
      });
    if (url === '/certbench/v1/session') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        session.counterparts = (JSON.parse(body) as Session).counterparts;
        res.writeHead(204).end();
      });
      return;
    }
    // It does reach certbench's counterparts when asked (the run's first check); its hostility is in what follows.
    if (url === '/certbench/v1/session/ping') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        fetch((JSON.parse(body) as { url: string }).url).then(
          () => json(res, 200, { reached: true }),
          (error: Error) => json(res, 200, { reached: false, error: error.message }),
        );
      });
      return;
    }
    req.resume();
    misbehave(req, res, session);
  });
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export interface HostileRun {
  result: CertificationResult;
  outDir: string;
  output: string;
  files: string[];
  totalBytes: number;
}

/** Runs Diagnosekort against the hostile SUT with the planted token, as the CLI would. */
export async function runAgainst(sutUrl: string, extraProfile = '', html = false): Promise<HostileRun> {
  const dir = await tempDir('certbench-hostile-');
  const profile = await writeTemp(
    dir,
    'hostile.yaml',
    fastReferenceProfileYaml({ vendor: 'Hostile', system: 'hostile SUT', version: '6.6.6' }, extraProfile),
  );
  const outDir = join(dir, 'out');
  const env = quietEnvironment({ CERTBENCH_REFERENCE_GP_TOKEN: TOKEN });
  const { result } = await runCertification(
    {
      profileFile: profile,
      sutUrl,
      protocols: ['diagnosekort'],
      mode: 'self-test',
      outDir,
      strict: false,
      html,
      summary: true,
    },
    env,
  );
  const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(join(outDir, f)).isFile(),
  );
  const totalBytes = files.reduce((n, f) => n + statSync(join(outDir, f)).size, 0);
  return { result, outDir, output: env.output(), files, totalBytes };
}

/** What every hostile case must show: failed checkpoints with evidence, no harness error, no secret, bounded size. */
export function assertHeld(run: HostileRun, expectedMessage: RegExp): CheckpointResult[] {
  assert.equal(run.result.harnessErrors.length, 0, JSON.stringify(run.result.harnessErrors).slice(0, 2000));
  assert.equal(run.result.outcome.exitCode, 1, 'a blocking failure, nothing else');
  const failed = run.result.protocols.flatMap((p) => p.checkpoints).filter((c) => c.status === 'failed');
  assert.ok(failed.length > 0, 'checkpoints failed');
  for (const cp of failed) assert.ok(cp.evidence.length > 0, `${cp.id} has evidence`);
  assert.ok(
    failed.some((c) => expectedMessage.test(c.message ?? '')),
    `a failure says ${String(expectedMessage)}; got ${failed
      .map((c) => c.message)
      .join(' | ')
      .slice(0, 1500)}`,
  );
  assertNoSecret(run);
  const checkpoints = run.result.protocols.flatMap((p) => p.checkpoints).length;
  const bound = outputBound(checkpoints, run.result.evidence.length);
  assert.ok(run.totalBytes < bound, `outputs ${run.totalBytes} bytes, over the stated bound of ${bound}`);
  return failed;
}

export function assertNoSecret(run: HostileRun): void {
  for (const file of run.files) {
    const text = readFileSync(join(run.outDir, file), 'latin1');
    for (const form of TOKEN_FORMS) assert.ok(!text.includes(form), `${file} leaks the token as ${form}`);
  }
  for (const form of TOKEN_FORMS) assert.ok(!run.output.includes(form), `the console leaks ${form}`);
}
