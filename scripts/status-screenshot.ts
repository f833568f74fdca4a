// A look at the status report as the steering group gets it: sample results (scripts/status-sample.ts, with Allure
// reports for the latest runs), the report over them, then headless Chromium's screenshots (PNG) and print (PDF).
//
//   node --import tsx scripts/status-screenshot.ts <outDir>
//   → <outDir>/results/…, <outDir>/status/status.{da,en}.html, systems/*.html, status.md, status.da.pdf (printed by
//     the command), status.da.png, status.en.png, system.da.png (CGM XMO's page)
import { join, resolve } from 'node:path';
import { makeEnvironment } from '../src/environment/environment.ts';
import { statusCommand } from '../src/cli/commands/status.ts';
import { chromiumMissing, screenshot } from '../test/status/chromium.ts';
import { SAMPLE_DATES, writeStatusSample } from './status-sample.ts';

const target = process.argv[2];
if (!target) {
  console.error('usage: node --import tsx scripts/status-screenshot.ts <outDir>');
  process.exit(3);
}
const missing = chromiumMissing();
if (missing) {
  console.error(missing);
  process.exit(1);
}
const dir = resolve(target);
const results = join(dir, 'results');
const out = join(dir, 'status');
await writeStatusSample(results, { allure: true });
const code = await statusCommand(
  results,
  {
    out,
    asOf: SAMPLE_DATES.asOf,
    since: SAMPLE_DATES.since,
    nextMeeting: SAMPLE_DATES.nextMeeting,
    pdf: true,
  },
  makeEnvironment(),
);
if (code !== 0) process.exit(code);
for (const lang of ['da', 'en']) {
  await screenshot(join(out, `status.${lang}.html`), join(out, `status.${lang}.png`), '1400,1900');
  console.log(join(out, `status.${lang}.png`));
}
await screenshot(join(out, 'systems', 'cgm-xmo.da.html'), join(out, 'system.da.png'), '1200,1000');
console.log(join(out, 'system.da.png'));
console.log(join(out, 'status.da.pdf'));
