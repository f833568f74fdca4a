import { evaluate, scopeToBundle } from '../fhir/fhirpath.ts';

/**
 * Value rules written as FHIRPath for feature files: `Composition.status` on a Bundle means every Composition
 * entry's status. Each returns problems naming the element, the expected and the actual value; none means pass.
 */
export function expectSingleValue(resource: unknown, path: string, expected: string): string[] {
  const values = valuesAt(resource, path);
  if (values.length === 0) return [`${path} is missing (expected "${expected}")`];
  if (values.length > 1)
    return [`${path} has ${values.length} values ${show(values)} (expected exactly one, "${expected}")`];
  return String(values[0]) === expected ? [] : [`${path} is "${String(values[0])}", expected "${expected}"`];
}

/** At least one coding at `path` (a CodeableConcept or Coding) has this system and code. */
export function expectCoding(resource: unknown, path: string, system: string, code: string): string[] {
  const found = valuesAt(resource, path).flatMap((v) => codingsOf(v));
  if (found.some((c) => c.system === system && c.code === code)) return [];
  const actual = found.length
    ? found.map((c) => `${c.system ?? '(no system)'}|${c.code ?? '(no code)'}`).join(', ')
    : 'nothing';
  return [`${path} has no coding ${system}|${code} (found ${actual})`];
}

function valuesAt(resource: unknown, path: string): unknown[] {
  const rootType = (resource as { resourceType?: string } | undefined)?.resourceType ?? '';
  return evaluate(resource, scopeToBundle(path, rootType));
}

function codingsOf(value: unknown): { system?: string; code?: string }[] {
  if (typeof value !== 'object' || value === null) return [];
  const coding = (value as { coding?: unknown }).coding;
  if (Array.isArray(coding)) return coding as { system?: string; code?: string }[];
  return 'code' in value || 'system' in value ? [value as { system?: string; code?: string }] : [];
}

function show(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}
