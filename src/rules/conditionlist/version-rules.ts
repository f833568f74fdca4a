import { resourcesOf, type Resource } from '../../fhir/bundle.ts';
import { instantOf } from '../../fhir/datetime.ts';

/** Rules across the documents of one flow: identities never reused, times moving on after a change. */

/** Every document has its own Bundle.id and Bundle.identifier ("newly generated", send protocol 3.4.3.2). */
export function identitiesNeverReused(documents: { name: string; bundle: Resource }[]): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const identifiers = new Map<string, string>();
  for (const { name, bundle } of documents) {
    const id = typeof bundle.id === 'string' ? bundle.id : undefined;
    const identifier = (bundle.identifier as { value?: unknown } | undefined)?.value;
    if (id && ids.has(id))
      problems.push(`the document of ${name} reuses Bundle.id ${id} of ${ids.get(id) ?? ''}`);
    if (typeof identifier === 'string' && identifiers.has(identifier))
      problems.push(
        `the document of ${name} reuses Bundle.identifier ${identifier} of ${identifiers.get(identifier) ?? ''}`,
      );
    if (id) ids.set(id, name);
    if (typeof identifier === 'string') identifiers.set(identifier, name);
  }
  return problems;
}

function compositionDate(bundle: Resource): unknown {
  return resourcesOf(bundle, 'Composition')[0]?.date;
}

/**
 * Composition.date and Bundle.timestamp of a new document against the previous one: the timestamp is later, and
 * Composition.date is later (`later`) or at least another time (`changed`: after an update it may name an earlier
 * clinical time, as send protocol 3.3.5.3 says "updated correctly" where 3.3.4.3 says "updated").
 */
export function timesUpdated(previous: Resource, next: Resource, date: 'later' | 'changed'): string[] {
  const problems: string[] = [];
  const [t0, t1] = [instantOf(previous.timestamp), instantOf(next.timestamp)];
  if (!t0 || !t1 || !(t1 > t0))
    problems.push(
      `Bundle.timestamp ${String(next.timestamp)} is not later than the previous document's ${String(previous.timestamp)}`,
    );
  const [before, after] = [compositionDate(previous), compositionDate(next)];
  const [d0, d1] = [instantOf(before), instantOf(after)];
  if (!d0 || !d1)
    problems.push(
      `Composition.date missing (previous ${JSON.stringify(before)}, new ${JSON.stringify(after)})`,
    );
  else if (date === 'later' ? !(d1 > d0) : d1.getTime() === d0.getTime())
    problems.push(
      `Composition.date ${String(after)} is ${date === 'later' ? 'not later than' : 'unchanged from'} the previous document's ${String(before)}`,
    );
  return problems;
}
