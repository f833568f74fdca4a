import { fhirTypeCode } from '../conformance/definitions.ts';
import type { ElementNode } from '../conformance/element-tree.ts';
import { jsonType } from './primitives.ts';

/** One value of an element in the instance, with its type and where it is. */
export interface Occurrence {
  /** The JSON value; undefined for a primitive that has only its `_element` (id, extensions). */
  value: unknown;
  /** The `_element` sibling of a primitive value. */
  extension?: unknown;
  type: string;
  location: string;
}

/** The type codes an element allows (a `contentReference` element is a backbone element). */
export function allowedTypes(node: ElementNode): string[] {
  if (!node.def.type || node.def.type.length === 0) return ['BackboneElement'];
  return node.def.type.map(fhirTypeCode);
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The values of one element in a JSON object: `name` or, for a choice `value[x]`, `valueString`, `valueCoding`…;
 * arrays unrolled; a primitive's `_name` paired with its value. Keys read are added to `consumed`.
 */
export function collectOccurrences(
  obj: Record<string, unknown>,
  node: ElementNode,
  location: string,
  consumed: Set<string>,
  structureProblem: (location: string, message: string) => void,
): Occurrence[] {
  const types = allowedTypes(node);
  const keys: { key: string; type: string }[] = [];
  if (node.name.endsWith('[x]')) {
    const prefix = node.name.slice(0, -3);
    for (const type of types) {
      const key = prefix + capitalise(type);
      if (key in obj || `_${key}` in obj) keys.push({ key, type });
    }
  } else if (node.name in obj || `_${node.name}` in obj) {
    keys.push({ key: node.name, type: types[0] ?? 'BackboneElement' });
  }
  const repeating = (node.def.base?.max ?? node.def.max) !== '1';
  const occurrences: Occurrence[] = [];
  for (const { key, type } of keys) {
    consumed.add(key);
    consumed.add(`_${key}`);
    const here = `${location}.${key}`;
    let values = obj[key];
    let extensions = obj[`_${key}`];
    if (repeating && values !== undefined && !Array.isArray(values)) {
      structureProblem(here, `must be an array: ${key} can repeat (found ${jsonType(values)})`);
      values = [values];
    }
    if (!repeating && Array.isArray(values)) {
      structureProblem(here, `must be a single value, not an array: ${key} does not repeat`);
    }
    if (Array.isArray(values) || Array.isArray(extensions)) {
      const list = Array.isArray(values) ? values : [];
      const extList = Array.isArray(extensions) ? (extensions as unknown[]) : [];
      const length = Math.max(list.length, extList.length);
      for (let i = 0; i < length; i++) {
        const value: unknown = list[i] ?? undefined;
        const extension: unknown = extList[i] ?? undefined;
        if (value === undefined && extension === undefined) continue;
        occurrences.push({
          value,
          ...(extension === undefined ? {} : { extension }),
          type,
          location: repeating ? `${here}[${i}]` : here,
        });
      }
    } else {
      extensions = extensions === null ? undefined : extensions;
      occurrences.push({
        value: values,
        ...(extensions === undefined ? {} : { extension: extensions }),
        type,
        location: here,
      });
    }
  }
  return occurrences;
}
