// Tamper detection: `report` and `status` check every evidence file against its recorded SHA-256, the record and
// the message stream against integrity.json, and the record's own consistency; a run that does not match is refused
// (report, exit 3) or left out and flagged (status, exit 3), naming the file.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { reportCommand } from '../../src/cli/commands/report.ts';
import { statusCommand } from '../../src/cli/commands/status.ts';
import { InvalidInputError } from '../../src/errors/index.ts';
import { consistencyProblems, verifyRunFolder } from '../../src/integrity/run-integrity.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { quietEnvironment, runReference } from '../support/run.ts';
import { tempDir } from '../support/temp.ts';

const intact = await runReference({ protocols: ['diagnosekort'], faults: ['note-shared'] });

async function copyOfRun(): Promise<{ dir: string; results: string; result: CertificationResult }> {
  const results = await tempDir('certbench-integrity-');
  const dir = join(results, 'run');
  cpSync(intact.outDir, dir, { recursive: true });
  const result = JSON.parse(
    readFileSync(join(dir, 'certification-result.json'), 'utf8'),
  ) as CertificationResult;
  return { dir, results, result };
}

test('an intact run passes every check', async () => {
  assert.deepEqual(await verifyRunFolder(intact.outDir, intact.result), []);
  assert.deepEqual(consistencyProblems(intact.result), []);
});

test('an edited evidence file is refused by report and left out by status, naming the file', async () => {
  const { dir, results, result } = await copyOfRun();
  const evidence = result.evidence[0];
  assert.ok(evidence);
  const file = join(dir, evidence.file);
  writeFileSync(file, readFileSync(file, 'utf8').replace('"direction"', '"edited": true, "direction"'));
  await assert.rejects(reportCommand(dir, quietEnvironment()), (error: unknown) => {
    assert.ok(error instanceof InvalidInputError);
    assert.match(error.message, /does not match its record/);
    assert.ok(error.issues.some((i) => i.file === file && /recorded SHA-256/.test(i.message)));
    return true;
  });
  const env = quietEnvironment();
  assert.equal(await statusCommand(results, { out: join(results, 'status') }, env), 3);
  assert.match(env.output(), /skipped .*run\/certification-result\.json: does not match its record/);
  assert.ok(env.output().includes(evidence.file));
});

test('a record edited from failed to passed and to certify mode is refused, naming the record', async () => {
  const { dir, result } = await copyOfRun();
  const cp = result.protocols[0]?.checkpoints.find((c) => c.status === 'failed');
  assert.ok(cp, 'the fault failed a checkpoint');
  cp.status = 'passed';
  result.run.mode = 'certify';
  writeFileSync(join(dir, 'certification-result.json'), JSON.stringify(result, null, 2));
  const problems = await verifyRunFolder(dir, result);
  assert.ok(
    problems.some(
      (p) =>
        p.file === join(dir, 'certification-result.json') &&
        /SHA-256 differs from integrity\.json/.test(p.message),
    ),
  );
  assert.ok(problems.some((p) => /approval .* contradicts its checkpoints|counts\.passed/.test(p.message)));
  assert.ok(problems.some((p) => new RegExp(`${cp.id}: passed although a check failed`).test(p.message)));
  await assert.rejects(reportCommand(dir, quietEnvironment()), InvalidInputError);
});

test('a deleted evidence file and a run without integrity.json are named', async () => {
  const { dir, result } = await copyOfRun();
  const evidence = result.evidence[1];
  assert.ok(evidence);
  writeFileSync(
    join(dir, 'integrity.json'),
    '{"integrity":1,"runId":"other","algorithm":"sha256","files":{}}',
  );
  const { rmSync } = await import('node:fs');
  rmSync(join(dir, evidence.file));
  const problems = await verifyRunFolder(dir, result);
  assert.ok(problems.some((p) => p.file === join(dir, evidence.file) && /missing/.test(p.message)));
  assert.ok(problems.some((p) => /belongs to run other/.test(p.message)));
  rmSync(join(dir, 'integrity.json'));
  const unverified = (await verifyRunFolder(dir, result)).find((p) => p.kind === 'unverified');
  assert.match(unverified?.message ?? '', /missing: the record itself cannot be checked/);
});

test('a re-run refuses to carry verdicts over from an earlier run that does not match its record', async () => {
  const { dir, result } = await copyOfRun();
  const cp = result.protocols[0]?.checkpoints.find((c) => c.status === 'failed');
  assert.ok(cp);
  cp.status = 'passed';
  writeFileSync(join(dir, 'certification-result.json'), JSON.stringify(result, null, 2));
  await assert.rejects(runReference({ protocols: ['diagnosekort'], rerunOf: dir }), (error: unknown) => {
    assert.ok(error instanceof InvalidInputError);
    assert.match(error.message, /the earlier run does not match its record/);
    assert.ok(error.issues.some((i) => i.file === join(dir, 'certification-result.json')));
    return true;
  });
});
