// The check: `certbench status` over sample results of several vendors and runs (real runs against the
// reference GP system with different faults and waivers, dates moved into a scenario) gives a page whose matrix,
// waiver list and changes are right as rendered by headless Chromium, in Danish and English, and printable on A4.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { SAMPLE_DATES, writeStatusSample } from '../../scripts/status-sample.ts';
import { statusCommand } from '../../src/cli/commands/status.ts';
import { tempDir } from '../support/temp.ts';
import { capturingEnvironment } from './builders.ts';
import { chromiumMissing, dumpDom, printToPdf } from './chromium.ts';
import { byId, elements, type Element } from './dom.ts';

// Made at the top: `after` (which removes them) registered inside `before` would run right after that hook.
const results = await tempDir('certbench-status-sample-');
const out = join(await tempDir('certbench-status-out-'), 'status');
let warnings = '';
const doms: Record<'da' | 'en', string> = { da: '', en: '' };

before(async () => {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  await writeStatusSample(results);
  // One run has an Allure report (a stand-in file: generating real ones costs a second each).
  const report = join(results, 'cgm-xmo', '2026-10-05', 'allure-report', 'index.html');
  await mkdir(dirname(report), { recursive: true });
  await writeFile(report, '<!DOCTYPE html><title>Allure</title>');
  // Files that must be skipped with a warning, not stop the report.
  await mkdir(join(results, 'stray', 'old'), { recursive: true });
  await writeFile(join(results, 'stray', 'certification-result.json'), '{"hello": "world"}');
  const old = JSON.parse(
    await readFile(report.replace(/allure-report.*/, 'certification-result.json'), 'utf8'),
  ) as {
    schemaVersion: string;
  };
  await writeFile(
    join(results, 'stray', 'old', 'certification-result.json'),
    JSON.stringify({ ...old, schemaVersion: '0.9' }),
  );
  const env = capturingEnvironment();
  const code = await statusCommand(
    results,
    { out, asOf: SAMPLE_DATES.asOf, since: SAMPLE_DATES.since, nextMeeting: SAMPLE_DATES.nextMeeting },
    env,
  );
  assert.equal(code, 0);
  warnings = env.output();
  doms.da = await dumpDom(join(out, 'status.da.html'));
  doms.en = await dumpDom(join(out, 'status.en.html'));
});

const cells = (lang: 'da' | 'en'): Element[] => elements(byId(doms[lang], 'matrix'), 'td');
const cellOf = (lang: 'da' | 'en', system: string, version: string): Element => {
  const found = cells(lang).find(
    (c) => c.attributes['data-system'] === system && c.attributes['data-protocol-version'] === version,
  );
  assert.ok(found, `cell ${system} ${version}`);
  return found;
};

describe('the status page in Chromium', () => {
  test('the matrix: which system has which approval in which protocol version', () => {
    const matrix = byId(doms.da, 'matrix');
    assert.deepEqual(
      elements(matrix, 'th')
        .filter((th) => th.attributes['scope'] === 'col')
        .map((th) => th.text),
      ['Protokol og version', 'XMO CGM', 'Clinea EG A/S', 'Novax Novax A/S', 'VENA LPS Vena'],
    );
    const rows = elements(matrix, 'th').filter((th) => th.attributes['scope'] === 'row');
    assert.deepEqual(
      rows.map((th) => th.text.match(/\d+\.\d+\.\d+/)?.[0]),
      ['1.1.0', '1.0.2'],
      'one row per protocol version, newest first',
    );
    const approvals = cells('da').map(
      (c) =>
        `${c.attributes['data-system']} ${c.attributes['data-protocol-version']}: ${c.attributes['data-approval']}`,
    );
    assert.deepEqual(approvals, [
      'XMO 1.1.0: not-tested',
      'Clinea 1.1.0: not-tested',
      'Novax 1.1.0: not-tested',
      'VENA LPS 1.1.0: Godkendt',
      'XMO 1.0.2: Godkendt',
      'Clinea 1.0.2: Delvist godkendt',
      'Novax 1.0.2: Ikke godkendt',
      'VENA LPS 1.0.2: Delvist godkendt',
    ]);
  });

  test('each cell reads: approval in words, system version, date, counts, mode, trend, report link', () => {
    const xmo = cellOf('da', 'XMO', '1.0.2');
    assert.match(
      xmo.text,
      /^✔ Godkendt version 7\.2\.0 · 05\.10\.2026 \d+ bestået, \d+ fejlet 1 bemærkning certificering/,
    );
    assert.match(
      xmo.inner,
      /role="img" aria-label="Seneste kørsler, ældste først: Ikke godkendt, Delvist godkendt, Godkendt"/,
    );
    assert.match(xmo.text, /✘ ◐ ✔ Allure-rapport$/);
    const href = /href="([^"]+)"/.exec(xmo.inner)?.[1] ?? '';
    assert.ok(existsSync(resolve(out, decodeURI(href))), `the link ${href} reaches the run's report`);
    assert.doesNotMatch(cellOf('da', 'Clinea', '1.0.2').inner, /href=/, 'no report, no link');
    assert.match(
      cellOf('da', 'Clinea', '1.0.2').text,
      /^◐ Delvist godkendt version 4\.2\.1 · 10\.11\.2026 \d+ bestået, 3 dispenseret selvtest/,
    );
    assert.match(
      cellOf('da', 'Novax', '1.0.2').text,
      /^✘ Ikke godkendt version 3\.1\.0 · 20\.10\.2026 \d+ bestået, \d+ fejlet selvtest ✔ ✔ ✘$/,
    );
    assert.match(cellOf('da', 'VENA LPS', '1.0.2').text, /Dispensation udløbet: W-2026-DK-007/);
    assert.equal(cellOf('da', 'XMO', '1.1.0').text, '– Ikke testet');
    const c = cellOf('da', 'Clinea', '1.0.2').attributes;
    assert.deepEqual([c['data-failed'], c['data-waived'], c['data-pending']], ['0', '3', '0']);
    assert.ok(cellOf('da', 'Clinea', '1.0.2').text.includes(` ${c['data-passed']} bestået, 3 dispenseret`));
  });

  test('the waivers: reason, approver, days to expiry, highlighted before the next meeting, expired flagged', () => {
    const rows = elements(byId(doms.da, 'waivers'), 'tr').filter((r) => r.attributes['data-waiver']);
    assert.deepEqual(
      rows.map((r) => [r.attributes['data-waiver'], r.attributes['data-system'], r.attributes['class']]),
      [
        ['W-2026-DK-007', 'VENA LPS', 'w-expired'],
        ['W-2026-DK-001', 'Clinea', 'w-before-meeting'],
        ['W-2026-DK-004', 'Clinea', 'w-active'],
      ],
    );
    const [expired, soon, later] = rows.map((r) => r.text);
    assert.match(expired ?? '', /Udløbet for 24 dage siden$/);
    assert.match(
      soon ?? '',
      /MedCom standardiseringsgruppen DK-3\.3\.1\.11, DK-3\.3\.2\.4 10\.12\.2026 Udløber om 15 dage før næste møde$/,
    );
    assert.match(soon ?? '', /Tillægstekst deles som <Condition\.note> & TestScript forbyder det/);
    assert.match(later ?? '', /Udløber om 217 dage$/);
    assert.match(
      rows[1]?.inner ?? '',
      /<span class="flag">før næste møde<\/span>/,
      'highlight has a word, not only colour',
    );
    assert.ok(
      doms.da.includes('&lt;Condition.note&gt; &amp; TestScript'),
      'the vendor text stayed text in the DOM',
    );
    assert.match(
      textOfSection('da', 'waivers'),
      /2 aktive dispensationer, heraf 1 med udløb før næste møde; 1 udløbet\./,
    );
  });

  test('the changes since the last meeting', () => {
    const items = elements(byId(doms.da, 'changes'), 'li').map((li) => [li.attributes['data-kind'], li.text]);
    assert.deepEqual(
      items.map(([kind, text]) => `${kind}: ${text?.replace(/ \(version.*/, '')}`),
      [
        'approved: XMO (CGM), Diagnosekort (MedCom ConditionList), deling fra almen praksis 1.0.2: Delvist godkendt → ✔ Godkendt',
        'approved: VENA LPS (Vena), Diagnosekort (MedCom ConditionList), deling fra almen praksis 1.1.0: første test: ✔ Godkendt',
        'regressions: Novax (Novax A/S), Diagnosekort (MedCom ConditionList), deling fra almen praksis 1.0.2: Godkendt → ✘ Ikke godkendt',
        'firstTested: VENA LPS (Vena), Diagnosekort (MedCom ConditionList), deling fra almen praksis 1.1.0: første test: ✔ Godkendt',
      ],
    );
    assert.match(byId(doms.da, 'h-changes', 'h2'), /Ændringer siden 15\. september 2026/);
  });

  test('the English page shows the same facts in English', () => {
    assert.deepEqual(
      cells('en').map((c) => c.attributes['data-approval']),
      cells('da').map((c) => c.attributes['data-approval']),
    );
    assert.match(
      cellOf('en', 'Clinea', '1.0.2').text,
      /^◐ Partially approved version 4\.2\.1 · 2026-11-10 \d+ passed, 3 waived self-test/,
    );
    assert.match(textOfSection('en', 'waivers'), /Expires in 15 days before the next meeting/);
    assert.match(textOfSection('en', 'waivers'), /Expired 24 days ago/);
    assert.match(doms.en, /<html lang="en">/);
  });

  test('files that are not results of this schema were skipped with a warning', () => {
    assert.match(
      warnings,
      /warning: skipped \S*stray\/certification-result\.json: not a certbench certification result/,
    );
    assert.match(
      warnings,
      /warning: skipped \S*stray\/old\/certification-result\.json: schema version "0\.9", this certbench reads 1\.0/,
    );
  });

  test('printed: A4 landscape, a page per section', async () => {
    const pdf = join(out, 'status.da.pdf');
    await printToPdf(join(out, 'status.da.html'), pdf);
    const bytes = (await readFile(pdf)).toString('latin1');
    const boxes = [...bytes.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    assert.equal(boxes.length, 3, 'matrix, waivers, changes');
    for (const [w = 0, h = 0] of boxes)
      assert.ok(Math.abs(w - 842) < 2 && Math.abs(h - 595) < 2, `A4 landscape, got ${w}×${h}`);
  });
});

function textOfSection(lang: 'da' | 'en', id: string): string {
  return elements(`<div>${byId(doms[lang], id)}</div>`, 'div')[0]?.text ?? '';
}
