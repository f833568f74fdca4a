// PDF checks of the svangre forms: opening with pdfjs, and what the text must show.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { readPdf, releaseIdlePdfReader, textRuns, warmPdfReader } from '../../src/rules/dsj/pdf.ts';
import { warmUpProtocols, warmUpWhenRun } from '../../src/steps-api/warm-up.ts';
import {
  answersShown,
  displayForms,
  fieldsUnderTheirSections,
  missingHeadings,
  patientShown,
  placeholdersPrinted,
  PRF_SECTIONS,
  valuesShown,
} from '../../src/rules/dsj/pdf-content-rules.ts';
import { pdfWith } from './fixtures.ts';

describe('reading PDF attachments', () => {
  it('opens a PDF and extracts its text, Danish letters included', async () => {
    const reading = await readPdf(await pdfWith(['Svangerskabsjournal', 'Vægt før graviditet (kg): 64,5']));
    assert.ok(reading.opened);
    assert.equal(reading.pages, 1);
    assert.match(reading.text, /Vægt før graviditet \(kg\): 64,5/);
  });

  it('reports bytes that are not a PDF, or a truncated PDF, as not opening', async () => {
    const text = await readPdf(Buffer.from('Svangerskabsjournal for 0201919990'));
    assert.equal(text.opened, false);
    const whole = await pdfWith(['Svangerskabsjournal']);
    const truncated = await readPdf(whole.slice(0, 200));
    assert.equal(truncated.opened, false);
  });

  it('does not read text drawn off the page, which no viewer shows', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText('Samlet vurdering: normal', { x: 40, y: 60, size: 10, font });
    page.drawText('graviditet, følges', { x: 40, y: -30, size: 10, font });
    page.drawText('efter anbefalingerne', { x: 40, y: 900, size: 10, font });
    const reading = await readPdf(await pdf.save());
    assert.ok(reading.opened);
    assert.equal(reading.text, 'Samlet vurdering: normal');
  });

  it('reads the same after the reader loaded pdfjs ahead, and a reader ended while idle starts again', async () => {
    releaseIdlePdfReader();
    warmPdfReader();
    warmPdfReader();
    const reading = await readPdf(await pdfWith(['Svangerskabsjournal', 'Blodtype: A+']));
    assert.ok(reading.opened);
    assert.match(reading.text, /Blodtype: A\+/);
    releaseIdlePdfReader();
    const again = await readPdf(await pdfWith(['Svangerskabsjournal']));
    assert.ok(again.opened);
  });

  it('starts the warm-ups of the protocols a run includes, once each, and leaves out one that throws', () => {
    const started: string[] = [];
    const warm = () => started.push('pdf');
    warmUpWhenRun('test-warm-a', warm);
    warmUpWhenRun('test-warm-a', warm);
    warmUpWhenRun('test-warm-a', () => {
      throw new Error('not here');
    });
    warmUpWhenRun('test-warm-b', () => started.push('other'));
    warmUpProtocols(['test-warm-a', 'test-warm-c']);
    assert.deepEqual(started, ['pdf']);
  });

  it('reads PDFs given at once one after the other, each with its own text', async () => {
    const texts = ['Svangerskabsjournal A', 'Svangerskabsjournal B', 'Svangerskabsjournal C'];
    const readings = await Promise.all(texts.map(async (t) => readPdf(await pdfWith([t]))));
    assert.deepEqual(
      readings.map((r) => (r.opened ? r.text : r.error)),
      texts,
    );
  });
});

describe('form content rules', () => {
  it('requires every mandatory PRF section heading', () => {
    const all = PRF_SECTIONS.map((s) => s.heading).join(' ');
    assert.deepEqual(missingHeadings(all), []);
    const withoutOne = PRF_SECTIONS.filter((s) => s.code !== 'konsangvinitet')
      .map((s) => s.heading)
      .join(' ');
    assert.deepEqual(missingHeadings(withoutOne), [
      'section "Konsangvinitet" (konsangvinitet) is not in the forms',
    ]);
  });

  it('finds the patient by CPR, with or without the hyphen, and by name', () => {
    assert.deepEqual(
      patientShown('Patient: Else Test Lauridsen, CPR 020191-9990', '0201919990', 'Else Test Lauridsen'),
      [],
    );
    assert.deepEqual(patientShown('Else Test Lauridsen 0201919990', '0201919990', 'Else Test Lauridsen'), []);
    assert.deepEqual(patientShown('CPR-nr.:0201919990.', '0201919990', 'Else Test Lauridsen'), [
      'patient name "Else Test Lauridsen" is not shown',
    ]);
    // The CPR inside a longer number is not shown.
    for (const runOn of ['020191-0201919990', '0201919990-9990', '10201919990', '020191-99901'])
      assert.deepEqual(
        patientShown(`Else Test Lauridsen, CPR ${runOn}`, '0201919990', 'Else Test Lauridsen'),
        ['CPR 0201919990 is not shown'],
      );
    assert.deepEqual(patientShown('Ellen Test Lauridsen 0201919996', '0201919990', 'Else Test Lauridsen'), [
      'CPR 0201919990 is not shown',
      'patient name "Else Test Lauridsen" is not shown',
    ]);
  });

  it('prints values in their Danish forms', () => {
    assert.deepEqual(displayForms(true), ['Ja']);
    assert.deepEqual(displayForms(64.5), ['64,5', '64.5']);
    assert.deepEqual(displayForms('2026-10-12'), ['12-10-2026', '12.10.2026', '2026-10-12']);
  });

  it('matches "<label>: <value>" exactly, so a stale 0 is not taken for 1 and 1 not for 10', () => {
    const text =
      'Alkohol (genstande pr. uge): 1 Ryger: Nej Vægt før graviditet (kg): 64,5 Terminsdato: 12-10-2026';
    const fields = [
      { label: 'Alkohol (genstande pr. uge)', value: 1 },
      { label: 'Ryger', value: false },
      { label: 'Vægt før graviditet (kg)', value: 64.5 },
      { label: 'Terminsdato', value: '2026-10-12' },
    ];
    assert.deepEqual(valuesShown(text, fields), []);
    assert.deepEqual(
      valuesShown('Alkohol (genstande pr. uge): 10', [{ label: 'Alkohol (genstande pr. uge)', value: 1 }]),
      ['"Alkohol (genstande pr. uge): 1" is not shown'],
    );
    assert.deepEqual(
      valuesShown('Alkohol (genstande pr. uge): 0', [{ label: 'Alkohol (genstande pr. uge)', value: 1 }]),
      ['"Alkohol (genstande pr. uge): 1" is not shown'],
    );
  });

  it('wants each field of a PRF section between its heading and the next, a label like a heading aside', () => {
    const headings = (between: string[]) =>
      [
        'Svangerskabsjournal',
        'Sprog',
        'Sprog: dansk',
        'Fysiske data',
        ...between,
        'Fertilitetsbehandling',
      ].join(' ');
    const fields = [
      { field: 'sprog', label: 'Sprog', value: 'dansk' },
      { field: 'hoejde', label: 'Højde (cm)', value: 168 },
      { field: 'termin', label: 'Terminsdato', value: '2026-10-12' },
    ];
    assert.deepEqual(fieldsUnderTheirSections(headings(['Højde (cm): 168']), fields), []);
    assert.deepEqual(
      fieldsUnderTheirSections(
        `${headings([])} Øvrige oplysninger Højde (cm): 168 Terminsdato: 12-10-2026`,
        fields,
      ),
      ['"Højde (cm): 168" does not stand under the heading "Fysiske data"'],
    );
    // Not printed at all, or no heading: the business of valuesShown and missingHeadings.
    assert.deepEqual(fieldsUnderTheirSections('Sprog: dansk', fields), []);
  });

  it('wants no field of a PRF section under another PRF heading, a longer label holding its label aside', () => {
    const text =
      'Sprog Sprog: dansk Højde (cm): 168 Fysiske data Højde (cm): 168 Psykisk sygdom af relevans Psykisk sygdom: ingen Somatisk sygdom Sygdom: ingen';
    const fields = [
      { field: 'sprog', label: 'Sprog', value: 'dansk' },
      { field: 'hoejde', label: 'Højde (cm)', value: 168 },
      { field: 'psykisk-sygdom', label: 'Psykisk sygdom', value: 'ingen' },
      { field: 'somatisk-sygdom', label: 'Sygdom', value: 'ingen' },
    ];
    assert.deepEqual(fieldsUnderTheirSections(text, fields), [
      '"Højde (cm): 168" also stands under the heading "Sprog"',
    ]);
  });

  it("ends the last PRF section at the next text in the headings' style, not at a label or in one style", () => {
    // Two headings, then "Øvrige oplysninger" in their style and the field of the last section after it.
    const runsOf = (items: [string, string][]) =>
      textRuns(items.map(([str, style]) => ({ str, font: style, size: 10 })));
    const fields = [{ field: 'civilstand', label: 'Civilstand', value: 'samlevende' }];
    const misplaced = runsOf([
      ['Fysiske data', 'bold'],
      ['Tidligere operation af relevans', 'bold'],
      ['Social sårbarhed af relevans', 'bold'],
      ['Øvrige oplysninger', 'bold'],
      ['Civilstand: samlevende', 'regular'],
    ]);
    assert.deepEqual(fieldsUnderTheirSections(misplaced.text, fields, misplaced.runs), [
      '"Civilstand: samlevende" does not stand under the heading "Social sårbarhed af relevans"',
    ]);
    // Without the styles (or in one style throughout) the section runs to the end of the text.
    assert.deepEqual(fieldsUnderTheirSections(misplaced.text, fields), []);
    const plain = runsOf([
      ['Social sårbarhed af relevans', 'regular'],
      ['Øvrige oplysninger', 'regular'],
      ['Civilstand: samlevende', 'regular'],
    ]);
    assert.deepEqual(fieldsUnderTheirSections(plain.text, fields, plain.runs), []);
    // A bold label, with its colon in the next run, is no heading; nor is one whose field is printed bold.
    for (const items of [
      [
        ['Social sårbarhed af relevans', 'bold'],
        ['Samliv', 'bold'],
        [': ja', 'regular'],
        ['Civilstand: samlevende', 'regular'],
      ],
      [
        ['Social sårbarhed af relevans', 'bold'],
        ['Forhold', 'bold'],
        ['Civilstand: samlevende', 'bold'],
      ],
    ] as [string, string][][]) {
      const { text, runs } = runsOf(items);
      assert.deepEqual(fieldsUnderTheirSections(text, fields, runs), [], text);
    }
  });

  it('reads the text runs with their font and size', async () => {
    const pdf = await PDFDocument.create();
    const regular = await pdf.embedFont(StandardFonts.Helvetica);
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
    const page = pdf.addPage([595, 842]);
    page.drawText('Sprog', { x: 40, y: 800, size: 12, font: bold });
    page.drawText('Sprog:  dansk', { x: 40, y: 780, size: 10, font: regular });
    const reading = await readPdf(await pdf.save());
    assert.ok(reading.opened);
    assert.equal(reading.text, 'Sprog Sprog: dansk');
    assert.deepEqual(
      reading.runs.map((r) => [r.at, r.text]),
      [
        [0, 'Sprog'],
        [6, 'Sprog: dansk'],
      ],
    );
    assert.notEqual(reading.runs[0]?.style, reading.runs[1]?.style);
  });

  it('finds a placeholder printed where a value belongs, as a word of its own only', () => {
    assert.deepEqual(placeholdersPrinted('Ryger du? Svar: Nej Sprog: dansk'), []);
    assert.deepEqual(placeholdersPrinted('Annullering nullipara undefineret NaNa'), []);
    for (const word of ['undefined', 'null', 'NaN', '[object Object]'])
      assert.equal(placeholdersPrinted(`Har du tidligere været indlagt? Svar: ${word}`).length, 1, word);
  });

  it("finds each question followed by the woman's answer within a few words", () => {
    const answers = [
      { question: 'Hvor høj er du (cm)?', value: 168 },
      { question: 'Ryger du?', value: false },
    ];
    assert.deepEqual(answersShown(['Hvor høj er du (cm)? Svar: 168 Ryger du? Nej'], answers), []);
    assert.deepEqual(answersShown(['Hvor høj er du (cm)? 1680', 'Ryger du? Svar: Nej'], answers), [
      '"Hvor høj er du (cm)?" with the answer "168" is not in the forms',
    ]);
    assert.deepEqual(answersShown(['Hvor høj er du (cm)? Ryger du?'], answers).length, 2);
  });
});
