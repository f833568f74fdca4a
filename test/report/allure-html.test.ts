import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setImmediate, setTimeout } from 'node:timers/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  allureResultsProjection,
  createAllureResultsProjection,
} from '../../src/projections/allure/allure-results.ts';
import { FileSystemWriter } from '../../src/projections/writer.ts';
import {
  type AllureHtmlOptions,
  defaultHistoryPath,
  generateAllureHtml,
  historyPathFor,
  startAllureHtml,
  mentionsTagManager,
  SCAN_CHUNK,
  stripAnalytics,
} from '../../src/report/allure-html.ts';
import { sampleRun } from '../projections/result-builder.ts';
import { fastReferenceProfile, referenceClaims, runReference } from '../support/run.ts';

interface StageLike {
  attachments: { source?: string }[];
  steps?: StageLike[];
}

function stepAttachments(stage: StageLike): { source?: string }[] {
  return [...stage.attachments, ...(stage.steps ?? []).flatMap(stepAttachments)];
}

/** The sample run's record and Allure results in `dir`, and its HTML report (the history beside `dir`). */
async function reportSampleRun(dir: string, options: AllureHtmlOptions): Promise<string> {
  const { result, writer: seeded } = sampleRun();
  const writer = new FileSystemWriter(dir);
  for (const [path, content] of seeded.files) await writer.write(path, content);
  await writer.write('certification-result.json', JSON.stringify(result));
  await allureResultsProjection.project({ result, writer, stdout: { write: () => true } });
  return generateAllureHtml(dir, options);
}

describe('Allure HTML report', () => {
  let runDir = '';
  before(async () => {
    runDir = await mkdtemp(join(tmpdir(), 'certbench-allure-'));
  });
  after(async () => {
    await rm(runDir, { recursive: true, force: true });
  });

  it('generates one self-contained index.html without analytics', async (t) => {
    const { result, writer: seeded } = sampleRun();
    const writer = new FileSystemWriter(runDir);
    for (const [path, content] of seeded.files) await writer.write(path, content);
    await allureResultsProjection.project({ result, writer, stdout: { write: () => true } });

    const started = performance.now();
    const report = await generateAllureHtml(runDir, { reportName: 'certbench test run' });
    t.diagnostic(`generateAllureHtml took ${Math.round(performance.now() - started)} ms`);

    assert.equal(report, join(runDir, 'allure-report', 'index.html'));
    const html = await readFile(report, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.ok(!html.includes('googletagmanager'));
    // The single file embeds its data files as base64 strings.
    const data = new Map(
      [...html.matchAll(/"(data\/[^"]+)"\s*,\s*"([A-Za-z0-9+/=]+)"/g)].map(([, path = '', base64 = '']) => [
        path,
        Buffer.from(base64, 'base64').toString('utf8'),
      ]),
    );
    const categories = data.get('data/categories.json') ?? '';
    for (const name of [
      'Waived',
      'Pending',
      'Not applicable',
      'Harness error',
      'Remarks (F4)',
      'Blocking failures',
    ]) {
      assert.ok(categories.includes(`"name":"${name}"`), `category ${name}`);
    }
    // Every cited exchange made it into the report, including the one two checkpoints share.
    const testCases = [...data].filter(([path]) => path.startsWith('data/test-cases/'));
    assert.equal(testCases.length, 7);
    // Under the steps that made the exchanges, each exchange once.
    const attachments = testCases.flatMap(([, json]) =>
      stepAttachments((JSON.parse(json) as { testStage: StageLike }).testStage),
    );
    assert.equal(attachments.length, 3, 'the bodies and the document inside one; headers are parameters');
    for (const attachment of attachments) assert.ok(data.has(`data/attachments/${attachment.source ?? '-'}`));
  });

  it('keeps a history beside the run folders, per system and protocols, that grows with every report', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'certbench-allure-history-'));
    try {
      for (const name of ['run-1', 'run-2']) await reportSampleRun(join(parent, name), { reportName: name });
      const history = await readFile(
        join(parent, 'allure-history', 'laegehus-oest-journal--laboratoriesvar.jsonl'),
        'utf8',
      );
      assert.equal(history.trim().split('\n').length, 2, 'one line per report');
      assert.match(
        await readFile(join(parent, 'run-2', 'allurerc.mjs'), 'utf8'),
        /"historyPath": "\.\.\/allure-history\/laegehus-oest-journal--laboratoriesvar\.jsonl"/,
      );
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('a history with a damaged line is set aside whole, and the report is made from its good lines', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'certbench-allure-damaged-'));
    try {
      const report = (name: string, warn?: (message: string) => void) =>
        reportSampleRun(join(parent, name), { reportName: name, ...(warn ? { warn } : {}) });
      await report('run-1');
      const file = join(parent, 'allure-history', 'laegehus-oest-journal--laboratoriesvar.jsonl');
      const good = await readFile(file, 'utf8');
      // A run killed while the line was appended: half a line at the end.
      const damaged = `${good}${good.slice(0, 40)}\n`;
      await writeFile(file, damaged);
      const warnings: string[] = [];
      await report('run-2', (message) => warnings.push(message));
      assert.equal(warnings.length, 1);
      assert.match(warnings[0] ?? '', /laboratoriesvar\.jsonl: line 2 is not JSON/);
      const keptAs = /kept as (\S+),/.exec(warnings[0] ?? '')?.[1] ?? '';
      assert.equal(await readFile(keptAs, 'utf8'), damaged, 'the file as it was is kept');
      const lines = (await readFile(file, 'utf8')).trim().split('\n');
      assert.equal(lines.length, 2, 'the good line and this report');
      for (const line of lines) JSON.parse(line);
      // A whole history is left as it is, without a warning.
      const more: string[] = [];
      await report('run-3', (message) => more.push(message));
      assert.deepEqual(more, []);
      assert.equal((await readdir(join(parent, 'allure-history'))).length, 2);
      // A report prepared ahead without a listener (as a run prepares it) keeps the warning for generate()'s.
      const dir = join(parent, 'run-4');
      const { result, writer: seeded } = sampleRun();
      const writer = new FileSystemWriter(dir);
      for (const [path, content] of seeded.files) await writer.write(path, content);
      await allureResultsProjection.project({ result, writer, stdout: { write: () => true } });
      await writeFile(join(parent, 'allure-history', 'v-s--p.jsonl'), '{"uuid":\n');
      const job = startAllureHtml(dir);
      await job.prepare({ reportName: 'run-4', history: '../allure-history/v-s--p.jsonl' });
      // Until Allure's process has set the file aside and sent its warning, unheard. A warning still on its way
      // reaches the listener directly: the test then passes without testing the wait, never fails for it.
      const aside = async () =>
        (await readdir(join(parent, 'allure-history'))).filter((f) => f.startsWith('v-s--p.jsonl')).length ===
        2;
      while (!(await aside())) await setImmediate();
      await setTimeout(200);
      const late: string[] = [];
      await job.generate({ reportName: 'run-4', warn: (message) => late.push(message) });
      assert.equal(late.length, 1, 'the warning given to the one who listens later');
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it("a run's history, named from its profile before it tests, is the one its record names afterwards", async () => {
    // Two protocols with variants, so that the name carries them: the run prepares the report with the name it takes
    // from the profile; `certbench report` and any later report take it from the record.
    const { outDir } = await runReference({
      profileFile: await fastReferenceProfile(referenceClaims()),
      protocols: ['vandrejournal-maalinger', 'lab-sharing'],
      html: true,
    });
    const fromRecord = await defaultHistoryPath(outDir);
    assert.ok(fromRecord?.includes('lab-sharing-gp-system'), String(fromRecord));
    const config = await readFile(join(outDir, 'allurerc.mjs'), 'utf8');
    assert.ok(config.includes(`"historyPath": ${JSON.stringify(fromRecord)}`), config);
    assert.equal((await readFile(join(outDir, fromRecord ?? ''), 'utf8')).trim().split('\n').length, 1);
    await rm(join(outDir, fromRecord ?? ''), { force: true });
  });

  it('reports the CLI error when there are no results', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'certbench-allure-empty-'));
    try {
      await assert.rejects(
        generateAllureHtml(empty),
        /allure report generation failed in .*: No test results/,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('a report prepared ahead, told of results files as they are written, is the report made all at once', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'certbench-allure-ahead-'));
    try {
      const testCases = async (name: string, ahead: boolean) => {
        const dir = join(parent, name);
        const { result, writer: seeded } = sampleRun();
        const writer = new FileSystemWriter(dir);
        for (const [path, content] of seeded.files) await writer.write(path, content);
        const job = startAllureHtml(dir);
        // The history beside the run folders is named before the run's record exists, as a run does.
        if (ahead) await job.prepare({ reportName: name, history: historyPathFor('V', 'S', [{ id: 'p' }]) });
        await createAllureResultsProjection(undefined, (file) => job.read(file)).project({
          result,
          writer,
          stdout: { write: () => true },
        });
        const html = await readFile(await job.generate({ reportName: name, history: false }), 'utf8');
        return [...html.matchAll(/"data\/test-cases\/[^"]+"\s*,\s*"([A-Za-z0-9+/=]+)"/g)]
          .map(
            ([, base64 = '']) =>
              JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as { name: string },
          )
          .map((test) => test.name)
          .sort();
      };
      const atOnce = await testCases('at-once', false);
      assert.equal(atOnce.length, 7);
      assert.deepEqual(await testCases('ahead', true), atOnce);
      const history = await readFile(join(parent, 'allure-history', 'v-s--p.jsonl'), 'utf8');
      assert.equal(history.trim().split('\n').length, 1, 'the prepared history took the run');
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('a report prepared ahead and then not wanted writes no report and no history', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'certbench-allure-unwanted-'));
    try {
      const dir = join(parent, 'run');
      await mkdir(dir);
      const job = startAllureHtml(dir);
      await job.prepare({ reportName: 'r', history: '../allure-history/h.jsonl' });
      await job.cancel();
      assert.deepEqual(await readdir(join(parent, 'allure-history')), []);
      assert.deepEqual(await readdir(dir), ['allurerc.mjs']);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('a report started ahead and then not wanted ends its process and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'certbench-allure-cancel-'));
    try {
      const job = startAllureHtml(dir);
      await job.cancel();
      assert.deepEqual(await readdir(dir), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('strips a Google Tag Manager script block', () => {
    const html =
      '<head><script async src="https://www.googletagmanager.com/gtag/js?id=G-X"></script>\n<title>r</title></head>';
    assert.equal(stripAnalytics(html), '<head><title>r</title></head>');
  });

  it('finds the tracker in a report read in pieces, in any case, also across two pieces', async () => {
    const page = (at: number, name: string) => {
      const bytes = Buffer.alloc(3 * SCAN_CHUNK, 'A');
      bytes.write(name, at, 'latin1');
      return bytes;
    };
    const file = join(runDir, 'tracked.html');
    for (const at of [0, SCAN_CHUNK - 7, 2 * SCAN_CHUNK + 5, 3 * SCAN_CHUNK - 16]) {
      await writeFile(file, page(at, 'GoogleTagManager'));
      assert.equal(await mentionsTagManager(file), true, `at ${at}`);
    }
    await writeFile(file, page(SCAN_CHUNK - 7, 'googletag-manager'));
    assert.equal(await mentionsTagManager(file), false);
    await assert.rejects(mentionsTagManager(join(runDir, 'missing.html')), /ENOENT/);
  });
});
