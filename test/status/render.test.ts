// The views of the model: vendor strings are only ever text, the page is self-contained, both languages say the
// same, and the Markdown summary carries the matrix as a table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InMemoryWriter } from '../../src/projections/writer.ts';
import { escapeHtml } from '../../src/status/html-escape.ts';
import { renderStatusHtml } from '../../src/status/html-page.ts';
import { renderSystemHtml } from '../../src/status/html-system.ts';
import { markdownText, renderStatusMarkdown } from '../../src/status/markdown.ts';
import { buildStatusModel } from '../../src/status/model.ts';
import { writeStatusReport } from '../../src/status/report.ts';
import { danish } from '../../src/status/texts-da.ts';
import { english } from '../../src/status/texts-en.ts';
import { OPTIONS, run } from './builders.ts';

const HOSTILE = `<script>alert("x")</script> & 'Co' | *bold* [link](http://evil)`;

const model = buildStatusModel(
  [
    run({
      at: '2026-10-01',
      vendor: HOSTILE,
      system: 'Clinea <b>',
      version: '4.2.0"><img src=x>',
      protocols: [{ approval: 'Delvist godkendt' }],
      waivers: [{ id: 'W-<1>', reason: HOSTILE, approvedBy: 'MedCom & co', expires: '2026-12-01' }],
      allureReport: '/results/a "b"/allure-report/index.html',
    }),
    run({
      at: '2026-10-02',
      vendor: 'CGM',
      system: 'XMO',
      protocols: [{ version: '1.1.0', approval: 'Godkendt' }],
    }),
  ],
  { ...OPTIONS, outDir: '/results/status', since: '2026-09-01', nextMeeting: '2026-12-16' },
);

test('HTML escapes every vendor string, in text and in attributes', () => {
  const page = renderStatusHtml(model, danish);
  assert.ok(!page.includes('<script'), 'no script element, not even a vendor-provided one');
  assert.ok(!page.includes('<b>') && !page.includes('<img'), 'no markup from results');
  assert.ok(page.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;'));
  assert.ok(page.includes('data-system="Clinea &lt;b&gt;"'));
  assert.ok(page.includes('href="../a%20%22b%22/allure-report/index.html"'));
  assert.equal(escapeHtml('a\u0000b\uD800'), 'a\uFFFDb\uFFFD', 'control characters and lone surrogates');
});

test('the page is self-contained: no external resources, no scripts, inline CSS with print rules', () => {
  for (const t of [danish, english]) {
    const page = renderStatusHtml(model, t);
    assert.ok(page.startsWith('<!DOCTYPE html>'));
    assert.match(page, new RegExp(`<html lang="${t.lang}">`));
    assert.doesNotMatch(page, /<(script|link|img|iframe|object|embed)\b/i);
    assert.doesNotMatch(page, /<[^>]*\s(src|srcset)=/i);
    for (const [, href = ''] of page.matchAll(/href="([^"]*)"/g))
      assert.doesNotMatch(href, /^[a-z][a-z0-9+.-]*:|^\/\//i, 'links stay relative, inside the results');
    assert.doesNotMatch(page, /@import|url\(/, 'CSS loads nothing');
    assert.match(page, /@page \{ size: A4 landscape/);
    assert.match(page, /<caption>/);
    assert.match(page, /<th scope="row"/);
    assert.match(page, /<th scope="col"/);
  }
});

test('Danish and English pages: MedCom vocabulary in Danish, translated in English', () => {
  const da = renderStatusHtml(model, danish);
  for (const text of [
    'Statusrapport for certificering',
    'Status pr. 25. november 2026',
    'Næste møde: 16. december 2026',
    'Delvist godkendt',
    'Ikke testet',
    'Dispensationer',
    'Udløber om 6 dage',
    'før næste møde',
    'Ændringer siden 1. september 2026',
  ])
    assert.ok(da.includes(text), text);
  const en = renderStatusHtml(model, english);
  for (const text of [
    'Certification status report',
    'Status as of 25 November 2026',
    'Partially approved',
    'Not tested',
    'Expires in 6 days',
    'Changes since 1 September 2026',
  ])
    assert.ok(en.includes(text), text);
});

test('Markdown: the matrix as a table, vendor strings literal, waivers and changes listed', () => {
  const md = renderStatusMarkdown(model, danish);
  assert.match(md, /^# Statusrapport for certificering$/m);
  assert.match(md, /^\| Protokol og version \| Clinea &lt;b&gt; \(&lt;script&gt;.*\) \| XMO \(CGM\) \|$/m);
  assert.match(md, /^\| --- \| --- \| --- \|$/m);
  assert.match(
    md,
    /\*\*Diagnosekort 1\.1\.0\*\* \| – Ikke testet \| ✔ _Selvtest uden fejl_<br>Leverandørens selvtest – ikke en godkendelse<br>version 4\.2\.0 · 02\.10\.2026/,
  );
  assert.ok(!md.includes('<script>') && !md.includes('[link](http'), 'no HTML, no links from results');
  assert.ok(md.includes('\\| \\*bold\\* \\[link\\]'), 'pipes, emphasis and brackets are escaped');
  assert.match(md, /\*\*Udløber om 6 dage, før næste møde\*\*/);
  assert.match(md, /^## Ændringer siden 1\. september 2026$/m);
  assert.match(md, /^### Nye protokolversioner testet$/m);
  assert.equal(markdownText('a|b\nc'), 'a\\|b c');
});

test('the report writes a page per language and the Markdown summary', async () => {
  const writer = new InMemoryWriter();
  const systemPages = (lang: string) => model.histories.map((h) => `systems/${h.slug}.${lang}.html`);
  assert.deepEqual(await writeStatusReport(model, writer, ['da', 'en']), [
    'status.da.html',
    'status.en.html',
    ...systemPages('da'),
    ...systemPages('en'),
    'status.md',
  ]);
  assert.match(writer.text('status.en.html'), /<html lang="en">/);
  assert.deepEqual(await writeStatusReport(model, new InMemoryWriter(), ['da']), [
    'status.da.html',
    ...systemPages('da'),
    'status.md',
  ]);
  assert.ok(
    systemPages('da').every((p) => /^systems\/[a-z0-9-]+\.da\.html$/.test(p)),
    'vendor strings never make a path',
  );
});

test('an empty folder still gives a page that says so', () => {
  const empty = buildStatusModel([], OPTIONS);
  assert.match(renderStatusHtml(empty, danish), /ingen gyldige certificeringsresultater/);
  assert.match(renderStatusMarkdown(empty, english), /no valid certification results/);
});

test('a cell shows the certification that counts and, beside it, a newer self-test, in HTML and Markdown', () => {
  const certified = buildStatusModel(
    [
      run({ at: '2026-09-01', mode: 'certify', protocols: [{ approval: 'Godkendt' }] }),
      run({ at: '2026-10-01', mode: 'self-test', protocols: [{ approval: 'Ikke godkendt' }] }),
    ],
    OPTIONS,
  );
  const page = renderStatusHtml(certified, danish);
  assert.match(page, /data-approval="Godkendt"/);
  assert.match(page, /<span class="small newer-self-test"\s*>Nyere selvtest 01\.10\.2026: Selvtest med fejl/);
  assert.match(renderStatusHtml(certified, english), /Newer self-test [^<]*: Self-test with failures/);
  assert.match(
    renderStatusMarkdown(certified, danish),
    /\*\*Godkendt\*\*<br>MedCom-certificering.*<br>Nyere selvtest 01\.10\.2026: Selvtest med fejl/,
  );
});

test("a self-test never wears MedCom's words: own words, own look, own totals, in both languages", () => {
  const both = buildStatusModel(
    [
      run({ at: '2026-09-01', mode: 'certify', system: 'A', protocols: [{ approval: 'Godkendt' }] }),
      run({ at: '2026-09-01', system: 'B', protocols: [{ approval: 'Godkendt' }] }),
    ],
    OPTIONS,
  );
  const page = renderStatusHtml(both, danish);
  const cellOf = (system: string) =>
    new RegExp(
      `<td class="([^"]*)"[^>]*data-system="${system}"[^>]*data-mode="([^"]*)"[^>]*>([\\s\\S]*?)</td>`,
    ).exec(page);
  const [, certClass, certMode, certText] = cellOf('A') ?? [];
  const [, selfClass, selfMode, selfText] = cellOf('B') ?? [];
  assert.equal(certMode, 'certify');
  assert.equal(selfMode, 'self-test');
  assert.equal(certClass, 'a-godkendt');
  assert.equal(selfClass, 'a-godkendt m-self-test');
  assert.match(certText ?? '', /✔<\/span>Godkendt<\/span/);
  assert.match(certText ?? '', /MedCom-certificering/);
  assert.match(selfText ?? '', /Selvtest uden fejl/);
  assert.doesNotMatch(selfText ?? '', />Godkendt</, 'a self-test cell never says Godkendt');
  assert.match(selfText ?? '', /Leverandørens selvtest – ikke en godkendelse/);
  assert.match(page, /data-totals="certify"[\s\S]*?data-approval="Godkendt"[\s\S]*?<strong>1<\/strong>/);
  assert.match(page, /data-totals="selfTest"[\s\S]*?Selvtest uden fejl:\s*<strong>1<\/strong>/);
  assert.match(renderStatusHtml(both, english), /Self-test without failures/);
});

test('nothing judged is Ikke testet, with what is pending; open checkpoints are named in the cell', () => {
  const m = buildStatusModel(
    [
      run({
        at: '2026-09-01',
        system: 'A',
        protocols: [{ approval: 'Delvist godkendt', nothingJudged: true }],
      }),
      run({ at: '2026-09-01', system: 'B', protocols: [{ approval: 'Ikke godkendt' }] }),
    ],
    OPTIONS,
  );
  const page = renderStatusHtml(m, danish);
  assert.match(
    page,
    /data-system="A"[^>]*data-approval="not-tested"[\s\S]*?Ikke testet[\s\S]*?Intet bedømt: 50 afventer/,
  );
  assert.doesNotMatch(page, /Delvist godkendt<\/span/);
  assert.match(page, /data-checkpoint="DK-3\.3\.1\.11"\s+data-status="failed"\s+data-grade="F2"\s*/);
  assert.match(page, /DK-3\.3\.1\.11 \(F2\)\s*<span class="open-title">Tillægstekst deles ikke<\/span>/);
  assert.match(page, /href="systems\/eg-a-s-b\.da\.html#p-diagnosekort-1-0-0">Kontrolpunkter og historik/);
  assert.match(renderStatusMarkdown(m, danish), /Fejlet: DK-3\.3\.1\.11 \(F2\)/);
});

test('the Danish page names variants in Danish; the system page lists every run and the open checkpoints', () => {
  const m = buildStatusModel(
    [
      run({ at: '2026-08-01', protocols: [{ approval: 'Ikke godkendt' }] }),
      run({ at: '2026-09-01', mode: 'certify', protocols: [{ approval: 'Ikke godkendt' }] }),
    ],
    OPTIONS,
  );
  const [history] = m.histories;
  assert.ok(history);
  const page = renderSystemHtml(m, history, danish);
  assert.match(page, /<a href="\.\.\/status\.da\.html">Tilbage til statusrapporten/);
  assert.equal([...page.matchAll(/<tr\s+class="[^"]*"\s+data-run=/g)].length, 2, 'both runs');
  assert.match(page, /class="counting-run"\s+data-run="[^"]+"\s+data-mode="certify"/);
  assert.match(
    page,
    /<svg class="history-chart"[^>]*aria-label="01\.08\.2026 Selvtest med fejl; 01\.09\.2026 Ikke godkendt"/,
  );
  assert.match(
    page,
    /data-checkpoint="DK-3\.3\.1\.11"\s+data-status="failed"\s+data-grade="F2"\s*>\s*<td>Fejlet<\/td>/,
  );
  assert.equal(danish.variantName('gp-system'), 'lægesystemet');
  assert.equal(english.variantName('gp-system'), 'the GP system');
});
