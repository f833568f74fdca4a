import type { Constraint, ElementDefinition } from './definitions.ts';
import { fixedOrPattern } from './element-tree.ts';

const unbounded = (max: string | undefined): number =>
  max === undefined || max === '*' ? Infinity : Number(max);

/**
 * Re-applies what a base profile requires to a derived profile's snapshot, element by element (same id). The
 * shipped snapshots are tool-generated, and where a derived profile mentions an inherited slice again the generator
 * lost the base's constraints: MedComConditionListCondition's `code.coding:SKS-D` came out 0..* with no system,
 * where DkCoreCondition says 0..1 with system `urn:oid:1.2.208.176.2.4.12`. A derived profile can only narrow its
 * base, so narrowing again is always right: min up, max down, fixed/pattern, required binding and invariants kept.
 */
export function inheritFromBase(
  elements: readonly ElementDefinition[],
  baseElements: readonly ElementDefinition[],
): ElementDefinition[] {
  const base = new Map(baseElements.map((e) => [e.id, e]));
  return elements.map((element) => {
    const from = base.get(element.id);
    return from ? narrowed(element, from) : element;
  });
}

function narrowed(element: ElementDefinition, from: ElementDefinition): ElementDefinition {
  let result: ElementDefinition | undefined;
  const set = (key: string, value: unknown): void => {
    result ??= { ...element };
    result[key] = value;
  };
  if ((from.min ?? 0) > (element.min ?? 0)) set('min', from.min);
  if (unbounded(from.max) < unbounded(element.max)) set('max', from.max);
  const inherited = fixedOrPattern(from);
  if (inherited && !fixedOrPattern(element)) {
    const key = Object.keys(from).find((k) => k.startsWith(inherited.kind));
    if (key) set(key, inherited.value);
  }
  if (from.binding?.strength === 'required' && element.binding?.strength !== 'required')
    set('binding', from.binding);
  const keys = new Set((element.constraint ?? []).map((c) => c.key));
  const missing: Constraint[] = (from.constraint ?? []).filter((c) => !keys.has(c.key));
  if (missing.length > 0) set('constraint', [...(element.constraint ?? []), ...missing]);
  if (from.type && element.type) {
    const types = element.type.map((t) => {
      const baseType = from.type?.find((b) => b.code === t.code);
      const profile = t.profile ?? baseType?.profile;
      const targetProfile = t.targetProfile ?? baseType?.targetProfile;
      if (profile === t.profile && targetProfile === t.targetProfile) return t;
      return { ...t, ...(profile ? { profile } : {}), ...(targetProfile ? { targetProfile } : {}) };
    });
    if (types.some((t, i) => t !== element.type?.[i])) set('type', types);
  }
  return result ?? element;
}
