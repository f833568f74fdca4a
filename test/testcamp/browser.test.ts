// The testcamp console in a real browser (playwright-core driving Debian's Chromium, see ../status/chromium.ts): a
// full Diagnosekort rehearsal by an operator and an assessor, each in their own browser context, with a "fejl"
// taken back, an assessment with an uploaded screenshot, and a restart of the console in the middle. Screenshots of
// the operator page, the assessor controls and the progress view are kept (CERTBENCH_SCREENSHOTS=folder to keep
// them somewhere to look at).
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadTestcampConfig } from '../../src/testcamp/config.ts';
import { startTestcamp, type Testcamp } from '../../src/testcamp/testcamp.ts';
import { rehearsalConfig } from '../support/console-client.ts';
import { checkpoints } from '../support/run.ts';
import { assertSameAsAutomatic } from '../support/testcamp.ts';
import { tempDir } from '../support/temp.ts';
import { CHROMIUM, chromiumMissing } from '../status/chromium.ts';

const RESTART_AT = 25;
const FEJL_AT = 2;

/** Opens the run's page afresh (a watching page also reloads itself: a clash is tried again). */
async function open(page: Page): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(page.url().replace(/\/runs\/.*$/, '/runs/vendor-a'), { waitUntil: 'load' });
      return;
    } catch (error) {
      if (attempt > 5) throw error;
    }
  }
}

async function loggedIn(browser: Browser, camp: Testcamp, token: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(camp.url);
  await page.getByLabel(/token for the run and role/).fill(token);
  await page.getByRole('button', { name: 'Log ind / log in' }).click();
  await page.waitForURL(/\/runs\/vendor-a$/);
  return page;
}

test("a Diagnosekort rehearsal in the browser: operator steps, a fejl taken back, a screenshot, a restart; the automatic run's result", async () => {
  assert.equal(chromiumMissing(), undefined);
  const shots = process.env['CERTBENCH_SCREENSHOTS'] ?? (await tempDir('certbench-testcamp-shots-'));
  await mkdir(shots, { recursive: true });
  const config = await loadTestcampConfig(await rehearsalConfig(['vendor-a'], '', true));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
    headless: true,
  });
  let camp = await startTestcamp(config);
  try {
    let operator = await loggedIn(browser, camp, 'operator-token-vendor-a-0123456789');
    let assessor = await loggedIn(browser, camp, 'assessor-token-vendor-a-0123456789');
    let fejlGiven = false;
    let screenshotUploaded = false;
    let restarted = false;
    let firstAfterRestart: number | undefined;
    const shot = async (page: Page, name: string) =>
      writeFile(join(shots, name), await page.screenshot({ fullPage: true }));

    for (let round = 0; round < 2000; round++) {
      await open(operator);
      const text = (await operator.locator('body').innerText()) ?? '';
      if (/Kørslen er færdig/.test(text)) break;
      const done = operator.getByRole('button', { name: 'Udført / done', exact: true });
      if (await done.count()) {
        const step = Number(await operator.locator('input[name="step"]').first().inputValue());
        if (step === RESTART_AT && !restarted) {
          restarted = true;
          await camp.stop();
          camp = await startTestcamp(config);
          operator = await loggedIn(browser, camp, 'operator-token-vendor-a-0123456789');
          assessor = await loggedIn(browser, camp, 'assessor-token-vendor-a-0123456789');
          continue;
        }
        if (restarted) firstAfterRestart ??= step;
        if (step === 4) await shot(operator, 'operator-page.png');
        if (step === FEJL_AT && !fejlGiven) {
          fejlGiven = true;
          await operator.getByLabel(/could not be done, because/).fill('tastefejl: forkert patient');
          await operator.getByRole('button', { name: 'Fejl / failure' }).click();
          await operator.getByRole('button', { name: 'Udført alligevel / done after all' }).click();
        } else await done.click();
        continue;
      }
      // The reference GP refused a step some protocols allow it to refuse: the assessor confirms the failure.
      await open(assessor);
      const confirm = assessor.getByRole('button', { name: 'Bekræft fejlen / confirm the failure' });
      if (await confirm.count()) {
        await confirm.click();
        continue;
      }
      const save = assessor.getByRole('button', { name: 'Gem bedømmelse / save the assessment' });
      if (await save.count()) {
        await assessor.getByLabel('OK', { exact: true }).check();
        if (!screenshotUploaded) {
          screenshotUploaded = true;
          await shot(assessor, 'assessor-controls.png');
          await assessor.locator('input[type="file"]').setInputFiles({
            name: 'skærmbillede.png',
            mimeType: 'image/png',
            buffer: await operator.screenshot(),
          });
        }
        await save.click();
        continue;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await shot(operator, 'progress-finished.png');
    assert.ok(fejlGiven && screenshotUploaded && restarted);
    assert.equal(
      firstAfterRestart,
      RESTART_AT,
      'after the restart the console asks from the step where it stopped',
    );
    const finished = await operator.locator('body').innerText();
    assert.match(finished, /scenarier \/ scenarios (\d+) af \/ of \1\b/);

    const result = camp.slots.get('vendor-a')?.result;
    assert.ok(result);
    const withFile = checkpoints(result).find((c) => c.assessment?.evidenceFiles.length);
    assert.equal(withFile?.assessment?.evidenceFiles[0]?.name, 'skærmbillede.png');
    await assertSameAsAutomatic(result);
  } finally {
    await camp.stop();
    await browser.close();
  }
});
