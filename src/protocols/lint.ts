import type { InputIssue } from '../errors/index.ts';
import type { ParsedScenario } from './gherkin.ts';
import type { LoadedManifest } from './schema.ts';

const KNOWN_TAG = /^@(cp|usecase|protocol):(.+)$/;

/**
 * Coverage check in both directions, as a pure function: every scenario carries exactly one known checkpoint tag
 * and the right use case and protocol tags, every checkpoint has exactly one scenario, ids are unique, no tag is
 * unknown.
 */
export function lintProtocol(manifest: LoadedManifest, scenarios: ParsedScenario[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const byId = new Map<string, LoadedManifest['checkpoints'][number]>();
  const useCases = new Set(manifest.useCases.map((u) => u.id));

  const seenUseCases = new Set<string>();
  for (const useCase of manifest.useCases) {
    if (seenUseCases.has(useCase.id)) {
      issues.push({ file: manifest.file, field: 'useCases', message: `duplicate use case "${useCase.id}"` });
    }
    seenUseCases.add(useCase.id);
  }
  manifest.checkpoints.forEach((cp, index) => {
    const field = `checkpoints[${index}]`;
    if (byId.has(cp.id))
      issues.push({
        file: manifest.file,
        field: `${field}.id`,
        message: `duplicate checkpoint id "${cp.id}"`,
      });
    byId.set(cp.id, cp);
    if (!useCases.has(cp.useCase)) {
      issues.push({
        file: manifest.file,
        field: `${field}.useCase`,
        message: `unknown use case "${cp.useCase}"`,
      });
    }
  });

  const scenariosByCheckpoint = new Map<string, ParsedScenario[]>();
  for (const scenario of scenarios) {
    const at = { file: scenario.uri, line: scenario.line };
    const parsed = scenario.tags.map((t) => ({ tag: t, match: KNOWN_TAG.exec(t) }));
    for (const { tag } of parsed.filter((p) => !p.match)) {
      issues.push({
        ...at,
        message: `unknown tag ${tag} on "${scenario.name}" (allowed: @cp:<id>, @usecase:<id>, @protocol:<id>)`,
      });
    }
    const valuesOf = (kind: string) =>
      parsed.filter((p) => p.match?.[1] === kind).map((p) => p.match?.[2] ?? '');
    const cps = valuesOf('cp');
    if (cps.length !== 1) {
      issues.push({
        ...at,
        message: `scenario "${scenario.name}" must have exactly one @cp: tag, has ${cps.length}`,
      });
      continue;
    }
    const id = cps[0] ?? '';
    const checkpoint = byId.get(id);
    if (!checkpoint) {
      issues.push({ ...at, message: `@cp:${id} is not a checkpoint of ${manifest.file}` });
      continue;
    }
    scenariosByCheckpoint.set(id, [...(scenariosByCheckpoint.get(id) ?? []), scenario]);
    const protocolTags = valuesOf('protocol');
    if (protocolTags.length !== 1 || protocolTags[0] !== manifest.id) {
      issues.push({ ...at, message: `scenario for ${id} must be tagged @protocol:${manifest.id}` });
    }
    const useCaseTags = valuesOf('usecase');
    if (useCaseTags.length !== 1 || useCaseTags[0] !== checkpoint.useCase) {
      issues.push({
        ...at,
        message: `scenario for ${id} must be tagged @usecase:${checkpoint.useCase} (the manifest's use case)`,
      });
    }
  }

  for (const cp of manifest.checkpoints) {
    const found = scenariosByCheckpoint.get(cp.id) ?? [];
    if (found.length === 0) {
      issues.push({
        file: manifest.file,
        field: 'checkpoints',
        message: `checkpoint ${cp.id} has no scenario under ${manifest.features}`,
      });
    } else if (found.length > 1) {
      issues.push({
        file: found[1]?.uri ?? manifest.file,
        line: found[1]?.line,
        message: `checkpoint ${cp.id} has ${found.length} scenarios (one checkpoint per scenario)`,
      });
    }
  }
  return issues;
}

/** A checkpoint id may belong to one protocol only. */
export function lintAcrossProtocols(manifests: LoadedManifest[]): InputIssue[] {
  const owner = new Map<string, string>();
  const issues: InputIssue[] = [];
  for (const m of manifests) {
    for (const cp of m.checkpoints) {
      const other = owner.get(cp.id);
      if (other && other !== m.file)
        issues.push({ file: m.file, message: `checkpoint id ${cp.id} is also used in ${other}` });
      owner.set(cp.id, m.file);
    }
  }
  return issues;
}
