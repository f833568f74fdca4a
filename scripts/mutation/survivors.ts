// The survivors of a mutation run (reports/mutation/<protocol>.json, Stryker's JSON report) against the reviewed
// triage list (docs/mutation/<protocol>.yaml): prints the score, every survivor with its class from the list, and
// the survivors no entry covers (exit 1 then), so the list stays complete after each run.
//   tsx scripts/mutation/survivors.ts <protocol>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

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

const entrySchema = z.strictObject({
  /** `reference-gp/inbox/parse.ts:34,46-50`: the file and the lines (ranges allowed) of the mutants' start. */
  where: z.string().regex(/^[\w./-]+\.ts:\d+(-\d+)?(,\d+(-\d+)?)*$/),
  /** Only these mutators (default: any). */
  mutators: z.array(z.string()).optional(),
  // runner-artifact: killed when run in a fresh process; it survived only because module state made by an earlier
  // run in the runner's reused process (a lazily made instance) hid it. Verified by hand, with the evidence named.
  class: z.enum([
    'equivalent',
    'missing-check',
    'missing-test-data',
    'accepted-gap',
    'out-of-scope',
    'runner-artifact',
  ]),
  reason: z.string().min(10),
  source: z.string().optional(),
});
const triageSchema = z.strictObject({
  protocol: z.string(),
  runs: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
  survivors: z.array(entrySchema),
});
type Entry = z.output<typeof entrySchema>;

function covers(entry: Entry, file: string, line: number, mutator: string): boolean {
  const [where = '', lines = ''] = entry.where.split(':');
  if (where !== file || (entry.mutators && !entry.mutators.includes(mutator))) return false;
  return lines.split(',').some((range) => {
    const [from = 0, to = from] = range.split('-').map(Number);
    return line >= from && line <= to;
  });
}

const protocol = process.argv[2] ?? 'intelligent-indbakke';
const report = JSON.parse(readFileSync(join('reports', 'mutation', `${protocol}.json`), 'utf8')) as Report;
let triage: Entry[] = [];
try {
  triage = triageSchema.parse(
    parse(readFileSync(join('docs', 'mutation', `${protocol}.yaml`), 'utf8')),
  ).survivors;
} catch (error) {
  process.stderr.write(`docs/mutation/${protocol}.yaml: ${(error as Error).message}\n`);
}
const counts = new Map<string, number>();
const byClass = new Map<string, number>();
const untriaged: string[] = [];
const shorten = (s: string) => s.replace(/\s+/g, ' ').slice(0, 70);
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
    const line = `${file}:${start.line} ${m.status} ${m.mutatorName}: \`${shorten(original)}\` → \`${shorten(m.replacement ?? '')}\``;
    const entry = triage.find((e) => covers(e, file, start.line, m.mutatorName));
    if (entry) byClass.set(entry.class, (byClass.get(entry.class) ?? 0) + 1);
    else untriaged.push(line);
  }
}
const killed = (counts.get('Killed') ?? 0) + (counts.get('Timeout') ?? 0);
const valid = killed + (counts.get('Survived') ?? 0) + (counts.get('NoCoverage') ?? 0);
const triaged = (c: string) => byClass.get(c) ?? 0;
// The score over the scope (issue 17: the code that makes what the SUT sends, shows and files): as mutation testing
// defines it, equivalent mutants (no observable effect) leave the denominator, and so does what the triage shows to
// be outside the scope (automation-API input checking and plumbing); a runner artifact is killed in a fresh process.
// Each of these was classed by hand, with its reason, in the reviewed triage list. Real gaps (missing-check,
// missing-test-data, accepted-gap) stay in the denominator.
const scoped = valid - triaged('equivalent') - triaged('out-of-scope');
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;
process.stdout.write(
  `${protocol}: ${valid} mutants, ${JSON.stringify(Object.fromEntries(counts))}, Stryker's score ${percent(killed, valid)}, ` +
    `score over the scope ${percent(killed + triaged('runner-artifact'), scoped)} (of ${scoped}: ${triaged('equivalent')} equivalent and ${triaged('out-of-scope')} out-of-scope survivors left out)\n` +
    `triaged: ${JSON.stringify(Object.fromEntries(byClass))}; untriaged: ${untriaged.length}\n${untriaged.join('\n')}\n`,
);
process.exitCode = untriaged.length ? 1 : 0;
