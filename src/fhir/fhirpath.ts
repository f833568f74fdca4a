import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';

type Compiled = (resource: unknown, env?: Record<string, unknown>) => unknown[];
const cache = new Map<string, Compiled>();

/**
 * Evaluates a FHIRPath expression on R4 content. Compiled expressions are cached: protocols evaluate the same
 * expressions on every document.
 */
export function evaluate(resource: unknown, expression: string): unknown[] {
  let compiled = cache.get(expression);
  if (!compiled) {
    compiled = fhirpath.compile(expression, r4Model, { resolveInternalTypes: true }) as Compiled;
    cache.set(expression, compiled);
  }
  return compiled(resource);
}

/**
 * On a Bundle, lets feature files write `Composition.status` for `Bundle.entry.resource.ofType(Composition).status`:
 * a leading resource type other than the root's is read as "every entry of that type".
 */
export function scopeToBundle(expression: string, rootType: string): string {
  const match = /^([A-Z][A-Za-z]+)(\.|$)/.exec(expression);
  if (!match || match[1] === rootType || rootType !== 'Bundle') return expression;
  return `entry.resource.ofType(${match[1]})${expression.slice(match[1]?.length ?? 0)}`;
}
