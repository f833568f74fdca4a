import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Yaml from 'yaml';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { InvalidInputError, type InputIssue } from '../errors/index.ts';
import { PACKAGE_ROOT } from '../run/package-root.ts';

/**
 * The YAML files certbench ships (protocol manifests, MedCom's protocols as data, profiles), parsed when dist/ is
 * built (scripts/build.js) and kept as JSON named by the SHA-256 of the text: a run reads them in a fraction of the
 * time YAML parsing takes. Any other text (an edited file, the user's own) is parsed as YAML.
 */
export const PARSED_YAML_DIR = join(PACKAGE_ROOT, 'dist', 'yaml-cache');

function parsedAtBuild(text: string): unknown {
  try {
    const name = createHash('sha256').update(text).digest('hex');
    return JSON.parse(readFileSync(join(PARSED_YAML_DIR, `${name}.json`), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

// The yaml library is loaded only for text that was not parsed at build time (a run of certbench's own files needs
// none of it).
let yamlLibrary: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/**
 * A YAML data file certbench ships and reads as it is (test data, code lists, MedCom's protocols), parsed at build
 * time when it was unchanged since; its own schema checks it.
 */
export function readShippedYaml(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return parsedAtBuild(text) ?? yaml().parse(text);
}

/**
 * Reads a YAML file and validates it with a schema, collecting every problem with file, line and field.
 * This is the one way user-written YAML (profile, waivers, manifests) enters certbench.
 */
export async function readYamlFile<S extends z.ZodType>(
  file: string,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      [{ file, message: `cannot read ${what}: ${(error as Error).message}` }],
      `cannot read ${what}`,
    );
  }
  return parseYaml(text, file, schema, what);
}

export function parseYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  what: string,
): z.output<S> {
  // A text parsed at build time was valid YAML then; a schema problem is found again below, with its line.
  const prebuilt = parsedAtBuild(text);
  if (prebuilt !== undefined) {
    const result = schema.safeParse(prebuilt);
    if (result.success) return result.data;
  }
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InvalidInputError(
      doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        message: `not valid YAML: ${e.message.split('\n')[0] ?? e.code}`,
      })),
      `invalid ${what}`,
    );
  }
  let data: unknown;
  try {
    // The yaml library refuses documents whose aliases expand excessively (a "billion laughs" alias bomb).
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InvalidInputError(
      [{ file, message: `not accepted: ${(error as Error).message}` }],
      `invalid ${what}`,
    );
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new InvalidInputError(
      result.error.issues.map((issue) => toInputIssue(issue, file, doc, lineCounter)),
      `invalid ${what}`,
    );
  }
  return result.data;
}

function toInputIssue(
  issue: z.core.$ZodIssue,
  file: string,
  doc: Document,
  lineCounter: LineCounter,
): InputIssue {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let line: number | undefined;
  // Walk up the path until a node exists: a missing field is reported at its parent's line.
  for (let depth = path.length; depth >= 0 && line === undefined; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (yaml().isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
  }
  const field = path.length > 0 ? formatPath(path) : undefined;
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    for (const key of issue.keys) {
      const keyNode: unknown = doc.getIn([...path, key], true);
      if (yaml().isNode(keyNode) && keyNode.range) line = lineCounter.linePos(keyNode.range[0]).line;
    }
  }
  return { file, line, field, message };
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p),
    '',
  );
}
