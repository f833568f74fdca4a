import type { Discriminator } from '../conformance/definitions.ts';
import { fixedOrPattern, type ElementNode } from '../conformance/element-tree.ts';
import { definingNodes, pathSteps, valuesAtPath } from './discriminator-path.ts';
import { allowedTypes, type Occurrence } from './occurrences.ts';
import { typeOfProfile } from './references.ts';
import { resourceConforms } from './resources.ts';
import type { ResourceScope, Session } from './session.ts';
import { isObject, jsonEquals, matchesPattern } from './values.ts';
import { profileName, ruleOf } from './walk.ts';

// Extensions are sliced by url even where a snapshot leaves the slicing out.
const BY_URL: Discriminator[] = [{ type: 'value', path: 'url' }];

/**
 * Assigns each value of a sliced element to the first slice it matches, by the slicing's discriminators; then
 * checks each slice's cardinality and, for closed slicing, that no value is left over.
 */
export function assignSlices(
  occurrences: readonly Occurrence[],
  base: ElementNode,
  location: string,
  scope: ResourceScope,
  session: Session,
): (ElementNode | undefined)[] {
  const discriminators = base.def.slicing?.discriminator ?? BY_URL;
  const assigned = occurrences.map((occurrence) =>
    base.slices.find((slice) => discriminators.every((d) => matches(occurrence, slice, d, scope, session))),
  );
  for (const slice of base.slices) {
    const count = assigned.filter((s) => s === slice).length;
    const min = slice.def.min ?? 0;
    const max = slice.def.max === undefined || slice.def.max === '*' ? Infinity : Number(slice.def.max);
    const name = `${base.def.path}:${slice.def.sliceName ?? '?'}`;
    if (count < min || count > max)
      session.report({
        severity: 'error',
        code: 'slicing',
        location: `${location}.${base.name}`,
        ...ruleOf(slice),
        message:
          count < min
            ? `${name} is missing: ${profileName(slice)} requires ${min === 1 ? 'one' : `at least ${min}`} (found ${count})`
            : `${name} occurs ${count} times: ${profileName(slice)} allows at most ${max}`,
      });
  }
  if (base.def.slicing?.rules === 'closed') {
    const names = base.slices.map((s) => s.def.sliceName).join(', ');
    occurrences.forEach((occurrence, i) => {
      if (assigned[i]) return;
      session.report({
        severity: 'error',
        code: 'slicing',
        location: occurrence.location,
        ...ruleOf(base),
        message: `${base.def.path} matches none of its slices (${names}), and ${profileName(base)} allows no others`,
      });
    });
  }
  return assigned;
}

function matches(
  occurrence: Occurrence,
  slice: ElementNode,
  d: Discriminator,
  scope: ResourceScope,
  session: Session,
): boolean {
  const steps = pathSteps(d.path);
  const followsReference = steps.at(-1) === 'resolve()';
  const definers = followsReference ? [slice] : definingNodes(slice, steps, session);
  const values = valuesAtPath(occurrence.value, steps, scope, session);
  switch (d.type) {
    case 'value':
    case 'pattern':
      return matchesValue(values, definers, session);
    case 'type':
      if (steps.length === 0) return allowedTypes(slice).includes(occurrence.type);
      return values.some((v) => {
        const type = isObject(v) ? v.resourceType : undefined;
        const allowed = followsReference ? targetTypes(slice, session) : definers.flatMap(allowedTypes);
        return typeof type === 'string' && allowed.includes(type);
      });
    case 'profile': {
      const profiles = followsReference
        ? (slice.def.type ?? []).flatMap((t) => t.targetProfile ?? [])
        : definers.flatMap((n) => (n.def.type ?? []).flatMap((t) => t.profile ?? []));
      return values.some((v) => isObject(v) && profiles.some((p) => resourceConforms(v, p, session)));
    }
    case 'exists': {
      const mustExist = definers.some((n) => (n.def.min ?? 0) > 0);
      const mustNotExist = definers.some((n) => n.def.max === '0');
      return mustExist ? values.length > 0 : mustNotExist ? values.length === 0 : true;
    }
    default:
      return false;
  }
}

function matchesValue(
  values: readonly unknown[],
  definers: readonly ElementNode[],
  session: Session,
): boolean {
  for (const node of definers) {
    const required = fixedOrPattern(node.def);
    if (required)
      return values.some((v) =>
        required.kind === 'fixed' ? jsonEquals(v, required.value) : matchesPattern(v, required.value),
      );
  }
  for (const node of definers) {
    const binding = node.def.binding;
    if (binding?.strength === 'required' && binding.valueSet) {
      const valueSet = binding.valueSet;
      return values.some((v) => {
        const coded = isObject(v) ? v : { code: v };
        return (
          typeof coded.code === 'string' &&
          session.terminology.check(
            valueSet,
            coded.code,
            typeof coded.system === 'string' ? coded.system : undefined,
          ).result === 'in'
        );
      });
    }
  }
  return false;
}

function targetTypes(slice: ElementNode, session: Session): string[] {
  return (slice.def.type ?? [])
    .flatMap((t) => t.targetProfile ?? [])
    .map((url) => typeOfProfile(url, session));
}
