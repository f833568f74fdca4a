import { fhirTypeCode } from '../conformance/definitions.ts';
import { contentTarget, type ElementNode } from '../conformance/element-tree.ts';
import { resolveReference } from './references.ts';
import type { ResourceScope, Session } from './session.ts';
import { isObject } from './values.ts';

/** The steps of a discriminator path: `$this.resource` → [resource]; `coding.code` → [coding, code]. */
export function pathSteps(path: string): string[] {
  return path.split('.').filter((s) => s !== '$this' && s !== '');
}

/**
 * The elements of a slice's definition that a discriminator path reaches, descending into the element's type
 * (its profile, e.g. an extension's definition, or the core type) where the slice does not expand it. Sliced
 * elements on the way contribute their slices too (`extension.value` reaches `extension:use.value[x]`).
 */
export function definingNodes(slice: ElementNode, steps: readonly string[], session: Session): ElementNode[] {
  let nodes = [slice];
  for (const step of steps) {
    const next: ElementNode[] = [];
    for (const node of nodes) {
      const source = expansionOf(node, session);
      const child = source?.children.find((c) => c.name === step || c.name === `${step}[x]`);
      if (child) next.push(child, ...child.slices);
    }
    nodes = next;
  }
  return nodes;
}

function expansionOf(node: ElementNode, session: Session): ElementNode | undefined {
  if (node.children.length > 0) return node;
  const referenced = contentTarget(node);
  if (referenced) return referenced;
  const type = node.def.type?.length === 1 ? node.def.type[0] : undefined;
  if (!type) return undefined;
  const url = type.profile?.[0];
  return (url ? session.context.tree(url) : session.context.typeTree(fhirTypeCode(type)))?.root;
}

/** The values a discriminator path selects in an instance value; `resolve()` follows references in the Bundle. */
export function valuesAtPath(
  value: unknown,
  steps: readonly string[],
  scope: ResourceScope,
  session: Session,
): unknown[] {
  let values = [value];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const current of values) {
      if (step === 'resolve()') {
        const reference = isObject(current) ? current.reference : current;
        const resolved =
          typeof reference === 'string' ? resolveReference(reference, scope, session) : undefined;
        if (resolved) next.push(resolved.resource);
        continue;
      }
      if (!isObject(current)) continue;
      for (const [key, item] of Object.entries(current)) {
        if (key !== step && !(key.startsWith(step) && /^[A-Z]/.test(key.slice(step.length)))) continue;
        next.push(...(Array.isArray(item) ? (item as unknown[]) : [item]));
      }
    }
    values = next;
  }
  return values;
}
