// Hostile or mistaken input and run conditions stop the run with exit 3 and a message naming file, line and what
// is wrong, never a stack trace: a YAML alias bomb, unknown checkpoint ids in waivers and plans, Gherkin syntax
// errors, a second run on a locked --out, an --out that cannot be written or lies in /proc.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXIT } from '../../src/errors/exit-codes.ts';
import { InvalidInputError } from '../../src/errors/index.ts';
import { claimOutputFolder, LOCK_FILE } from '../../src/output/output-folder.ts';
import { parseFeatureFolder } from '../../src/protocols/gherkin.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { fastReferenceProfile, runReference } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

function certbench(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin/certbench.js'), ...args], {
      cwd: PACKAGE_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

function assertNoStack(output: string): void {
  assert.doesNotMatch(output, /\n\s+at .+:\d+:\d+\)?\n/, `a stack trace:\n${output}`);
}

test('a YAML alias bomb in a profile exits 3 naming the file', async () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const profile = await writeTemp(await tempDir(), 'bomb.yaml', `${lines.join('\n')}\n`);
  const { code, output } = await certbench(['run', '--profile', profile, '--all', '--out', await tempDir()]);
  assert.equal(code, EXIT.invalidInput, output);
  assert.ok(output.includes(profile), output);
  assert.match(output, /alias/i);
  assertNoStack(output);
});

test('unknown checkpoint ids in a waiver register or a test plan exit 3 naming the id and the line', async () => {
  const dir = await tempDir();
  const waivers = await writeTemp(
    dir,
    'waivers.yaml',
    `waivers:
  - id: W-1
    checkpoints:
      - DK-3.3.1.11
      - DK-3.3.1.99
    sut: { vendor: MedCom (certbench), system: certbench reference GP system, versions: '*' }
    reason: a waiver with a typo in one of its checkpoint ids
    approvedBy: MedCom
    granted: 2026-01-01
    expires: 2027-01-01
`,
  );
  await assert.rejects(runReference({ protocols: ['diagnosekort'], waiversFile: waivers }), (e: unknown) => {
    assert.ok(e instanceof InvalidInputError);
    assert.deepEqual(
      e.issues.map((i) => [i.file, i.line]),
      [[waivers, 5]],
    );
    assert.match(e.message, /unknown checkpoint id "DK-3\.3\.1\.99"/);
    return true;
  });
  const plan = await writeTemp(
    dir,
    'plan.yaml',
    `plan:
  id: round-1
  defer:
    - checkpoints: [DK-MHD-1, NOPE-*]
      reason: not tested in this round yet
`,
  );
  await assert.rejects(runReference({ protocols: ['diagnosekort'], planFile: plan }), (e: unknown) => {
    assert.ok(e instanceof InvalidInputError);
    assert.deepEqual(
      e.issues.map((i) => [i.file, i.line]),
      [[plan, 4]],
    );
    assert.match(e.message, /unknown checkpoint id "NOPE-\*": no protocol has a checkpoint matching it/);
    return true;
  });
});

test('a Gherkin syntax error names file, line and what was expected', async () => {
  const root = await tempDir();
  await mkdir(join(root, 'features'));
  writeFileSync(
    join(root, 'features', 'x.feature'),
    'Feature: x\n  Scenario: a\n    Given b\n  Examples oops\n',
  );
  await assert.rejects(parseFeatureFolder(root, 'features'), (e: unknown) => {
    assert.ok(e instanceof InvalidInputError);
    assert.equal(e.issues[0]?.file, join('features', 'x.feature'));
    assert.equal(e.issues[0]?.line, 4);
    assert.match(e.message, /expected: .*a step \(Given\/When\/Then\/And\/But\).* got 'Examples oops'/);
    return true;
  });
});

test('a second run on a locked --out stops with a clear message; a stale lock of a dead process is taken over', async () => {
  const out = await tempDir();
  const release = await claimOutputFolder(out);
  await assert.rejects(claimOutputFolder(out), (e: unknown) => {
    assert.ok(e instanceof InvalidInputError);
    assert.match(
      e.message,
      new RegExp(`another certbench run \\(process ${process.pid} .*is writing to this folder`),
    );
    return true;
  });
  await release();
  assert.ok(!existsSync(join(out, LOCK_FILE)));

  const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
  writeFileSync(
    join(out, LOCK_FILE),
    JSON.stringify({ pid: dead, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }),
  );
  const takenOver = await claimOutputFolder(out);
  await takenOver();

  writeFileSync(
    join(out, LOCK_FILE),
    JSON.stringify({ pid: process.pid, host: hostname(), startedAt: 'now' }),
  );
  const profile = await fastReferenceProfile();
  const second = await certbench(['run', '--reference-gp', '--profile', profile, '--no-html', '--out', out]);
  assert.equal(second.code, EXIT.invalidInput, second.output);
  assert.match(second.output, /is writing to this folder; wait for it to end or give another --out/);
  assertNoStack(second.output);
});

test('an --out that cannot be created or lies in /proc exits 3 naming the path, without a stack trace', async () => {
  const file = await writeTemp(await tempDir(), 'a-file', 'x');
  for (const out of [join(file, 'out'), '/proc/self/certbench-out']) {
    const { code, output } = await certbench(['run', '--reference-gp', '--no-html', '--out', out]);
    assert.equal(code, EXIT.invalidInput, output);
    assert.ok(output.includes(out), output);
    assertNoStack(output);
  }
});
