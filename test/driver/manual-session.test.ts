import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { RunInterrupted } from '../../src/checks/check-failed.ts';
import { DecisionJournal } from '../../src/driver/manual/journal.ts';
import { ManualSession } from '../../src/driver/manual/manual-session.ts';
import { TerminalOperator } from '../../src/driver/manual/terminal-operator.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const QUESTION = {
  checkpointId: 'DK-9.1',
  title: 'DK-9.1',
  question: { da: 'Vises diagnoserne?', en: 'Are the diagnoses shown?' },
};

function session(
  outDir: string,
  answers: string,
  resume = false,
): { manual: ManualSession; output: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString()));
  input.end(answers);
  const manual = new ManualSession({
    operator: new TerminalOperator(input, output),
    journal: new DecisionJournal(join(outDir, 'manual-journal.ndjson'), resume),
    assessor: 'Anne Assessor',
    outDir,
    clock: () => new Date('2026-11-25T10:00:00Z'),
  });
  return { manual, output: () => printed };
}

test('an assessment is asked in both languages, needs a comment when not OK, and keeps its evidence file', async () => {
  const outDir = await tempDir();
  const screenshot = await writeTemp(outDir, 'skærmbillede.png', 'PNG bytes');
  const { manual, output } = session(
    outDir,
    `maybe\nF2\nF2 kun tre af fire diagnoser vises\n${screenshot}, /no/such/file.png\n`,
  );
  const assessment = await manual.assess(QUESTION);
  assert.equal(assessment.decision, 'F2');
  assert.equal(assessment.comment, 'kun tre af fire diagnoser vises');
  assert.equal(assessment.assessor, 'Anne Assessor');
  assert.equal(assessment.evidenceFiles[0]?.name, 'skærmbillede.png');
  assert.ok(existsSync(join(outDir, assessment.evidenceFiles[0]?.file ?? 'missing')));
  assert.equal(assessment.evidenceFiles[1]?.error, 'file not found');
  assert.match(output(), /DA: Vises diagnoserne\?/);
  assert.match(output(), /\? OK, F1, F2, F3, F4 eller\/or NR/);
  assert.match(output(), /skriv en kommentar/);
  manual.close();
});

test('an interrupted run keeps its decisions: --resume does not ask again, a fresh run starts over', async () => {
  const outDir = await tempDir();
  const first = session(outDir, 'OK\n\n');
  assert.equal((await first.manual.assess(QUESTION)).decision, 'OK');
  await assert.rejects(first.manual.assess({ ...QUESTION, checkpointId: 'DK-9.2' }), RunInterrupted);
  assert.equal(readFileSync(join(outDir, 'manual-journal.ndjson'), 'utf8').trim().split('\n').length, 1);

  const resumed = session(outDir, 'NR ikke relevant for dette system\n\n', true);
  assert.equal((await resumed.manual.assess(QUESTION)).decision, 'OK', 'from the journal, not asked');
  assert.equal((await resumed.manual.assess({ ...QUESTION, checkpointId: 'DK-9.2' })).decision, 'NR');
  assert.doesNotMatch(resumed.output(), /\[DK-9\.1\]/);

  const fresh = session(outDir, '', false);
  await assert.rejects(fresh.manual.assess(QUESTION), RunInterrupted);
});

test('lab results get an id the operator knows them by, and later instructions name the result', async () => {
  const outDir = await tempDir();
  const { manual, output } = session(outDir, '\n\n\n');
  const driver = manual.driver({ vendor: 'V', system: 'S', version: '1' });
  const registered = await driver.perform('lab.register-result', {
    patient: '0201919996',
    samplingTime: '2026-11-25T09:30:00+01:00',
    analyses: [{ npu: 'NPU19748', display: 'P—C-reaktivt protein', value: 12, unit: 'mg/L' }],
  });
  assert.equal(registered['resultId'], 'manual-1');
  await driver.perform('lab.cancel-result', {
    patient: '0201919996',
    resultId: 'manual-1',
    reason: 'forkert patient',
  });
  assert.match(output(), /NPU19748 P—C-reaktivt protein = 12 mg\/L/);
  assert.match(output(), /the result of step 1 .* was registered on the wrong patient/);
  const delivered = await driver.deliver({
    channel: 'lab-report',
    contentType: 'application/xml',
    body: '<Emessage/>',
    description: 'XRPT01 report 1',
  });
  assert.equal(delivered.kind, 'manual');
  assert.equal(readFileSync(join(outDir, 'inbound', '3-lab-report.xml'), 'utf8'), '<Emessage/>');
  assert.match(output(), /Load the file .*3-lab-report\.xml \(XRPT01 report 1\)/);
  manual.close();
});

test('a registered diagnosis is named by its codes and displays in later instructions', async () => {
  const outDir = await tempDir();
  const { manual, output } = session(outDir, '\n\n');
  const driver = manual.driver({ vendor: 'V', system: 'S', version: '1' });
  const registered = await driver.perform('diagnosekort.register-diagnosis', {
    patient: '2509479989',
    codes: [{ system: 'urn:oid:1.2.208.176.2.4.12', code: 'DB349', display: 'Virusinfektion UNS' }],
    status: 'resolved',
  });
  assert.equal(registered['diagnosisId'], 'manual-1');
  await driver.perform('diagnosekort.delete-diagnosis', { patient: '2509479989', diagnosisId: 'manual-1' });
  assert.match(output(), /Slet diagnosen SKS-D DB349 "Virusinfektion UNS" \(trin\/step 1\)/);
  manual.close();
});
