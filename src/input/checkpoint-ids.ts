import { readFileSync } from 'node:fs';
import type { InputIssue } from '../errors/index.ts';
import { checkpointPattern } from '../waivers/match.ts';

/**
 * Checkpoint ids (or `*` patterns) in a waiver register or test plan that name no checkpoint certbench knows: a typo
 * there would silently waive or defer nothing, so each is an input error with the line it is written on.
 */
export function unknownCheckpointIssues(
  file: string,
  field: string,
  patterns: string[],
  known: readonly string[],
): InputIssue[] {
  const unknown = [...new Set(patterns)].filter((p) => !known.some((id) => checkpointPattern(p).test(id)));
  if (unknown.length === 0) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  return unknown.map((pattern) => {
    const at = lines.findIndex((line) =>
      new RegExp(`(^|[\\s\\[,'"-])${escape(pattern)}($|[\\s\\],'"])`).test(line),
    );
    return {
      file,
      ...(at >= 0 ? { line: at + 1 } : {}),
      field,
      message: `unknown checkpoint id "${pattern}": no protocol has a checkpoint ${pattern.includes('*') ? 'matching it' : 'with this id'}`,
    };
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
