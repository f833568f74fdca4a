// The test protocol as one self-contained HTML page, in the order and with the headings of MedCom's template.
import { escapeHtml } from '../../status/html-escape.ts';
import type { ProtocolRow, TestProtocolDocument } from './model.ts';

const STYLE = `
body { font-family: Calibri, Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #1a1a1a; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 1px solid #888; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0 1.5em; font-size: 0.9em; }
th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top; text-align: left; white-space: pre-line; }
th { background: #dde6ef; } td.step { white-space: nowrap; font-weight: bold; }
td.ok { background: #e3f4e1; } td.fail { background: #fbe0e0; } td.open { background: #fff6d6; }
td.nr { background: #eeeeee; } .draft { color: #8a4b00; font-weight: bold; }
`;

function cls(assessment: string): string {
  if (assessment.startsWith('OK')) return assessment === 'OK' ? 'ok' : 'open';
  if (/^F[1-4]$/.test(assessment)) return 'fail';
  if (assessment.startsWith('Ikke')) return 'nr';
  return assessment ? 'open' : '';
}

function rowHtml(r: ProtocolRow): string {
  const cell = (text: string, className = '') =>
    `<td${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</td>`;
  return `<tr>${cell(r.step, 'step')}${cell(r.action)}${cell(r.testData)}${cell(r.expected)}${cell(r.actual)}${cell(r.assessment || 'Choose', cls(r.assessment))}</tr>`;
}

function table(headers: string[], rows: string[]): string {
  const head =
    headers.length > 0
      ? `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`
      : '';
  return `<table>${head}<tbody>${rows.join('')}</tbody></table>`;
}

export function testProtocolHtml(doc: TestProtocolDocument): string {
  const parts = [
    `<h1>${escapeHtml(doc.title)}</h1>`,
    doc.kind === 'draft'
      ? '<p class="draft">Draft by certbench: MedCom has published no test protocol for this standard. Every provisional step names its source and the choice made, for MedCom to review.</p>'
      : `<p>${escapeHtml(`${doc.protocol.date ?? ''} · MedCom's test protocol ${doc.protocol.version} · ${doc.protocol.source ?? ''}`)}</p>`,
    '<p>The test protocol relates to the following standard:</p>',
    table(
      ["Standard's name ENG", "Standard's name DK", 'Version', 'Type'],
      [
        `<tr>${[doc.standard.en, doc.standard.da, doc.standard.version, doc.standard.type].map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`,
      ],
    ),
  ];
  if (doc.changelog.length > 0)
    parts.push(
      '<h2>Versioning</h2>',
      table(
        ['Version', 'Date', 'Description'],
        doc.changelog.map(
          (c) =>
            `<tr><td>${escapeHtml(c.version)}</td><td>${escapeHtml(c.date)}</td><td>${escapeHtml(c.description)}</td></tr>`,
        ),
      ),
    );
  if (doc.information)
    parts.push(
      '<h2>2 Vendor, system under test (SUT) and test result information</h2>',
      table(
        [],
        doc.information.map((i) => `<tr><th>${escapeHtml(i.label)}</th><td>${escapeHtml(i.value)}</td></tr>`),
      ),
    );
  parts.push('<h2>3 The test</h2>');
  for (const section of doc.sections) {
    parts.push(`<h3>${escapeHtml(`${section.number} ${section.title}`)}</h3>`);
    if (section.rows.length > 0)
      parts.push(
        table(
          ['Test step #', 'Action', 'Test data', 'Expected result', 'Actual result', 'MedCom assessment'],
          section.rows.map(rowHtml),
        ),
      );
  }
  if (doc.conclusion)
    parts.push('<h2>Test result</h2>', ...doc.conclusion.map((line) => `<p>${escapeHtml(line)}</p>`));
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head><body>${parts.join('\n')}</body></html>\n`;
}
