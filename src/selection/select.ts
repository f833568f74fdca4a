// Cucumber's habits for choosing what runs: a tag expression, checkpoint ids, a name pattern, feature files with
// an optional line. They narrow the protocols the run would otherwise run; they never widen them.
import { resolve, relative } from 'node:path';
import parseTagExpression from '@cucumber/tag-expressions';
import { InvalidInputError } from '../errors/index.ts';
import type { ParsedScenario } from '../protocols/gherkin.ts';
import type { LoadedManifest } from '../protocols/schema.ts';

export interface ScenarioSelection {
  /** A cucumber tag expression over @cp:, @usecase: and @protocol: tags, e.g. `@usecase:S1-1 and not @cp:DK-3.3.1.1`. */
  tags?: string;
  /** Checkpoint ids, e.g. DK-3.3.1.2. */
  checkpoints?: string[];
  /** A regular expression the scenario name must match, as cucumber's --name. */
  name?: string;
  /** Feature files, each with an optional `:line` of a scenario, e.g. features/diagnosekort/01-s1-1-one-diagnosis.feature:12. */
  locations?: string[];
}

export interface SelectedCheckpoints {
  ids: Set<string>;
  /** The selection in words, for the verdict of what it leaves out, e.g. `--tags "@usecase:S1-1"`. */
  description: string;
}

function checkpointOf(scenario: ParsedScenario): string | undefined {
  return scenario.tags.find((t) => t.startsWith('@cp:'))?.slice('@cp:'.length);
}

/** The checkpoints the selection keeps, or undefined when nothing was selected (everything runs). */
export function selectCheckpoints(
  manifests: LoadedManifest[],
  scenarios: ReadonlyMap<string, ParsedScenario[]>,
  selection: ScenarioSelection | undefined,
  root: string,
  cwd: string,
): SelectedCheckpoints | undefined {
  if (!selection) return undefined;
  const words: string[] = [];
  let candidates = manifests.flatMap((m) => scenarios.get(m.id) ?? []);
  if (selection.tags !== undefined) {
    let expression: ReturnType<typeof parseTagExpression>;
    try {
      expression = parseTagExpression(selection.tags);
    } catch (error) {
      throw new InvalidInputError([{ file: '--tags', message: (error as Error).message }]);
    }
    candidates = candidates.filter((s) => expression.evaluate(s.tags));
    words.push(`--tags "${selection.tags}"`);
  }
  if (selection.checkpoints?.length) {
    const known = new Set(candidates.map(checkpointOf));
    const unknown = selection.checkpoints.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new InvalidInputError([
        {
          file: '--checkpoint',
          message: `no such checkpoint in the protocols of this run: ${unknown.join(', ')}`,
        },
      ]);
    candidates = candidates.filter((s) => selection.checkpoints?.includes(checkpointOf(s) ?? ''));
    words.push(`--checkpoint ${selection.checkpoints.join(' ')}`);
  }
  if (selection.name !== undefined) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(selection.name);
    } catch (error) {
      throw new InvalidInputError([{ file: '--name', message: (error as Error).message }]);
    }
    candidates = candidates.filter((s) => pattern.test(s.name));
    words.push(`--name "${selection.name}"`);
  }
  if (selection.locations?.length) {
    const chosen = new Set(selection.locations.flatMap((l) => scenariosAt(l, candidates, root, cwd)));
    candidates = candidates.filter((s) => chosen.has(s));
    words.push(selection.locations.join(' '));
  }
  const ids = new Set(candidates.flatMap((s) => checkpointOf(s) ?? []));
  if (ids.size === 0)
    throw new InvalidInputError([
      {
        file: 'command line',
        message: `${words.join(' ')} selects no checkpoint of the protocols of this run`,
      },
    ]);
  return { ids, description: words.join(' ') };
}

/** `features/x.feature` (every scenario) or `features/x.feature:12` (the scenario on or around line 12). */
function scenariosAt(
  location: string,
  scenarios: ParsedScenario[],
  root: string,
  cwd: string,
): ParsedScenario[] {
  const match = /^(.*?\.feature)(?::(\d+))?$/.exec(location);
  if (!match?.[1])
    throw new InvalidInputError([
      { file: location, message: 'expected a feature file, optionally with :line' },
    ]);
  // Relative to where certbench is called, or to the installation (features/… of an installed certbench).
  const uris = [relative(root, resolve(cwd, match[1])), relative(root, resolve(root, match[1]))];
  const inFile = scenarios.filter((s) => uris.includes(s.uri)).sort((a, b) => a.line - b.line);
  const uri = uris[0];
  if (inFile.length === 0)
    throw new InvalidInputError([
      { file: location, message: `no scenario of the protocols of this run is in ${uri}` },
    ]);
  if (match[2] === undefined) return inFile;
  const line = Number(match[2]);
  // The scenario whose block holds the line: the last one that starts on or before it.
  const found = inFile.filter((s) => s.line <= line).at(-1);
  if (!found)
    throw new InvalidInputError([
      {
        file: location,
        line,
        message: `no scenario on or before line ${line}; scenarios start on lines ${inFile.map((s) => s.line).join(', ')}`,
      },
    ]);
  return [found];
}
