import type { ConformanceContext } from '../conformance/context.ts';
import type { Concept, ExpansionContains, ValueSetInclude } from '../conformance/definitions.ts';

/** The codes of a value set, by system, as far as they can be known offline. */
export interface Expansion {
  codes: Map<string, Set<string>>;
  /** False when part of the value set could not be expanded here (external code system, filter): see `gaps`. */
  complete: boolean;
  gaps: string[];
}

// Hierarchy filters on a code system the packages hold completely can be computed here; other filters (and code
// systems such as SNOMED CT that are not shipped) need a terminology server, so such a value set stays incomplete.
const FILTERS_SUPPORTED = new Set(['is-a', 'descendent-of']);

/**
 * Expands a value set from the packages: `compose.include` with concept lists, whole code systems that the packages
 * hold completely, `is-a`/`descendent-of` filters on such code systems, included value sets, a stored expansion,
 * and concept-list `exclude`s. Anything else leaves the expansion incomplete, with the reason in `gaps`.
 */
export function expandValueSet(
  context: ConformanceContext,
  url: string,
  seen: Set<string> = new Set(),
): Expansion {
  const expansion: Expansion = { codes: new Map(), complete: true, gaps: [] };
  const vs = context.valueSet(url)?.resource;
  if (!vs) return { ...expansion, complete: false, gaps: [`value set ${url} is not in the packages`] };
  if (seen.has(vs.url)) return expansion;
  seen.add(vs.url);
  if (vs.expansion?.contains) {
    addContains(expansion, vs.expansion.contains);
    return expansion;
  }
  for (const include of vs.compose?.include ?? []) addInclude(context, expansion, include, seen);
  for (const exclude of vs.compose?.exclude ?? []) {
    if (exclude.system && exclude.concept && !exclude.filter && !exclude.valueSet) {
      for (const { code } of exclude.concept) expansion.codes.get(exclude.system)?.delete(code);
    } else {
      expansion.complete = false;
      expansion.gaps.push(`an exclude of ${vs.url} that is not a concept list`);
    }
  }
  return expansion;
}

function addInclude(
  context: ConformanceContext,
  into: Expansion,
  include: ValueSetInclude,
  seen: Set<string>,
): void {
  let codes: Map<string, Set<string>> | undefined;
  for (const nested of include.valueSet ?? []) {
    const other = expandValueSet(context, nested, seen);
    if (!other.complete) {
      into.complete = false;
      into.gaps.push(...other.gaps);
    }
    codes = codes ? intersect(codes, other.codes) : other.codes;
  }
  if (include.system) {
    const fromSystem = systemCodes(context, include, into);
    codes = codes
      ? intersect(codes, new Map([[include.system, fromSystem]]))
      : new Map([[include.system, fromSystem]]);
  }
  for (const [system, set] of codes ?? []) {
    const target = into.codes.get(system) ?? new Set<string>();
    for (const code of set) target.add(code);
    into.codes.set(system, target);
  }
}

function systemCodes(context: ConformanceContext, include: ValueSetInclude, into: Expansion): Set<string> {
  const system = include.system ?? '';
  if (include.concept && !include.filter) return new Set(include.concept.map((c) => c.code));
  const cs = context.codeSystem(system)?.resource;
  if (!cs || cs.content !== 'complete' || !cs.concept) {
    into.complete = false;
    into.gaps.push(`code system ${system} is not available offline`);
    return new Set(include.concept?.map((c) => c.code) ?? []);
  }
  let concepts = flatten(cs.concept);
  for (const filter of include.filter ?? []) {
    if (filter.property !== 'concept' || !FILTERS_SUPPORTED.has(filter.op)) {
      into.complete = false;
      into.gaps.push(`filter ${filter.property} ${filter.op} ${filter.value} on ${system}`);
      return new Set();
    }
    const root = findConcept(cs.concept, filter.value);
    const below = root ? flatten(root.concept ?? []) : [];
    concepts = concepts.filter((c) => below.includes(c) || (filter.op === 'is-a' && c === root));
  }
  return new Set(concepts.map((c) => c.code));
}

function flatten(concepts: readonly Concept[]): Concept[] {
  return concepts.flatMap((c) => [c, ...flatten(c.concept ?? [])]);
}

function findConcept(concepts: readonly Concept[], code: string): Concept | undefined {
  return flatten(concepts).find((c) => c.code === code);
}

function addContains(into: Expansion, contains: readonly ExpansionContains[]): void {
  for (const item of contains) {
    if (item.system && item.code) {
      const set = into.codes.get(item.system) ?? new Set<string>();
      set.add(item.code);
      into.codes.set(item.system, set);
    }
    if (item.contains) addContains(into, item.contains);
  }
}

function intersect(a: Map<string, Set<string>>, b: Map<string, Set<string>>): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const [system, codes] of a) {
    const other = b.get(system);
    if (other) result.set(system, new Set([...codes].filter((c) => other.has(c))));
  }
  return result;
}
