// Testcamp mode: the manual driver turns every action into a numbered instruction for an operator. Here a scripted
// operator performs them on the reference GP system; the CLI test drives the terminal operator with piped input.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CertificationResult } from '../../src/result/types.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { checkpoints, fastReferenceProfile, runReference } from '../support/run.ts';
import { RobotOperator } from '../support/robot-operator.ts';
import { tempDir } from '../support/temp.ts';
import { okForEveryManualCheckpoint } from '../support/testcamp.ts';

test('a manual run with an operator who performs every instruction passes like an automatic one', async () => {
  let robot: RobotOperator | undefined;
  const { result } = await runReference({
    driver: 'manual',
    assessor: 'Anne Assessor',
    operatorFactory: (sut) => (robot = new RobotOperator(sut, okForEveryManualCheckpoint())),
  });
  assert.equal(result.run.driver, 'manual');
  const judged = checkpoints(result).find((c) => c.id === 'DK-3.3.2.1');
  assert.equal(judged?.assessment?.decision, 'OK', "the manual checkpoint is the assessor's decision");
  assert.equal(judged.assessment.assessor, 'Anne Assessor');
  assert.deepEqual(
    checkpoints(result)
      .filter((c) => c.status !== 'passed')
      .map((c) => `${c.id} ${c.status} ${c.message ?? ''}`),
    [],
  );
  const seen = robot?.seen ?? [];
  assert.equal(seen[0]?.action, 'session.configure');
  assert.deepEqual(
    seen.map((i) => i.number),
    seen.map((_, n) => n + 1),
    'instructions are numbered through the run',
  );
  const register = seen.find((i) => i.action === 'diagnosekort.register-diagnosis');
  assert.match(
    register?.text.da ?? '',
    /Registrér hos \d{10} diagnosen ICPC-2 A97 "Ingen sygdom", SKS-D DZ029 .*kontaktdiagnose.*Relevant.*debut\/onset 2011-09-26 11:23/,
  );
  assert.match(register?.text.en ?? '', /register the diagnosis/);
});

function certbench(args: string[], stdin: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin/certbench.js'), ...args], {
      cwd: PACKAGE_ROOT,
    });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stdin.end(stdin);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
  });
}

test('the terminal operator: a refused instruction the assessor confirms fails the checkpoints; end of input leaves them pending', async () => {
  const args = ['run', '--reference-gp', '--driver', 'manual', '--assessor', 'Anne Assessor', '--no-html'];
  const out = await tempDir();
  const refused = await certbench([...args, '--out', out], 'fejl systemet kan ikke indstilles\nbekræft\n');
  assert.match(refused.stdout, /\[1\] Forbind systemet med certbench \/ Connect the system to certbench/);
  const result = JSON.parse(
    readFileSync(join(out, 'certification-result.json'), 'utf8'),
  ) as CertificationResult;
  assert.match(checkpoints(result)[0]?.message ?? '', /could not be performed: systemet kan ikke indstilles/);
  assert.equal(refused.code, 1);
  const stopped = await certbench([...args, '--out', await tempDir()], '');
  assert.match(stopped.stdout, /interrupted: the operator stopped the run; resume it with --resume/);
  assert.equal(stopped.code, 0);
});

test('a manual run needs an assessor', async () => {
  const run = await certbench(
    ['run', '--reference-gp', '--driver', 'manual', '--no-html', '--out', await tempDir()],
    '',
  );
  assert.equal(run.code, 3);
});

test('in a manual run, checkpoints that need an observation are pending with the reason, never harness errors', async () => {
  const { result } = await runReference({
    profileFile: await fastReferenceProfile('  lab-sharing: { variant: gp-system }\n'),
    protocols: ['lab-sharing'],
    driver: 'manual',
    assessor: 'Anne Assessor',
    operatorFactory: (sut) => new RobotOperator(sut),
  });
  assert.deepEqual(result.harnessErrors, []);
  const pending = checkpoints(result).filter((c) => c.status === 'pending');
  assert.ok(pending.length > 0, 'lab-sharing reads lab.results in some checkpoints');
  for (const c of pending)
    assert.match(c.message ?? '', /observation lab\.results cannot be read in a manual run/);
  assert.deepEqual(
    checkpoints(result)
      .filter((c) => c.status === 'failed')
      .map((c) => `${c.id} ${c.message ?? ''}`),
    [],
  );
});
