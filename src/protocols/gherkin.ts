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
      issues.push(...syntaxIssues(uri, error));
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

/**
 * The parser's errors one by one, each with its line and what was expected in words: the parser throws one
 * composite error whose own message is only "Parser errors:".
 */
export function syntaxIssues(file: string, error: unknown): InputIssue[] {
  const parts = (error as { errors?: unknown[] }).errors ?? [error];
  return parts.map((part) => {
    const message = (part as Error).message ?? String(part);
    const match = /^\((\d+):(\d+)\): (.*)$/s.exec(message);
    if (!match) return { file, message: message.split('\n')[0] ?? 'parse error' };
    const text = (match[3] ?? '').replace(/#(\w+)/g, (_m, token: string) => TOKEN_WORDS[token] ?? token);
    return { file, line: Number(match[1]), message: `column ${match[2] ?? '?'}: ${text}` };
  });
}

const TOKEN_WORDS: Record<string, string> = {
  EOF: 'end of file',
  TableRow: 'a table row (| ... |)',
  DocStringSeparator: 'a doc string (""")',
  StepLine: 'a step (Given/When/Then/And/But)',
  TagLine: 'a tag line (@...)',
  ExamplesLine: '"Examples:"',
  ScenarioLine: '"Scenario:"',
  RuleLine: '"Rule:"',
  FeatureLine: '"Feature:"',
  BackgroundLine: '"Background:"',
  Comment: 'a comment (#)',
  Empty: 'an empty line',
  Other: 'free text',
  Language: 'a language line (# language:)',
};
