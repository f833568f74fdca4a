// Reads the test steps of a MedCom test protocol from its Markdown conversion (shared/examples/medcom/test-protocols):
// the chapter 3 headings as sections and every numbered row of a "Test step #" table as a step. Used to make the
// data file of an official protocol (scripts/import-official-protocol.ts) and to keep it equal to the source.

export interface MarkdownSection {
  number: string;
  title: string;
}

export interface MarkdownStep {
  number: string;
  section: string;
  action: string;
  testData?: string;
  expected: string;
}

const HEADING = /^#{2,4} (3(?:\.\d+)+) (.+)$/;
const STEP_ROW = /^\| (3(?:\.\d+)+) \|/;

/** A table cell as text: Word's paragraph breaks (`<br>`) become newlines, runs of spaces one space. */
export function cellText(cell: string): string {
  return cell
    .split(/\s*<br>\s*/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|\s*$/, '')
    .split('|')
    .map((c) => c.trim());
}

export function readOfficialMarkdown(markdown: string): {
  sections: MarkdownSection[];
  steps: MarkdownStep[];
} {
  const sections: MarkdownSection[] = [];
  const steps: MarkdownStep[] = [];
  let section: string | undefined;
  for (const line of markdown.split('\n')) {
    const heading = HEADING.exec(line);
    if (heading?.[1] && heading[2]) {
      section = heading[1];
      // Word's run-in paragraphs sometimes end up in a heading; the title is what comes before them.
      sections.push({ number: heading[1], title: heading[2].trim() });
      continue;
    }
    const row = STEP_ROW.exec(line);
    if (!row?.[1] || !section) continue;
    const [number = '', action = '', testData = '', expected = ''] = cells(line);
    const data = cellText(testData);
    steps.push({
      number,
      section,
      action: cellText(action),
      ...(data ? { testData: data } : {}),
      expected: cellText(expected),
    });
  }
  // Only sections that hold steps (or whose subsections do) are part of the protocol's step structure.
  const used = sections.filter((s) => steps.some((step) => `${step.section}.`.startsWith(`${s.number}.`)));
  return { sections: used, steps };
}
