import { resourcesOf, type Resource } from '../../fhir/bundle.ts';
import { instantOf } from '../../fhir/datetime.ts';
import { conditionIdentifier } from './condition-rules.ts';
import { codingsOf, conditionFor, label, type RegisteredDiagnosis } from './registration.ts';

/** Rules comparing two versions of a Diagnosekort (S1-update, S1-remove). */

export function newDocumentIdentity(previous: Resource, next: Resource): string[] {
  const problems: string[] = [];
  const prevId = (previous.identifier as { value?: unknown } | undefined)?.value;
  const nextId = (next.identifier as { value?: unknown } | undefined)?.value;
  if (nextId === undefined || nextId === prevId)
    problems.push(`Bundle.identifier ${JSON.stringify(nextId)} is reused from the previous version`);
  if (next.id === undefined || next.id === previous.id)
    problems.push(`Bundle.id ${JSON.stringify(next.id)} is reused from the previous version`);
  return problems;
}

export function compositionDateLater(previous: Resource, next: Resource): string[] {
  const before = resourcesOf(previous, 'Composition')[0]?.date;
  const after = resourcesOf(next, 'Composition')[0]?.date;
  const a = instantOf(before);
  const b = instantOf(after);
  if (!a || !b)
    return [`Composition.date missing (previous ${JSON.stringify(before)}, new ${JSON.stringify(after)})`];
  return b > a
    ? []
    : [`Composition.date ${String(after)} is not later than the previous version's ${String(before)}`];
}

/** The same diagnosis keeps its Condition identifier in every version. */
export function conditionIdentifiersStable(
  previous: Resource,
  next: Resource,
  registrations: RegisteredDiagnosis[],
): string[] {
  const problems: string[] = [];
  for (const r of registrations) {
    const before = conditionFor(previous, r);
    const after = conditionFor(next, r);
    if (!before || !after) {
      problems.push(`${label(r)} is missing from ${before ? 'the new' : 'the previous'} version`);
      continue;
    }
    const a = conditionIdentifier(before);
    const b = conditionIdentifier(after);
    if (!a || a !== b) problems.push(`${label(r)}: identifier changed from ${String(a)} to ${String(b)}`);
  }
  return problems;
}

/** Diagnoses that did not change are shared with the same codes, text and recordedDate. */
export function unchangedConditionsUnchanged(
  previous: Resource,
  next: Resource,
  unchanged: RegisteredDiagnosis[],
): string[] {
  const problems: string[] = [];
  for (const r of unchanged) {
    const before = conditionFor(previous, r);
    const after = conditionFor(next, r);
    if (!before || !after) {
      problems.push(`${label(r)} is missing from ${before ? 'the new' : 'the previous'} version`);
      continue;
    }
    const sig = (c: Resource) =>
      JSON.stringify([
        codingsOf(c)
          .map((x) => `${x.system}|${x.code}`)
          .sort(),
        (c.code as { text?: unknown }).text,
        c.recordedDate,
      ]);
    if (sig(before) !== sig(after)) problems.push(`${label(r)} changed: ${sig(before)} → ${sig(after)}`);
  }
  return problems;
}

export function notShared(bundle: Resource, registration: RegisteredDiagnosis, why: string): string[] {
  return conditionFor(bundle, registration) ? [`${label(registration)} was ${why} but is still shared`] : [];
}

export function exactlyShared(bundle: Resource, expected: RegisteredDiagnosis[]): string[] {
  const problems = expected
    .filter((r) => !conditionFor(bundle, r))
    .map((r) => `${label(r)} is no longer shared`);
  const count = resourcesOf(bundle, 'Condition').length;
  if (count !== expected.length)
    problems.push(`the document has ${count} Conditions, expected ${expected.length}`);
  return problems;
}
