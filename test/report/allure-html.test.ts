import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { allureResultsProjection } from '../../src/projections/allure/allure-results.ts';
import { FileSystemWriter } from '../../src/projections/writer.ts';
import { generateAllureHtml, stripAnalytics } from '../../src/report/allure-html.ts';
import { sampleRun } from '../projections/result-builder.ts';

void describe('Allure HTML report', () => {
  let runDir = '';
  before(async () => {
    runDir = await mkdtemp(join(tmpdir(), 'certbench-allure-'));
  });
  after(async () => {
    await rm(runDir, { recursive: true, force: true });
  });

  void it('generates one self-contained index.html without analytics', async (t) => {
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
    // The report embeds its data as base64: decode the categories to see the Waived and Pending groups.
    const categories = /"data\/categories\.json"\s*,\s*"([A-Za-z0-9+/=]+)"/.exec(html)?.[1];
    assert.ok(categories, 'categories.json is embedded');
    const decoded = Buffer.from(categories, 'base64').toString('utf8');
    for (const name of ['Waived', 'Pending', 'Not applicable', 'Harness error', 'Blocking failures']) {
      assert.ok(decoded.includes(`"name":"${name}"`), `category ${name}`);
    }
  });

  void it('reports the CLI error when there are no results', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'certbench-allure-empty-'));
    try {
      await assert.rejects(
        generateAllureHtml(empty),
        /allure generate allure-results .* failed in .*: No test results/,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  void it('strips a Google Tag Manager script block', () => {
    const html =
      '<head><script async src="https://www.googletagmanager.com/gtag/js?id=G-X"></script>\n<title>r</title></head>';
    assert.equal(stripAnalytics(html), '<head><title>r</title></head>');
  });
});
