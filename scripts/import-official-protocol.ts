// Prints the sections and steps of a MedCom test protocol (its Markdown conversion) as the YAML of an official
// protocol file (protocols/official/*.yaml). The header (title, versions, source, changelog) and each step's
// `seenIn` are written by hand: `seenIn: []` does not validate until someone has decided where a step is seen.
//   node --import tsx scripts/import-official-protocol.ts ../shared/examples/medcom/test-protocols/X.md
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { readOfficialMarkdown } from '../src/protocols/official-markdown.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: import-official-protocol.ts <protocol.md>\n');
  process.exit(2);
}
const { sections, steps } = readOfficialMarkdown(readFileSync(file, 'utf8'));
process.stdout.write(
  stringify({ sections, steps: steps.map((s) => ({ ...s, seenIn: [] })) }, { lineWidth: 0 }),
);
