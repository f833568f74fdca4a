import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { RunInterrupted } from '../../src/checks/check-failed.ts';
import { RunJournal } from '../../src/driver/manual/journal.ts';
import { InvalidInputError } from '../../src/errors/index.ts';
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
    journal: new RunJournal(join(outDir, 'manual-journal.ndjson'), resume),
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

test('an interrupted run keeps its decisions: --resume does not ask again; a fresh run does not overwrite it', async () => {
  const outDir = await tempDir();
  const first = session(outDir, 'OK\n\n');
  assert.equal((await first.manual.assess(QUESTION)).decision, 'OK');
  await assert.rejects(first.manual.assess({ ...QUESTION, checkpointId: 'DK-9.2' }), RunInterrupted);
  assert.equal(first.manual.interrupted, true);
  assert.equal(readFileSync(join(outDir, 'manual-journal.ndjson'), 'utf8').trim().split('\n').length, 1);

  const resumed = session(outDir, 'NR ikke relevant for dette system\n\n', true);
  assert.equal((await resumed.manual.assess(QUESTION)).decision, 'OK', 'from the journal, not asked');
  assert.equal((await resumed.manual.assess({ ...QUESTION, checkpointId: 'DK-9.2' })).decision, 'NR');
  assert.doesNotMatch(resumed.output(), /\[DK-9\.1\]/);

  assert.throws(
    () => session(outDir, '', false),
    (e: InvalidInputError) =>
      e instanceof InvalidInputError && /interrupted manual run .* --resume/.test(e.message),
  );
  // Once the run is finished, a new run in the folder starts a new journal.
  appendFileSync(join(outDir, 'manual-journal.ndjson'), '{"type":"finished","at":"2026-11-25T10:00:00Z"}\n');
  session(outDir, '', false);
  assert.equal(readFileSync(join(outDir, 'manual-journal.ndjson'), 'utf8'), '');
});

const PROFILE = { vendor: 'V', system: 'S', version: '1' };
const REGISTER = {
  patient: '2509479989',
  codes: [{ system: 'urn:oid:1.2.208.176.2.4.12', code: 'DB349', display: 'Virusinfektion UNS' }],
  status: 'resolved',
};

function journalEvents(outDir: string): { type: string; [k: string]: unknown }[] {
  return readFileSync(join(outDir, 'manual-journal.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string });
}

test("the operator's answers are journalled; a resumed run answers them from the journal, hands the counterparts what the system sent, and asks from where it stopped", async () => {
  const outDir = await tempDir();
  const first = session(outDir, '\n\n');
  const driver = first.manual.driver(PROFILE);
  await driver.perform('patient.reset', { patient: '2509479989' });
  first.manual.received({ method: 'POST', url: '/document-sharing/fhir', headers: {}, bodyBase64: 'e30=' });
  await driver.perform('diagnosekort.register-diagnosis', REGISTER);
  await assert.rejects(
    driver.perform('diagnosekort.delete-diagnosis', { ...REGISTER, diagnosisId: 'manual-2' }),
    RunInterrupted,
  );
  assert.deepEqual(
    journalEvents(outDir).map((e) => `${e.type} ${String(e['step'] ?? e['afterStep'])}`),
    ['answer 1', 'received 1', 'answer 2'],
  );

  const handedOver: string[] = [];
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString()));
  input.end('\n');
  const resumed = new ManualSession({
    operator: new TerminalOperator(input, output),
    journal: new RunJournal(join(outDir, 'manual-journal.ndjson'), true),
    assessor: 'Anne Assessor',
    outDir,
    clock: () => new Date('2026-11-25T10:00:00Z'),
    handOver: (r) => Promise.resolve(void handedOver.push(`${r.method} ${r.url}`)),
  });
  const again = resumed.driver(PROFILE);
  await again.perform('patient.reset', { patient: '2509479989' });
  assert.deepEqual(handedOver, ['POST /document-sharing/fhir'], 'handed over after the step it followed');
  assert.deepEqual(await again.perform('diagnosekort.register-diagnosis', REGISTER), {
    diagnosisId: 'manual-2',
  });
  await again.perform('diagnosekort.delete-diagnosis', { ...REGISTER, diagnosisId: 'manual-2' });
  assert.match(printed, /Kørslen genoptages: 2 trin er allerede besvaret/);
  assert.match(printed, /The run continues at step 3/);
  assert.doesNotMatch(printed, /\[1\]|\[2\]/, 'answered steps are not asked again');
  assert.match(printed, /\[3\] .*Slet diagnosen SKS-D DB349 "Virusinfektion UNS" \(trin\/step 2\)/s);
  // What the journal handed over is not journalled again.
  resumed.received({
    method: 'POST',
    url: '/x',
    headers: { 'x-certbench-replayed-from-journal': 'now' },
    bodyBase64: '',
  });
  assert.equal(journalEvents(outDir).filter((e) => e.type === 'received').length, 1);
  resumed.close();
});

test('a "fejl" stands only when the assessor confirms it; the operator can take it back, also after a restart', async () => {
  const outDir = await tempDir();
  const { manual, output } = session(
    outDir,
    'fejl forkert patient valgt\nmåske\nudført\nfejl kan ikke\nbekræft\nfejl tastefejl\n',
  );
  const driver = manual.driver(PROFILE);
  assert.deepEqual(await driver.perform('patient.reset', { patient: '2509479989' }), {}, 'taken back: done');
  await assert.rejects(
    driver.perform('patient.reset', { patient: '0201919996' }),
    /step 2 .* could not be performed: kan ikke/,
  );
  await assert.rejects(driver.perform('patient.reset', { patient: '1111111118' }), RunInterrupted);
  assert.match(output(), /Fejl i trin 1 \/ failure at step 1: "forkert patient valgt"/);
  assert.match(output(), /\? bekræft\/confirm eller\/or udført\/done/);
  assert.deepEqual(
    journalEvents(outDir).map((e) => e.type),
    ['answer', 'fejl-corrected', 'answer', 'fejl-confirmed', 'answer'],
  );

  // Resumed: steps 1 and 2 are as decided; the open "fejl" of step 3 is put to the assessor again, not the step.
  const resumed = session(outDir, 'udført\n', true);
  const again = resumed.manual.driver(PROFILE);
  await again.perform('patient.reset', { patient: '2509479989' });
  await assert.rejects(
    again.perform('patient.reset', { patient: '0201919996' }),
    /could not be performed: kan ikke/,
  );
  await again.perform('patient.reset', { patient: '1111111118' });
  assert.match(resumed.output(), /Fejl i trin 3 \/ failure at step 3: "tastefejl"/);
  assert.doesNotMatch(resumed.output(), /\[3\]/);
  assert.equal(journalEvents(outDir).at(-1)?.type, 'fejl-corrected');
});

test('a resumed run that asks another step than the journal holds asks again from there, and says so in the journal', async () => {
  const outDir = await tempDir();
  const first = session(outDir, '\n');
  await first.manual.driver(PROFILE).perform('patient.reset', { patient: '2509479989' });
  const resumed = session(outDir, '\n', true);
  await resumed.manual.driver(PROFILE).perform('patient.reset', { patient: '0201919996' });
  assert.match(resumed.output(), /\[1\] Klargør testpatient/);
  const diverged = journalEvents(outDir).find((e) => e.type === 'diverged');
  assert.match(String(diverged?.['reason']), /journal holds patient.reset at this step/);
});

test('a journal cut off mid-line at its end is read without that line; a damaged line elsewhere is an input error', async () => {
  const outDir = await tempDir();
  const file = join(outDir, 'manual-journal.ndjson');
  const answer =
    '{"type":"answer","at":"2026-11-25T10:00:00Z","step":1,"action":"patient.reset","inputSha256":"x","done":true}';
  writeFileSync(file, `${answer}\n{"type":"ans`);
  assert.equal(new RunJournal(file, true).steps.size, 1);
  writeFileSync(file, `${answer}\n{"type":"ans\n${answer}\n`);
  assert.throws(
    () => new RunJournal(file, true),
    (e: InvalidInputError) => e.issues[0]?.line === 2 && e.issues[0].file === file,
  );
  writeFileSync(file, `{"type":"guess","at":"x"}\n`);
  assert.throws(
    () => new RunJournal(file, true),
    (e: InvalidInputError) => e.issues[0]?.field === 'type' && e.issues[0].line === 1,
  );
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
