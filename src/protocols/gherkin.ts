import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator, type Pickle } from '@cucumber/messages';
import { InvalidInputError, type InputIssue } from '../errors/index.ts';

/** A scenario as lint sees it: its tags (feature tags included) and where it is. */
export interface ParsedScenario {
  uri: string;
  line: number;
  name: string;
  tags: string[];
}

/** Parses every `.feature` file under `dir` into pickles; a syntax error is an input error naming file and line. */
export async function parseFeatureFolder(root: string, dir: string): Promise<ParsedScenario[]> {
  const files = (await readdir(join(root, dir), { recursive: true, encoding: 'utf8' }))
    .filter((f) => f.endsWith('.feature'))
    .sort();
  const issues: InputIssue[] = [];
  const scenarios: ParsedScenario[] = [];
  for (const file of files) {
    const uri = relative(root, join(root, dir, file));
    const text = await readFile(join(root, dir, file), 'utf8');
    try {
      scenarios.push(...parseFeature(text, uri));
    } catch (error) {
      issues.push({
        file: uri,
        line: lineOf(error),
        message: (error as Error).message.split('\n')[0] ?? 'parse error',
      });
    }
  }
  if (issues.length > 0) throw new InvalidInputError(issues, 'invalid feature file');
  return scenarios;
}

export function parseFeature(text: string, uri: string): ParsedScenario[] {
  const newId = IdGenerator.uuid();
  const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
  const document = parser.parse(text);
  const lines = new Map<string, number>();
  for (const child of document.feature?.children ?? []) {
    if (child.scenario) lines.set(child.scenario.id, child.scenario.location.line);
  }
  const pickles: readonly Pickle[] = compile(document, uri, newId);
  return pickles.map((p) => ({
    uri,
    line: lines.get(p.astNodeIds[0] ?? '') ?? 0,
    name: p.name,
    tags: p.tags.map((t) => t.name),
  }));
}

function lineOf(error: unknown): number | undefined {
  const match = /\((\d+):\d+\)/.exec((error as Error).message);
  return match ? Number(match[1]) : undefined;
}
