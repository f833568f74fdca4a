// A testcamp run stopped half-way and resumed in the same folder continues where it stopped: the answered steps
// are not asked again, the counterparts listen on the same port, and the result is the uninterrupted run's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startReferenceGp } from '../../reference-gp/index.ts';
import { fastReferenceProfileYaml } from '../../reference-gp/test-profile.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { runCertification, type RunOptions } from '../../src/run/run-certification.ts';
import { RobotOperator } from '../support/robot-operator.ts';
import { checkpoints, fastReferenceProfile, quietEnvironment } from '../support/run.ts';
import { assertSameAsAutomatic, journalEvents, okForEveryManualCheckpoint } from '../support/testcamp.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const STOP_AT = 20;

function manualRun(options: Partial<RunOptions> & { outDir: string; profileFile: string }) {
  return runCertification(
    {
      protocols: ['diagnosekort'],
      mode: 'self-test',
      strict: false,
      html: false,
      summary: false,
      driver: 'manual',
      assessor: 'Anne Assessor',
      ...options,
    },
    quietEnvironment(),
  );
}

async function assertAllPassedAsAutomatic(resumed: CertificationResult): Promise<void> {
  await assertSameAsAutomatic(resumed);
  assert.deepEqual(
    checkpoints(resumed)
      .filter((c) => c.status !== 'passed')
      .map((c) => `${c.id} ${c.status} ${c.message ?? ''}`),
    [],
  );
}

test('a system that keeps its state: the resumed run hands the counterparts what it sent before the stop', async () => {
  // The reference GP runs on its own, as a vendor's system does while certbench restarts.
  const gp = await startReferenceGp({});
  try {
    const profileFile = await writeTemp(
      await tempDir(),
      'vendor.yaml',
      fastReferenceProfileYaml({ vendor: 'V', system: 'S', version: '1' }, '').replace(
        'baseUrl: http://127.0.0.1:1',
        `baseUrl: ${gp.url}`,
      ),
    );
    const outDir = await tempDir();
    let robot: RobotOperator | undefined;
    const operatorFactory = (sut: { baseUrl: string }) =>
      (robot ??= Object.assign(new RobotOperator(sut, okForEveryManualCheckpoint()), { stopAt: STOP_AT }));
    const { result: stopped } = await manualRun({ outDir, profileFile, operatorFactory });
    assert.ok(
      checkpoints(stopped).some((c) => c.status === 'pending'),
      'the stop leaves checkpoints pending',
    );
    const before = journalEvents(outDir);
    assert.equal(before.filter((e) => e.type === 'answer').length, STOP_AT - 1);
    assert.ok(
      before.some((e) => e.type === 'received'),
      'what the system sent is journalled',
    );
    assert.ok(!before.some((e) => e.type === 'finished'));

    const asked = robot?.seen.length ?? 0;
    if (robot) delete robot.stopAt;
    const { result } = await manualRun({ outDir, profileFile, operatorFactory, resume: true });
    const again = (robot?.seen ?? []).slice(asked);
    assert.equal(again[0]?.number, STOP_AT, 'the resumed run asks from the step where it stopped');
    const runs = journalEvents(outDir).filter((e) => e.type === 'run');
    assert.equal(runs.length, 2);
    assert.equal(runs[1]?.counterpartsPort, runs[0]?.counterpartsPort, 'the counterparts keep their port');
    assert.equal(journalEvents(outDir).at(-1)?.type, 'finished');
    const messages = readFileSync(join(outDir, 'messages.ndjson'), 'utf8');
    assert.match(
      messages,
      /x-certbench-replayed-from-journal/,
      'handed-over requests are marked in the evidence',
    );
    await assertAllPassedAsAutomatic(result);
  } finally {
    await gp.stop();
  }
});

test('a system restarted with certbench (the reference GP): the resumed run has it perform the answered steps again', async () => {
  const outDir = await tempDir();
  const profileFile = await fastReferenceProfile();
  let robot: RobotOperator | undefined;
  const operatorFactory = (sut: { baseUrl: string; token?: string }) => {
    const next = new RobotOperator(sut, okForEveryManualCheckpoint(), { rebuilds: true });
    if (!robot) next.stopAt = STOP_AT;
    return (robot = next);
  };
  await manualRun({ outDir, profileFile, operatorFactory, referenceGp: { faults: [] } });
  const { result } = await manualRun({
    outDir,
    profileFile,
    operatorFactory,
    referenceGp: { faults: [] },
    resume: true,
  });
  assert.equal(robot?.seen[0]?.number, STOP_AT);
  await assertAllPassedAsAutomatic(result);
});

test('a fresh run in the folder of an unfinished one is refused before anything is removed', async () => {
  const outDir = await tempDir();
  const profileFile = await fastReferenceProfile();
  const operatorFactory = (sut: { baseUrl: string; token?: string }) =>
    Object.assign(new RobotOperator(sut), { stopAt: 3 });
  await manualRun({ outDir, profileFile, operatorFactory, referenceGp: { faults: [] } });
  const record = readFileSync(join(outDir, 'certification-result.json'), 'utf8');
  await assert.rejects(
    manualRun({ outDir, profileFile, operatorFactory, referenceGp: { faults: [] } }),
    /interrupted manual run is journalled in this folder/,
  );
  assert.equal(readFileSync(join(outDir, 'certification-result.json'), 'utf8'), record);
});
