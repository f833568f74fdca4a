// The CLI as a user meets it: a child process, its output and its documented exit codes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXIT } from '../../src/errors/exit-codes.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { runNode, type NodeOutcome } from '../support/node-process.ts';
import { fastReferenceProfile } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

function certbench(args: string[], env: Record<string, string> = {}): Promise<NodeOutcome> {
  return runNode([join(PACKAGE_ROOT, 'bin/certbench.js'), ...args], env);
}

test('run against the reference GP system: exit 0 and a summary; with a fault: exit 1', async () => {
  const out = await tempDir();
  const ok = await certbench(['run', '--reference-gp', '--no-html', '--out', out]);
  assert.equal(ok.code, EXIT.ok, ok.stderr);
  assert.match(ok.stdout, /diagnosekort\s+1\.0\.2\s+Godkendt/);
  const bad = await certbench([
    'run',
    '--reference-gp',
    '--fault',
    'missing-recorded-date',
    '--no-html',
    '--out',
    out,
  ]);
  assert.equal(bad.code, EXIT.blockingFailure);
  assert.match(bad.stdout, /DK-3\.3\.2\.2-e/);
});

test('a malformed profile stops the run with exit 3, naming file, line and field', async () => {
  const profile = (await readFile(await fastReferenceProfile(), 'utf8')).replace(
    'timeoutMs: 2000',
    'timeoutMs: soon',
  );
  const file = await writeTemp(await tempDir(), 'bad-profile.yaml', profile);
  const run = await certbench(['run', '--profile', file, '--no-html', '--out', await tempDir()]);
  assert.equal(run.code, EXIT.invalidInput);
  assert.match(run.stderr, /bad-profile\.yaml:8: automation\.timeoutMs: /);
  assert.ok(!run.stderr.includes('    at '), 'no stack trace for bad input');
});

test('a missing token variable and a malformed waiver register are input errors (exit 3)', async () => {
  const vendor = join(PACKAGE_ROOT, 'examples/vendor-profile.yaml');
  const noToken = await certbench(['run', '--profile', vendor, '--no-html', '--out', await tempDir()]);
  assert.equal(noToken.code, EXIT.invalidInput);
  assert.match(noToken.stderr, /SUT_TOKEN is not set/);
  const waivers = await writeTemp(await tempDir(), 'w.yaml', 'waivers:\n  - id: W-1\n    checkpoints: []\n');
  const badWaivers = await certbench([
    'run',
    '--reference-gp',
    '--waivers',
    waivers,
    '--no-html',
    '--out',
    await tempDir(),
  ]);
  assert.equal(badWaivers.code, EXIT.invalidInput);
  assert.match(badWaivers.stderr, /w\.yaml:3: waivers\[0\]\.checkpoints: list at least one/);
});

test('lint passes on the shipped protocols and fails (exit 3) on a broken manifest', async () => {
  const ok = await certbench(['lint']);
  assert.equal(ok.code, EXIT.ok, ok.stderr);
  assert.match(ok.stdout, /ok diagnosekort 1\.0\.2: (\d+) checkpoints, \1 scenarios/);
  const root = await tempDir();
  await cp(join(PACKAGE_ROOT, 'protocols'), join(root, 'protocols'), { recursive: true });
  await cp(join(PACKAGE_ROOT, 'features'), join(root, 'features'), { recursive: true });
  const manifest = join(root, 'protocols/diagnosekort.yaml');
  await writeFile(
    manifest,
    (await readFile(manifest, 'utf8')).replace('id: DK-3.3.6.2\n', 'id: DK-3.3.6.9\n'),
  );
  const broken = await certbench(['lint', '--root', root]);
  assert.equal(broken.code, EXIT.invalidInput);
  assert.match(broken.stderr, /checkpoint DK-3\.3\.6\.9 has no scenario/);
  assert.match(broken.stderr, /@cp:DK-3\.3\.6\.2 is not a checkpoint/);
});

test('report regenerates the Allure HTML report from a run folder', async () => {
  const out = await tempDir();
  await certbench(['run', '--reference-gp', '--no-html', '--no-summary', '--out', out]);
  const report = await certbench(['report', out]);
  assert.equal(report.code, EXIT.ok, report.stderr);
  const html = await readFile(join(out, 'allure-report', 'index.html'), 'utf8');
  assert.ok(html.length > 100_000);
  assert.ok(!html.includes('googletagmanager'));
  const missing = await certbench(['report', await tempDir()]);
  assert.equal(missing.code, EXIT.invalidInput);
  assert.match(missing.stderr, /cannot read the certification result/);
});

test('a reader that closes the pipe early (certbench --help | head -1) is no crash', async () => {
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin/certbench.js'), 'run', '--help'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // The reader takes nothing and goes away, as `head` does once it has its lines.
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  assert.equal(code, EXIT.ok, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Unhandled/);
});
