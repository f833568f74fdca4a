// `statusCommand` at its edges: options checked before anything is read, the report day from the clock, the files.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { InvalidInputError } from '../../src/errors/index.ts';
import { statusCommand } from '../../src/cli/commands/status.ts';
import { tempDir } from '../support/temp.ts';
import { capturingEnvironment, run } from './builders.ts';

async function resultsFolder(): Promise<string> {
  const dir = await tempDir('certbench-status-cmd-');
  for (const [i, at] of ['2026-09-01', '2026-11-20'].entries()) {
    await mkdir(join(dir, `run-${i}`), { recursive: true });
    const { result } = run({ at, waivers: [{ id: 'W-1', expires: '2026-12-10' }] });
    await writeFile(join(dir, `run-${i}`, 'certification-result.json'), JSON.stringify(result));
  }
  return dir;
}

test('bad dates, a bad language and a missing folder are invalid input, all named at once', async () => {
  const dir = await resultsFolder();
  const out = await tempDir();
  await assert.rejects(
    statusCommand(
      join(dir, 'nope'),
      { out, since: '2026-02-30', nextMeeting: 'next week', asOf: '25-11-2026', lang: 'de' as 'da' },
      capturingEnvironment(),
    ),
    (error: unknown) => {
      assert.ok(error instanceof InvalidInputError);
      assert.deepEqual(
        error.issues.map((i) => i.file),
        ['--as-of', '--since', '--next-meeting', '--lang', join(dir, 'nope')],
      );
      assert.match(error.message, /--since: "2026-02-30" is not a date YYYY-MM-DD/);
      return true;
    },
  );
  assert.deepEqual(await readdir(out), [], 'nothing written');
  for (const options of [
    { since: '2026-12-01', asOf: '2026-11-25' },
    { nextMeeting: '2026-11-01', asOf: '2026-11-25' },
  ])
    await assert.rejects(statusCommand(dir, { out, ...options }, capturingEnvironment()), InvalidInputError);
});

test('the report day defaults to the clock; --lang en writes the English page and the summary', async () => {
  const dir = await resultsFolder();
  const out = join(await tempDir(), 'status');
  const env = capturingEnvironment('2026-12-01T08:00:00Z');
  assert.equal(await statusCommand(dir, { out, lang: 'en', nextMeeting: '2026-12-16' }, env), 0);
  assert.deepEqual((await readdir(out)).sort(), ['status.en.html', 'status.md', 'systems']);
  assert.deepEqual(await readdir(join(out, 'systems')), ['eg-a-s-clinea.en.html']);
  assert.ok(!existsSync(join(out, 'status.da.html')));
  const page = await readFile(join(out, 'status.en.html'), 'utf8');
  assert.match(page, /Status as of 1 December 2026/);
  assert.match(page, /Expires in 9 days/);
  assert.match(env.output(), /status\.en\.html\n.*systems\/eg-a-s-clinea\.en\.html\n.*status\.md\n/);
});

test('an empty folder gives an empty report and a warning', async () => {
  const out = await tempDir();
  const env = capturingEnvironment();
  assert.equal(await statusCommand(await tempDir(), { out, asOf: '2026-11-25' }, env), 0);
  assert.match(env.output(), /warning: no certification results under /);
  assert.ok(existsSync(join(out, 'status.da.html')) && existsSync(join(out, 'status.en.html')));
});
