// Whole runs against the reference GP system, in-process: the acceptance path (conforming → Godkendt; a
// fault → the right checkpoint fails with an explanatory message; a waiver → waived and Delvist godkendt; an expired
// waiver → failed again), and the files a run leaves behind.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { ConnectionError } from '../../src/errors/index.ts';
import { runCertification } from '../../src/run/run-certification.ts';
import { checkpoint, quietEnvironment, runReference } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const NOTE_WAIVER = (granted: string, expires: string, run = true) => `waivers:
  - id: W-TEST-1
    checkpoints: [DK-3.3.1.11, DK-3.3.2.4]
    sut: { vendor: MedCom (certbench), system: certbench reference GP system, versions: '>=1.0.0' }
    reason: tillægstekst dispensation while MedCom aligns the IG and the TestScripts
    approvedBy: MedCom standardiseringsgruppen
    granted: ${granted}
    expires: ${expires}
    run: ${String(run)}
`;

test('a conforming run writes the record, evidence, Allure results, JUnit and the summary', async () => {
  const { result, output, outDir } = await runReference();
  assert.equal(result.schemaVersion, '1.0');
  assert.equal(result.protocols[0]?.approval, 'Godkendt');
  const onDisk = JSON.parse(
    readFileSync(join(outDir, 'certification-result.json'), 'utf8'),
  ) as CertificationResult;
  assert.deepEqual(onDisk.outcome, result.outcome);
  for (const e of result.evidence.slice(0, 5))
    assert.ok(existsSync(join(outDir, e.file)), `evidence ${e.file}`);
  assert.ok(existsSync(join(outDir, 'junit.xml')));
  assert.ok(existsSync(join(outDir, 'messages.ndjson')));
  assert.ok(existsSync(join(outDir, 'allure-results', 'categories.json')));
  assert.match(output, /diagnosekort\s+1\.0\.2\s+Godkendt/);
  const share = checkpoint(result, 'DK-MHD-1');
  assert.ok(
    share.evidence.length >= 6,
    'the checkpoint carries the exchanges it judged (actions and the submission)',
  );
  assert.ok(result.evidence.some((e) => e.direction === 'incoming' && /document-sharing/.test(e.name)));
  const validation = result.validation?.find((v) => v.root === 'medcom.fhir.dk.conditionlist#1.0.1');
  assert.ok(validation, 'the record names the validator and packages profile validation used');
  assert.ok(validation.packages.some((p) => p.id === 'hl7.fhir.r4.core' && p.version === '4.0.1'));
  assert.equal(validation.validator.name, 'certbench-fhir-validator');
});

test('secrets never reach any output file', async () => {
  const token = 'secret-token-value-42';
  const run = await runReference({ env: { CERTBENCH_REFERENCE_GP_TOKEN: token } });
  const files = readdirSync(run.outDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(join(run.outDir, f)).isFile(),
  );
  assert.ok(files.length > 50, 'evidence, allure results and the record were written');
  for (const file of files)
    assert.ok(!readFileSync(join(run.outDir, file), 'utf8').includes(token), `${file} leaks the token`);
  assert.ok(!run.output.includes(token), 'the console output leaks the token');
  assert.ok(run.result.evidence.length > 0);
});

test('a fault fails the right checkpoint with a message naming the element, and blocks approval', async () => {
  const { result } = await runReference({ faults: ['composition-status-preliminary'] });
  const cp = checkpoint(result, 'DK-3.4.3.10');
  assert.equal(cp.status, 'failed');
  assert.match(cp.message ?? '', /Composition\.status is "preliminary", expected "final"/);
  assert.equal(cp.checks.at(-1)?.passed, false);
  assert.equal(result.protocols[0]?.approval, 'Ikke godkendt');
  assert.equal(result.outcome.exitCode, 1);
  assert.equal(checkpoint(result, 'DK-3.4.3.11').status, 'passed', 'other checkpoints are not affected');
});

test('a waiver makes the failure waived (Delvist godkendt); expired, it fails again', async () => {
  const dir = await tempDir();
  const active = await runReference({
    faults: ['note-shared'],
    waiversFile: await writeTemp(dir, 'active.yaml', NOTE_WAIVER('2026-01-01', '2099-01-01')),
  });
  const waived = checkpoint(active.result, 'DK-3.3.1.11');
  assert.equal(waived.status, 'waived');
  assert.match(waived.waiver?.underlyingFailure ?? '', /shares a note/);
  assert.equal(active.result.protocols[0]?.approval, 'Delvist godkendt');
  assert.equal(active.result.outcome.exitCode, 0);
  assert.match(active.output, /W-TEST-1/);

  const expired = await runReference({
    faults: ['note-shared'],
    waiversFile: await writeTemp(dir, 'expired.yaml', NOTE_WAIVER('2025-01-01', '2026-01-01')),
  });
  assert.equal(checkpoint(expired.result, 'DK-3.3.1.11').status, 'failed');
  assert.equal(expired.result.protocols[0]?.approval, 'Ikke godkendt');
  assert.equal(expired.result.waiverRegister?.waivers[0]?.state, 'expired');
  assert.match(expired.output, /Expired waivers/);
});

test('a waiver with run: false waives without running', async () => {
  const dir = await tempDir();
  const notRun = await runReference({
    waiversFile: await writeTemp(dir, 'norun.yaml', NOTE_WAIVER('2026-01-01', '2099-01-01', false)),
  });
  const cp = checkpoint(notRun.result, 'DK-3.3.1.11');
  assert.equal(cp.status, 'waived');
  assert.equal(cp.steps.length, 0, 'the scenario was not run');
  assert.equal(notRun.result.protocols[0]?.approval, 'Delvist godkendt');
});

test('a test plan defers checkpoints (pending, not run); --as-of after expiry makes a waiver lapse', async () => {
  const dir = await tempDir();
  const plan = await writeTemp(
    dir,
    'plan.yaml',
    'plan:\n  id: round-1\n  defer:\n    - checkpoints: ["DK-3.3.6.*"]\n      reason: deletion is tested in round two of the testcamp\n',
  );
  const deferred = await runReference({ planFile: plan });
  const cp = checkpoint(deferred.result, 'DK-3.3.6.2');
  assert.equal(cp.status, 'pending');
  assert.match(cp.message ?? '', /deferred by test plan round-1: deletion is tested in round two/);
  assert.equal(cp.steps.length, 0);
  assert.equal(deferred.result.protocols[0]?.approval, 'Delvist godkendt');
  assert.deepEqual(deferred.result.run.testPlan, { id: 'round-1', file: plan });

  const waivers = await writeTemp(dir, 'w.yaml', NOTE_WAIVER('2026-01-01', '2027-01-01'));
  const later = await runReference({
    faults: ['note-shared'],
    waiversFile: waivers,
    asOf: new Date('2027-01-02T12:00:00Z'),
  });
  assert.equal(checkpoint(later.result, 'DK-3.3.1.11').status, 'failed');
  assert.equal(later.result.run.waiversJudgedAt, '2027-01-02T12:00:00.000Z');
});

test('a SUT that answers garbage or nothing gives failed checkpoints with evidence, not a crash', async () => {
  for (const fault of [
    'automation-invalid-json',
    'automation-wrong-content-type',
    'automation-huge-body',
    'automation-hangs',
  ]) {
    const { result } = await runReference({ faults: [fault] });
    const cp = checkpoint(result, 'DK-MHD-1');
    assert.equal(cp.status, 'failed', fault);
    assert.ok(cp.evidence.length > 0, `${fault}: evidence kept`);
    assert.equal(result.harnessErrors.length, 0, `${fault}: not a harness error`);
    assert.match(cp.message ?? '', /action diagnosekort\.share/, fault);
  }
});

test('an unreachable SUT stops the run with a connection error naming the URL, not failed checkpoints', async () => {
  const profile = await writeTemp(
    await tempDir(),
    'unreachable.yaml',
    readFileText(join(PACKAGE_ROOT, 'examples/vendor-profile.yaml'))
      .replace('https://lps-test.example.dk', 'http://127.0.0.1:9')
      .replace('bindHost: 0.0.0.0', 'bindHost: 127.0.0.1')
      .replace('bindPort: 8443', 'bindPort: 0')
      .replace(/\n {2}advertisedBaseUrl: .*/, ''),
  );
  const env = quietEnvironment({ CERTBENCH_SUT_TOKEN: 'x-token-value' });
  const outDir = await tempDir();
  await assert.rejects(
    runCertification(
      {
        profileFile: profile,
        protocols: 'all',
        mode: 'self-test',
        outDir,
        strict: false,
        html: false,
        summary: true,
      },
      env,
    ),
    (error: unknown) =>
      error instanceof ConnectionError &&
      /http:\/\/127\.0\.0\.1:9\/certbench\/v1\/info: connection refused/.test(error.message) &&
      /automation\.baseUrl in .*unreachable\.yaml/.test(error.message) &&
      !error.message.includes('x-token-value'),
  );
  assert.ok(!existsSync(join(outDir, 'certification-result.json')), 'no certification result is written');
  assert.ok(!env.output().includes('x-token-value'));
});

function readFileText(file: string): string {
  return readFileSync(file, 'utf8');
}
