// The test protocol as a Word document (docx library): the same content as the HTML, landscape, for MedCom's testers
// to file, comment and sign as they do with their own Word protocols.
import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { TestProtocolDocument } from './model.ts';

/** A paragraph of lines: line breaks of the text become breaks in Word. */
function lines(text: string, bold = false): Paragraph {
  const parts = text.split('\n');
  return new Paragraph({
    children: parts.map((line, i) => new TextRun({ text: line, bold, ...(i > 0 ? { break: 1 } : {}) })),
  });
}

function cell(text: string, options: { bold?: boolean; fill?: string } = {}): TableCell {
  return new TableCell({
    children: [lines(text, options.bold)],
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
  });
}

function table(rows: string[][], header: boolean, fills: (string | undefined)[][] = []): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: header && r === 0,
          children: row.map((text, c) => {
            const fill = header && r === 0 ? 'DDE6EF' : fills[r]?.[c];
            return cell(text, { bold: header && r === 0, ...(fill ? { fill } : {}) });
          }),
        }),
    ),
  });
}

function fillOf(assessment: string): string | undefined {
  if (assessment === 'OK') return 'E3F4E1';
  if (assessment.startsWith('OK')) return 'FFF6D6';
  if (/^F[1-4]$/.test(assessment)) return 'FBE0E0';
  if (assessment.startsWith('Ikke')) return 'EEEEEE';
  return assessment ? 'FFF6D6' : undefined;
}

export async function testProtocolDocx(doc: TestProtocolDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    lines(
      doc.kind === 'draft'
        ? 'Draft by certbench: MedCom has published no test protocol for this standard. Every provisional step names its source and the choice made, for MedCom to review.'
        : `${doc.protocol.date ?? ''} · MedCom's test protocol ${doc.protocol.version} · ${doc.protocol.source ?? ''}`,
    ),
    lines('The test protocol relates to the following standard:'),
    table(
      [
        ["Standard's name ENG", "Standard's name DK", 'Version', 'Type'],
        [doc.standard.en, doc.standard.da, doc.standard.version, doc.standard.type],
      ],
      true,
    ),
  ];
  if (doc.changelog.length > 0)
    children.push(
      new Paragraph({ text: 'Versioning', heading: HeadingLevel.HEADING_2 }),
      table(
        [['Version', 'Date', 'Description'], ...doc.changelog.map((c) => [c.version, c.date, c.description])],
        true,
      ),
    );
  if (doc.information)
    children.push(
      new Paragraph({
        text: '2 Vendor, system under test (SUT) and test result information',
        heading: HeadingLevel.HEADING_1,
      }),
      table(
        doc.information.map((i) => [i.label, i.value]),
        false,
      ),
    );
  children.push(new Paragraph({ text: '3 The test', heading: HeadingLevel.HEADING_1 }));
  for (const section of doc.sections) {
    children.push(
      new Paragraph({ text: `${section.number} ${section.title}`, heading: HeadingLevel.HEADING_2 }),
    );
    if (section.rows.length === 0) continue;
    const rows = section.rows.map((r) => [
      r.step,
      r.action,
      r.testData,
      r.expected,
      r.actual,
      r.assessment || 'Choose',
    ]);
    children.push(
      table(
        [
          ['Test step #', 'Action', 'Test data', 'Expected result', 'Actual result', 'MedCom assessment'],
          ...rows,
        ],
        true,
        [
          [],
          ...section.rows.map((r) => [
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            fillOf(r.assessment),
          ]),
        ],
      ),
    );
  }
  if (doc.conclusion)
    children.push(
      new Paragraph({ text: 'Test result', heading: HeadingLevel.HEADING_1 }),
      ...doc.conclusion.map((line) => lines(line)),
    );
  const document = new Document({
    creator: 'certbench',
    title: doc.title,
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  return Packer.toBuffer(document);
}
