import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseYaml } from '../../input/yaml-file.ts';
import { InvalidInputError } from '../../errors/index.ts';
import { PACKAGE_ROOT } from '../../run/package-root.ts';
import { knownIssueListSchema, type KnownIssue } from './schema.ts';

/** The reviewed list certbench ships: documented false errors and inconsistencies of MedCom's own sources. */
export const KNOWN_ISSUES_FILE = join(PACKAGE_ROOT, 'src', 'validation', 'known-issues.yaml');

/** A loaded list, with where it came from and its SHA-256 (recorded with the result). */
export interface KnownIssueList {
  file: string;
  sha256: string;
  entries: KnownIssue[];
}

/** Reads and checks a known-issue list; a malformed list stops with file, line and field. */
export async function loadKnownIssues(file: string = KNOWN_ISSUES_FILE): Promise<KnownIssueList> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError([
      { file, message: `cannot read the known-issue list: ${(error as Error).message}` },
    ]);
  }
  const { knownIssues } = parseYaml(text, file, knownIssueListSchema, 'known-issue list');
  const ids = new Set<string>();
  const duplicates = knownIssues.map((k, i) => ({ k, i })).filter(({ k }) => ids.size === ids.add(k.id).size);
  if (duplicates.length > 0)
    throw new InvalidInputError(
      duplicates.map(({ k, i }) => ({
        file,
        field: `knownIssues[${i}].id`,
        message: `duplicate id ${k.id}`,
      })),
      'invalid known-issue list',
    );
  return { file, sha256: createHash('sha256').update(text).digest('hex'), entries: knownIssues };
}
