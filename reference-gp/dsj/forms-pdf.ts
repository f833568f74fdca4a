// The svangre forms as PDF files (pdf-lib), as DSJ attaches them to the referral: the svangerskabsjournal with the
// PRF sections, and the woman's questionnaire answers as she gave them.
// pdf-lib's own single-file ES build: the package's entry is 139 CommonJS files, which take some 110 ms more to load
// (and 10 MiB more) in every run that starts the reference GP system.
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib/dist/pdf-lib.esm.min.js';
import type { GpContext } from '../context.ts';
import type { PatientRecord } from '../state.ts';
import { fullName, PRACTICE } from '../test-data.ts';
import { DSJ_FORM, JOURNAL_SECTIONS, printed } from './fields.ts';
import type { Birthplace, DsjFieldValue, DsjRecord } from './records.ts';

interface Line {
  text: string;
  heading?: boolean;
}

const PAGE: [number, number] = [595, 842];
const MARGIN = 50;
const WRAP = 95;

async function writePdf(faults: GpContext['faults'], title: string, lines: Line[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const draw = (text: string, font: PDFFont, size: number) => {
    // Fault: the form never starts a new page; what does not fit is drawn below the page.
    if (y < MARGIN && !faults.has('dsj-pdf-no-page-break')) {
      page = pdf.addPage(PAGE);
      y = PAGE[1] - MARGIN;
    }
    page.drawText(text, { x: MARGIN, y, size, font });
    y -= size + 6;
  };
  draw(title, bold, 16);
  for (const line of lines)
    for (const part of wrap(line.text)) draw(part, line.heading ? bold : regular, line.heading ? 12 : 10);
  return pdf.save();
}

function wrap(text: string): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > WRAP) {
    const cut = rest.lastIndexOf(' ', WRAP);
    const at = cut > 0 ? cut : WRAP;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  return [...parts, rest];
}

function header(faults: GpContext['faults'], patient: PatientRecord, birthplace: Birthplace): Line[] {
  const cpr = patient.patient.cpr;
  // Fault: the hyphenated CPR runs on with the whole number ("020191-0201919990").
  const serial = faults.has('dsj-pdf-cpr-run-on') ? cpr : cpr.slice(6);
  return [
    { text: `Patient: ${fullName(patient.patient)}, CPR ${cpr.slice(0, 6)}-${serial}` },
    { text: `Modtager: ${birthplace.name}, ${birthplace.department}` },
    { text: `Afsender: ${PRACTICE.name}, ydernummer ${PRACTICE.ydernummer}` },
  ];
}

export async function svangerskabsjournalPdf(
  ctx: GpContext,
  patient: PatientRecord,
  record: DsjRecord,
  birthplace: Birthplace,
): Promise<Uint8Array> {
  // Fault: the form prints what the woman answered, not the journal as the GP left it.
  const line = ([field, v]: [string, DsjFieldValue]): Line => {
    const value = ctx.faults.has('dsj-pdf-questionnaire-values')
      ? (record.questionnaire.find((q) => q.field === field)?.value ?? v.value)
      : v.value;
    return { text: `${DSJ_FORM[field]?.label ?? field}: ${printed(value)}` };
  };
  const filled = [...record.fields];
  // Faults: the physical data, or the last section's civil status, are printed with the other information, not
  // under their section.
  const sectionOf = ([field]: [string, DsjFieldValue]) =>
    (ctx.faults.has('dsj-pdf-physical-data-misplaced') && DSJ_FORM[field]?.section === 'fysiske-data') ||
    (ctx.faults.has('dsj-pdf-social-data-misplaced') &&
      DSJ_FORM[field]?.section === 'social-saarbarhed-af-relevans')
      ? undefined
      : DSJ_FORM[field]?.section;
  const lines: Line[] = [...header(ctx.faults, patient, birthplace)];
  if (ctx.faults.has('dsj-pdf-without-sections')) {
    // Fault: one flat list without the svangerskabsjournal's sections.
    lines.push(...filled.map(line));
  } else {
    for (const [code, heading] of JOURNAL_SECTIONS) {
      // Fault: every field is printed under every section, its own among them.
      const inSection = ctx.faults.has('dsj-pdf-fields-under-every-section')
        ? filled
        : filled.filter((f) => sectionOf(f) === code);
      lines.push({ text: heading, heading: true });
      lines.push(...(inSection.length > 0 ? inSection.map(line) : [{ text: 'Ingen oplysninger' }]));
    }
    lines.push({ text: 'Øvrige oplysninger', heading: true });
    lines.push(...filled.filter((f) => sectionOf(f) === undefined).map(line));
  }
  // Fault: the form is titled as a referral, not as the svangerskabsjournal.
  return writePdf(
    ctx.faults,
    ctx.faults.has('dsj-pdf-untitled') ? 'Henvisning til fødested' : 'Svangerskabsjournal',
    lines,
  );
}

export async function questionnairePdf(
  ctx: GpContext,
  patient: PatientRecord,
  record: DsjRecord,
  birthplace: Birthplace,
): Promise<Uint8Array> {
  // Fault: the questionnaire form lists the questions without the woman's answers.
  const answered = !ctx.faults.has('dsj-pdf-questionnaire-unanswered');
  return writePdf(ctx.faults, 'Graviditetsspørgeskema, besvaret i Min Læge', [
    ...header(ctx.faults, patient, birthplace),
    ...record.questionnaire.map((q) => ({
      text: answered ? `${q.question} Svar: ${printed(q.value)}` : q.question,
    })),
  ]);
}
