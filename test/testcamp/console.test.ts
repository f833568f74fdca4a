// The testcamp console over HTTP: a Diagnosekort rehearsal driven through its pages (a "fejl" taken back, an
// assessment with a screenshot, a restart in the middle), its access rules and upload limits, and its config file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { FormData } from 'undici';
import type { InvalidInputError } from '../../src/errors/index.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { loadTestcampConfig } from '../../src/testcamp/config.ts';
import { startTestcamp } from '../../src/testcamp/testcamp.ts';
import { ConsoleClient, formField, rehearsalConfig, rehearse } from '../support/console-client.ts';
import { checkpoints } from '../support/run.ts';
import { assertSameAsAutomatic, journalEvents } from '../support/testcamp.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('skærmbillede'),
]);

test("a Diagnosekort rehearsal through the console: a fejl taken back, a screenshot, a restart mid-run; the result is the automatic run's", async () => {
  const file = await rehearsalConfig(['vendor-a']);
  const config = await loadTestcampConfig(file);
  const out = config.runs[0]?.out ?? '';
  let camp = await startTestcamp(config);
  let operator = new ConsoleClient(camp.url);
  let assessor = new ConsoleClient(camp.url);
  try {
    assert.equal((await operator.login('operator-token-vendor-a-0123456789')).location, '/runs/vendor-a');
    await assessor.login('assessor-token-vendor-a-0123456789');
    const first = await operator.page('/runs/vendor-a');
    assert.match(first.text, /Operatør \/ operator/);
    let screenshotGiven = false;
    const script = {
      fejlAt: 2,
      assessment: () => {
        const form = new FormData();
        form.append('decision', 'OK');
        if (!screenshotGiven) {
          screenshotGiven = true;
          form.append('evidence', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'skærmbillede.png');
        }
        return form;
      },
    };
    const stopped = await rehearse('vendor-a', operator, assessor, {
      ...script,
      beforeStep: (step) => step < 25,
    });
    assert.equal(stopped, false);
    const page = (await operator.page('/runs/vendor-a')).text;
    assert.match(page, /\[25\]/);
    assert.match(page, /<table class="testdata">/, 'test data as a table');
    assert.doesNotMatch(page, /urn:oid|\{"/, 'no OIDs or JSON in what the operator reads');
    assert.match(page, /Trin \/ step 25 · scenarier \/ scenarios \d+ af \/ of \d+/);
    assert.match(page, /Modtaget fra systemet \/ received from the system: POST \/document-sharing/);
    for (const token of ['operator-token-vendor-a-0123456789', 'assessor-token-vendor-a-0123456789'])
      assert.ok(!page.includes(token), 'no token in any page');

    // The console stops (a restart of the machine, say) and starts again: the run continues at step 25.
    await camp.stop();
    camp = await startTestcamp(config);
    operator = new ConsoleClient(camp.url);
    assessor = new ConsoleClient(camp.url);
    await operator.login('operator-token-vendor-a-0123456789');
    await assessor.login('assessor-token-vendor-a-0123456789');
    let firstAfterRestart: number | undefined;
    assert.equal(
      await rehearse('vendor-a', operator, assessor, {
        ...script,
        beforeStep: (step) => {
          firstAfterRestart ??= step;
          return true;
        },
      }),
      true,
    );
    assert.equal(firstAfterRestart, 25, 'the restarted run asks from the step where it stopped');
    const finished = (await operator.page('/runs/vendor-a')).text;
    assert.ok(
      camp.slots
        .get('vendor-a')
        ?.operator.events.some((e) => /Kørslen genoptages: 24 trin er allerede besvaret/.test(e.text)),
      'the console says the run resumed',
    );
    assert.match(
      finished,
      /DK-[\d.]+: bestået \/ passed \(foreløbig \/ provisional\)/,
      'verdicts as reached',
    );
    assert.match(finished, /scenarier \/ scenarios (\d+) af \/ of \1</);

    const events = journalEvents(out);
    assert.deepEqual(
      events.filter((e) => e.type === 'fejl-corrected').map((e) => (e as { step: number }).step),
      [2],
    );
    assert.equal(events.filter((e) => e.type === 'upload').length, 1);
    assert.equal(events.at(-1)?.type, 'finished');

    const result = camp.slots.get('vendor-a')?.result;
    assert.ok(result);
    const withFile = checkpoints(result).find((c) => c.assessment?.evidenceFiles.length);
    assert.equal(withFile?.assessment?.evidenceFiles[0]?.name, 'skærmbillede.png');
    await assertSameAsAutomatic(result);
    assert.deepEqual(
      checkpoints(result)
        .filter((c) => c.status !== 'passed')
        .map((c) => `${c.id} ${c.status}`),
      [],
    );
  } finally {
    await camp.stop();
  }
});

test('the console: each role does only its part, cross-site forms and bad uploads are refused', async () => {
  const file = await rehearsalConfig(['vendor-b'], 'uploads: { maxBytes: 2048 }\n');
  const camp = await startTestcamp(await loadTestcampConfig(file));
  try {
    const stranger = new ConsoleClient(camp.url);
    assert.equal((await stranger.login('not-a-token-of-this-camp-0000')).status, 401);
    assert.equal((await stranger.page('/runs/vendor-b')).status, 401);
    const operator = new ConsoleClient(camp.url);
    const assessor = new ConsoleClient(camp.url);
    await operator.login('operator-token-vendor-b-0123456789');
    await assessor.login('assessor-token-vendor-b-0123456789');
    let page = '';
    // A generous bound: starting a run on a loaded machine may take long; the test is about what follows.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !formField(page, '/runs/vendor-b/step', 'step')) {
      page = (await operator.page('/runs/vendor-b')).text;
      await new Promise((r) => setTimeout(r, 25));
    }
    const headers = (await operator.page('/runs/vendor-b')).headers;
    assert.match(String(headers['content-security-policy']), /default-src 'none'/);
    // A form from another site (or with no origin at all) is refused before anything is done.
    assert.equal(
      (await operator.form('/runs/vendor-b/step', { step: '1', answer: 'done' }, 'http://evil.example'))
        .status,
      403,
    );
    assert.equal(
      (await operator.form('/runs/vendor-b/step', { step: '1', answer: 'done' }, null)).status,
      403,
    );
    assert.equal(formField((await operator.page('/runs/vendor-b')).text, '/runs/vendor-b/step', 'step'), '1');
    // The assessor cannot perform steps; a "fejl" needs a comment.
    assert.match(
      (await assessor.form('/runs/vendor-b/step', { step: '1', answer: 'done' })).text,
      /Kun operatøren/,
    );
    assert.match(
      (await operator.form('/runs/vendor-b/step', { step: '1', answer: 'fejl', comment: ' ' })).text,
      /Skriv hvad der gik galt/,
    );
    // A "fejl" is the assessor's to confirm: the operator cannot confirm it, the assessor cannot take it back.
    await operator.form('/runs/vendor-b/step', { step: '1', answer: 'fejl', comment: 'forkert adresse' });
    assert.match((await assessor.page('/runs/vendor-b')).text, /Bekræft fejlen/);
    assert.match(
      (await assessor.form('/runs/vendor-b/fejl', { step: '1', decision: 'correct' })).text,
      /kun bedømmeren bekræfter/,
    );
    assert.equal(
      (await operator.form('/runs/vendor-b/fejl', { step: '1', decision: 'correct' })).status,
      303,
    );
    // An answer to a step already answered (a second tab) changes nothing.
    assert.match(
      (await operator.form('/runs/vendor-b/step', { step: '1', answer: 'done' })).text,
      /allerede besvaret/,
    );

    // Drive to the first assessment, then try uploads the console must refuse.
    let checkpoint: string | undefined;
    while (!checkpoint) {
      const asOperator = (await operator.page('/runs/vendor-b')).text;
      const step = formField(asOperator, '/runs/vendor-b/step', 'step');
      if (step) await operator.form('/runs/vendor-b/step', { step, answer: 'done' });
      const refused = formField(asOperator, '/runs/vendor-b/fejl', 'step');
      if (refused) await assessor.form('/runs/vendor-b/fejl', { step: refused, decision: 'confirm' });
      checkpoint = formField(
        (await assessor.page('/runs/vendor-b')).text,
        '/runs/vendor-b/assess',
        'checkpoint',
      );
      if (!step && !refused && !checkpoint) await new Promise((r) => setTimeout(r, 25));
    }
    const upload = (bytes: Buffer, type: string) => {
      const form = new FormData();
      form.append('checkpoint', checkpoint ?? '');
      form.append('decision', 'OK');
      form.append('evidence', new Blob([new Uint8Array(bytes)], { type }), 'bilag');
      return form;
    };
    const big = await assessor.form(
      '/runs/vendor-b/assess',
      upload(Buffer.concat([PNG, Buffer.alloc(4096)]), 'image/png'),
    );
    assert.equal(big.status, 413);
    assert.match(big.text, /større end/);
    assert.match(
      (await assessor.form('/runs/vendor-b/assess', upload(Buffer.from('<script>'), 'image/png'))).text,
      /type er ikke tilladt/,
    );
    assert.match(
      (await assessor.form('/runs/vendor-b/assess', upload(PNG, 'application/x-msdownload'))).text,
      /type er ikke tilladt/,
    );
    const noComment = new FormData();
    noComment.append('checkpoint', checkpoint);
    noComment.append('decision', 'F2');
    assert.match((await assessor.form('/runs/vendor-b/assess', noComment)).text, /Skriv en kommentar/);
    const byOperator = new FormData();
    byOperator.append('decision', 'OK');
    assert.match((await operator.form('/runs/vendor-b/assess', byOperator)).text, /Kun bedømmeren/);
    assert.ok(
      formField((await assessor.page('/runs/vendor-b')).text, '/runs/vendor-b/assess', 'checkpoint'),
      'still open',
    );
  } finally {
    await camp.stop();
  }
});

test('a malformed testcamp file names file, line and field (exit 3), never a token', async () => {
  const dir = await tempDir();
  const file = await writeTemp(
    dir,
    'testcamp.yaml',
    `testcamp: 1
runs:
  - id: a
    referenceGp: true
    out: out/a
    assessor: A
    tokens: { operator: same-token-0123456789, assessor: short }
  - id: b
    out: out/b
    assessor: B
    tokens: { operator: same-token-0123456789, assessor: other-token-0123456789 }
`,
  );
  await assert.rejects(loadTestcampConfig(file), (e: InvalidInputError) => {
    const where = e.issues.map((i) => `${i.line ?? '?'} ${i.field ?? ''} ${i.message}`);
    assert.ok(
      where.some((w) => /^7 runs\[0\]\.tokens\.assessor .*at least 16/.test(w)),
      where.join('\n'),
    );
    assert.ok(
      where.some(
        (w) => /^8 runs\[1\]\.profile give the vendor profile/.test(w) || /runs\[1\]\.profile/.test(w),
      ),
      where.join('\n'),
    );
    assert.ok(
      where.some((w) =>
        /^11 runs\[1\]\.tokens\.operator the same token as runs\.0\.tokens\.operator/.test(w),
      ),
      where.join('\n'),
    );
    assert.ok(!e.message.includes('same-token-0123456789'), 'the token is not in the message');
    return true;
  });
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [join(PACKAGE_ROOT, 'bin/certbench.js'), 'testcamp', '--config', file],
      { stdio: 'ignore' },
    );
    child.on('close', (c) => resolve(c ?? -1));
  });
  assert.equal(code, 3);
});
