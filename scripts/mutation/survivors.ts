// Lists the surviving and uncovered mutants of a mutation run (reports/mutation/<protocol>.json, Stryker's JSON
// report) with file, line, mutator and the code as mutated, and the score: the raw material of the triage list in
// docs/mutation/<protocol>.md.   tsx scripts/mutation/survivors.ts <protocol>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const protocol = process.argv[2] ?? 'intelligent-indbakke';
const report = JSON.parse(readFileSync(join('reports', 'mutation', `${protocol}.json`), 'utf8')) as Report;
const counts = new Map<string, number>();
const lines: string[] = [];
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const text = source.split('\n');
  for (const m of mutants) {
    counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
    const { start, end } = m.location;
    const original =
      start.line === end.line
        ? (text[start.line - 1] ?? '').slice(start.column - 1, end.column - 1)
        : `${(text[start.line - 1] ?? '').slice(start.column - 1)} …`;
    const shorten = (s: string) => s.replace(/\s+/g, ' ').slice(0, 70);
    lines.push(
      `${file}:${start.line} ${m.status} ${m.mutatorName}: \`${shorten(original)}\` → \`${shorten(m.replacement ?? '')}\``,
    );
  }
}
const killed = (counts.get('Killed') ?? 0) + (counts.get('Timeout') ?? 0);
const valid = killed + (counts.get('Survived') ?? 0) + (counts.get('NoCoverage') ?? 0);
process.stdout.write(
  `${protocol}: ${valid} mutants, ${JSON.stringify(Object.fromEntries(counts))}, score ${((100 * killed) / valid).toFixed(1)} %\n${lines.join('\n')}\n`,
);
