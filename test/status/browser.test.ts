// The check: `certbench status` over sample results of several vendors and runs (real runs against the
// reference GP system with different faults and waivers, dates moved into a scenario) gives a page whose matrix,
// waiver list and changes are right as rendered by headless Chromium, in Danish and English, and printable on A4.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { SAMPLE_DATES, writeStatusSample } from '../../scripts/status-sample.ts';
import { statusCommand } from '../../src/cli/commands/status.ts';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadProtocols } from '../../src/protocols/load.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { tempDir } from '../support/temp.ts';
import { capturingEnvironment } from './builders.ts';
import { chromiumMissing, dumpDom, screenshot } from './chromium.ts';
import { byId, elements, type Element } from './dom.ts';

// Made at the top: `after` (which removes them) registered inside `before` would run right after that hook.
// The sample's systems claim Diagnosekort: its checkpoint count comes from the manifest, which grows.
const diagnosekortCheckpoints =
  (await loadProtocols(PACKAGE_ROOT)).manifests.find((m) => m.id === 'diagnosekort')?.checkpoints.length ?? 0;
const results = await tempDir('certbench-status-sample-');
const out = join(await tempDir('certbench-status-out-'), 'status');
let warnings = '';
const doms: Record<'da' | 'en', string> = { da: '', en: '' };
let xmoPage = '';
// Screenshots for a person to look at (the lead's note), only when asked for: never into the repository.
const SHOTS = process.env['CERTBENCH_SCREENSHOTS'];

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
    {
      out,
      asOf: SAMPLE_DATES.asOf,
      since: SAMPLE_DATES.since,
      nextMeeting: SAMPLE_DATES.nextMeeting,
      pdf: true,
    },
    env,
  );
  assert.equal(code, 0);
  warnings = env.output();
  doms.da = await dumpDom(join(out, 'status.da.html'));
  doms.en = await dumpDom(join(out, 'status.en.html'));
  xmoPage = await dumpDom(join(out, 'systems', 'cgm-xmo.da.html'));
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await screenshot(join(out, 'status.da.html'), join(SHOTS, 'status-matrix.da.png'), '1400,1250');
    await screenshot(join(out, 'status.en.html'), join(SHOTS, 'status-matrix.en.png'), '1400,1250');
    await screenshot(
      join(out, 'systems', 'cgm-xmo.da.html'),
      join(SHOTS, 'status-system-page.da.png'),
      '1200,1000',
    );
    await copyFile(join(out, 'status.da.pdf'), join(SHOTS, 'status.da.pdf'));
  }
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

  test('a certification and a self-test side by side look and read differently; totals count certifications only', () => {
    const xmo = cellOf('da', 'XMO', '1.0.2');
    const vena = cellOf('da', 'VENA LPS', '1.1.0');
    assert.equal(xmo.attributes['data-mode'], 'certify');
    assert.equal(xmo.attributes['class'], 'a-godkendt');
    assert.match(xmo.text, /^✔ Godkendt MedCom-certificering /);
    assert.equal(vena.attributes['data-mode'], 'self-test');
    assert.equal(vena.attributes['class'], 'a-godkendt m-self-test', 'hatched, dashed');
    assert.match(vena.text, /^✔ Selvtest uden fejl Leverandørens selvtest – ikke en godkendelse /);
    assert.doesNotMatch(vena.text, /Godkendt/);
    const totals = elements(byId(doms.da, 'matrix'), 'li')
      .filter((li) => li.attributes['data-approval'] && !li.attributes['data-checkpoint'])
      .map((li) => `${li.attributes['data-mode'] ?? 'no run'}: ${li.text}`);
    assert.deepEqual(totals, [
      'certify: ✔ Godkendt: 1',
      'certify: ◐ Delvist godkendt: 0',
      'certify: ✘ Ikke godkendt: 0',
      'self-test: ✔ Selvtest uden fejl: 1',
      'self-test: ◐ Selvtest delvist bestået: 2',
      'self-test: ✘ Selvtest med fejl: 1',
      'no run: – Ikke testet: 3',
    ]);
    const legend = elements(byId(doms.da, 'matrix'), 'p').filter((p) => p.attributes['data-legend']);
    assert.deepEqual(
      legend.map((p) => p.attributes['class']),
      ['legend-mode a-godkendt', 'legend-mode a-godkendt m-self-test'],
    );
    assert.match(xmo.text, /Nyere selvtest 16\.11\.2026: Selvtest med fejl/, 'the newer self-test beside it');
  });

  test('a run that judged nothing is Ikke testet, saying what is pending', () => {
    const clinea = cellOf('da', 'Clinea', '1.1.0');
    assert.equal(clinea.attributes['data-approval'], 'not-tested');
    assert.equal(clinea.attributes['class'], 'a-ikke-testet');
    assert.match(
      clinea.text,
      new RegExp(
        `^– Ikke testet .*version 4\\.3\\.0 · 22\\.11\\.2026 Intet bedømt: ${diagnosekortCheckpoints} afventer`,
      ),
    );
    assert.doesNotMatch(clinea.text, /Delvist/);
  });

  test('each cell names its failed, waived and pending checkpoints and leads to the system page', async () => {
    const novax = cellOf('da', 'Novax', '1.0.2');
    const listed = elements(novax.inner, 'li');
    assert.deepEqual(
      listed
        .slice(0, 2)
        .map(
          (li) =>
            `${li.attributes['data-status']} ${li.attributes['data-checkpoint']} ${li.attributes['data-grade']}`,
        ),
      ['failed DK-3.3.1.3 F2', 'failed DK-3.3.1.5 F1'],
    );
    assert.match(
      listed[1]?.text ?? '',
      /^✘ Fejlet: DK-3\.3\.1\.5 \(F1\) Diagnoser fra tidligere klinikker deles ikke$/,
    );
    assert.equal(listed.at(-1)?.text, '+ 7 flere');
    const waived = elements(cellOf('da', 'Clinea', '1.0.2').inner, 'li').map((li) => li.text);
    assert.deepEqual(waived, [
      '⊘ Dispenseret: DK-3.3.1.11 (F2) Tillægstekst deles ikke',
      '⊘ Dispenseret: DK-3.3.2.4 (F2) Tillægstekster deles ikke',
      '⊘ Dispenseret: DK-CB-2 (F3) Bundle.timestamp er i dansk tid (+01:00 vinter, +02:00 sommer)',
    ]);
    const href = /href="(systems\/[^"]+)"/.exec(novax.inner)?.[1] ?? '';
    assert.equal(href, 'systems/novax-a-s-novax.da.html#p-diagnosekort-gp-system-1-0-2');
    const page = await dumpDom(resolve(out, href.replace(/#.*/, '')));
    const rows = elements(page, 'tr').filter((r) => r.attributes['data-checkpoint']);
    assert.equal(rows.length, 11, 'every failed checkpoint of the run that counts, with its title');
    assert.match(
      rows[0]?.text ?? '',
      /^Fejlet DK-3\.3\.1\.3 Et gyldigt ConditionList-dokument dannes for den tidligere klinik F2/,
    );
  });

  test("a system's page: every run dated, oldest first, the trend drawn, the certification that counts marked", () => {
    const runs = elements(xmoPage, 'tr').filter((r) => r.attributes['data-run']);
    assert.deepEqual(
      runs.map(
        (r) => `${r.attributes['data-mode']} ${r.attributes['data-approval']} ${r.attributes['class']}`,
      ),
      [
        'self-test Ikke godkendt ',
        'self-test Delvist godkendt ',
        'certify Godkendt counting-run',
        'self-test Ikke godkendt ',
      ],
    );
    assert.match(
      runs[2]?.text ?? '',
      new RegExp(
        `^05\\.10\\.2026 MedCom-certificering \\(tæller\\) 7\\.2\\.0 ✔ Godkendt ${diagnosekortCheckpoints - 1} bestået, 1 fejlet – Ikke signeret Allure-rapport$`,
      ),
    );
    const chart = elements(xmoPage, 'svg')[0];
    assert.equal(
      chart?.attributes['aria-label'],
      '14.04.2026 Selvtest med fejl; 10.06.2026 Selvtest delvist bestået; 05.10.2026 Godkendt; 16.11.2026 Selvtest med fejl',
    );
    assert.equal(
      elements(chart?.inner ?? '', 'g').filter((g) => g.attributes['data-mode'] === 'certify').length,
      1,
    );
    const tables = elements(xmoPage, 'table').filter((t) => t.attributes['data-open-of']);
    assert.equal(tables.length, 2, 'the certification that counts and the newer self-test');
    assert.match(
      tables[0]?.text ?? '',
      /Fejlet DK-CB-1 Bundle\.timestamp og Composition\.date er forskellige tidspunkter F4/,
    );
    assert.match(tables[1]?.text ?? '', /Fejlet DK-3\.3\.1\.11/);
  });

  test('each cell reads: approval in words, system version, date, counts, mode, trend, report link', () => {
    const xmo = cellOf('da', 'XMO', '1.0.2');
    assert.match(
      xmo.text,
      /^✔ Godkendt MedCom-certificering – Ikke signeret version 7\.2\.0 · 05\.10\.2026 \d+ bestået, \d+ fejlet ✘ Fejlet: DK-CB-1 \(F4\) .* 1 bemærkning/,
    );
    assert.match(
      xmo.inner,
      /role="img" aria-label="Seneste kørsler, ældste først: Selvtest med fejl, Selvtest delvist bestået, Godkendt, Selvtest med fejl"/,
    );
    assert.match(xmo.text, /✘ ◐ ✔ ✘ Kontrolpunkter og historik · Allure-rapport$/);
    const href = /href="([^"]*allure[^"]+)"/.exec(xmo.inner)?.[1] ?? '';
    assert.ok(existsSync(resolve(out, decodeURI(href))), `the link ${href} reaches the run's report`);
    assert.doesNotMatch(cellOf('da', 'Clinea', '1.0.2').inner, /allure/, 'no report, no link');
    assert.match(
      cellOf('da', 'Clinea', '1.0.2').text,
      /^◐ Selvtest delvist bestået Leverandørens selvtest – ikke en godkendelse version 4\.2\.1 · 10\.11\.2026 \d+ bestået, 3 dispenseret/,
    );
    assert.match(
      cellOf('da', 'Novax', '1.0.2').text,
      /^✘ Selvtest med fejl .*version 3\.1\.0 · 20\.10\.2026 \d+ bestået, \d+ fejlet .* ✔ ✔ ✘ Kontrolpunkter og historik$/,
    );
    assert.match(cellOf('da', 'VENA LPS', '1.0.2').text, /Dispensation udløbet: W-2026-DK-007/);
    assert.equal(cellOf('da', 'XMO', '1.1.0').text, '– Ikke testet');
    assert.match(cellOf('da', 'XMO', '1.1.0').inner, /class="approval"/);
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
      items.map(([kind, text]) => `${kind}: ${text}`),
      [
        'approved: XMO (CGM), Diagnosekort (MedCom ConditionList), deling fra almen praksis 1.0.2: Selvtest delvist bestået → ✔ Godkendt (certificering, version 7.2.0, 05.10.2026)',
        'regressions: Novax (Novax A/S), Diagnosekort (MedCom ConditionList), deling fra almen praksis 1.0.2: Selvtest uden fejl → ✘ Selvtest med fejl (selvtest, version 3.1.0, 20.10.2026)',
        'firstTested: VENA LPS (Vena), Diagnosekort (MedCom ConditionList), deling fra almen praksis 1.1.0: første test: ✔ Selvtest uden fejl (selvtest, version 2.5.0, 18.11.2026)',
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
      /^◐ Self-test partly passed Vendor self-test – not an approval version 4\.2\.1 · 2026-11-10 \d+ passed, 3 waived ⊘ Waived: DK-3\.3\.1\.11 \(F2\) Tillægstekst deles ikke/,
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

  test('the PDF the command printed: the report, a page per section, then each system, all A4 landscape', async () => {
    const bytes = await readFile(join(out, 'status.da.pdf'));
    const pdf = await PDFDocument.load(bytes);
    assert.equal(pdf.getTitle(), 'Statusrapport for certificering – Status pr. 25. november 2026');
    for (const page of pdf.getPages()) {
      const { width, height } = page.getSize();
      assert.ok(
        Math.abs(width - 842) < 2 && Math.abs(height - 595) < 2,
        `A4 landscape, got ${width}×${height}`,
      );
    }
    const texts = await pageTexts(bytes);
    assert.match(texts[0] ?? '', /^Statusrapport for certificering Status pr\. 25\. november 2026/);
    assert.match(texts[0] ?? '', /Certificeringer \(MedCom\)/);
    // Each section starts a page; the matrix with its legend may take two.
    const waivers = texts.findIndex((text) => text.startsWith('Dispensationer'));
    const changes = texts.findIndex((text) => text.startsWith('Ændringer siden 15. september 2026'));
    assert.ok(waivers > 0 && changes > waivers, `sections on their own pages (${waivers}, ${changes})`);
    const systems = texts.flatMap((text, i) => {
      const title = /Tilbage til statusrapporten (.+?) \(([^)]+)\): kørsler og kontrolpunkter/.exec(text);
      return title ? [`${i > changes ? 'after' : 'before'} the report: ${title[1]} (${title[2]})`] : [];
    });
    assert.deepEqual(systems, [
      'after the report: XMO (CGM)',
      'after the report: Clinea (EG A/S)',
      'after the report: Novax (Novax A/S)',
      'after the report: VENA LPS (Vena)',
    ]);
  });
});

/** The text of each page of a PDF, as a viewer extracts it. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    const texts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const words = content.items.flatMap((item) => ('str' in item ? [item.str] : []));
      // Ligatures come out as words of their own ("certi fi cering"): joined again.
      const text = words.join(' ').replace(/\s+/g, ' ').trim();
      texts.push(text.replace(/(\S) (fi|fl|ff) (\S)/g, '$1$2$3').replace(/ (fi|fl|ff) (\S)/g, ' $1$2'));
    }
    return texts;
  } finally {
    await task.destroy();
  }
}

function textOfSection(lang: 'da' | 'en', id: string): string {
  return elements(`<div>${byId(doms[lang], id)}</div>`, 'div')[0]?.text ?? '';
}
