// Rules for the DSJ as the GP system shows it after the questionnaire and the first consultation (observation
// dsj.record): answers pre-fill their fields and are marked so, and what the GP entered or corrected is the GP's.
// addendum §C.4 item 1.
import type { FieldValue } from './questionnaire.ts';

export interface DsjField {
  field: string;
  /** The label the DSJ screen shows (forms print the same label). */
  label: unknown;
  value: unknown;
  source: unknown;
}

export interface ExpectedField {
  field: string;
  value: FieldValue;
}

/** The fields of an observed DSJ record by field id, or why the observation is unreadable. */
export function readDsjFields(observed: unknown): { fields: Map<string, DsjField>; problems: string[] } {
  const fields = new Map<string, DsjField>();
  const list = (observed as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(list)) return { fields, problems: ['observation dsj.record has no fields array'] };
  const problems: string[] = [];
  for (const entry of list as unknown[]) {
    const f = entry as Partial<DsjField> | null;
    if (typeof f?.field !== 'string') {
      problems.push(`a DSJ field without a field id: ${JSON.stringify(entry)}`);
      continue;
    }
    if (fields.has(f.field)) problems.push(`field ${f.field} is shown twice`);
    fields.set(f.field, { field: f.field, label: f.label, value: f.value, source: f.source });
  }
  return { fields, problems };
}

export function sameValue(actual: unknown, expected: FieldValue): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) < 1e-9;
  if (typeof expected === 'string') return typeof actual === 'string' && actual.trim() === expected;
  return actual === expected;
}

/** Each expected field holds its value and comes from the given source (questionnaire or gp). */
export function fieldProblems(
  fields: Map<string, DsjField>,
  expected: ExpectedField[],
  source: 'questionnaire' | 'gp',
  check: 'value' | 'source',
): string[] {
  return expected.flatMap((e) => {
    const shown = fields.get(e.field);
    if (!shown) return [`field ${e.field} is not in the DSJ`];
    if (check === 'value' && !sameValue(shown.value, e.value))
      return [`field ${e.field} is ${JSON.stringify(shown.value)}, expected ${JSON.stringify(e.value)}`];
    if (check === 'source' && shown.source !== source)
      return [`field ${e.field} is marked source ${JSON.stringify(shown.source)}, expected "${source}"`];
    return [];
  });
}
