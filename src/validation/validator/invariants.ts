import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import type { Constraint } from '../conformance/definitions.ts';
import type { ElementNode } from '../conformance/element-tree.ts';
import { resolveInBundle } from './bundle-index.ts';
import type { Occurrence } from './occurrences.ts';
import { resourceConforms } from './resources.ts';
import type { ResourceScope, Session } from './session.ts';
import { isObject } from './values.ts';

type Compiled = (data: unknown, vars: Record<string, unknown>) => unknown[];

// fhirpath.js calls user functions without a `this`; the evaluation in progress is kept here (evaluation is
// synchronous, and nested evaluations through conformsTo() restore it).
let current: { session: Session; scope: ResourceScope } | undefined;

const functions = {
  resolve: { fn: (inputs: unknown[]) => inputs.flatMap(resolveItem) },
  htmlChecks: { fn: (inputs: unknown[]) => inputs.filter((d) => typeof d === 'string').map(narrativeChecks) },
  conformsTo: {
    fn: (inputs: unknown[], url: string) =>
      current && inputs.length > 0
        ? [inputs.every((r) => isObject(r) && resourceConforms(r, url, current!.session))]
        : [],
    arity: { 1: ['String'] },
  },
  memberOf: {
    fn: (inputs: unknown[], url: string) => {
      if (!current || inputs.length !== 1) return [];
      const verdict = memberOf(inputs[0], url, current.session);
      return verdict === undefined ? [] : [verdict];
    },
    arity: { 1: ['String'] },
  },
};

// R4's dom-3 applies `as()` to collections, which FHIRPath (and fhirpath.js) only allow on single items; later FHIR
// versions use ofType(), which means what dom-3 intends.
const REWRITES: Record<string, (expression: string) => string> = {
  'dom-3': (e) => e.replace(/([.(])as\(/g, '$1ofType('),
};

const compiled = new Map<string, Compiled>();

// fhirpath.js's htmlChecks() rejects every prefixed attribute, but FHIR narrative may carry xml:lang and xml:space
// (the IG Publisher writes xml:lang on every narrative of a resource with a language, and the HL7 validator accepts
// it). Those two are taken out before fhirpath.js's own checks run.
const builtinHtmlChecks = fhirpath.compile(
  { base: 'Narrative.div', expression: 'htmlChecks()' },
  r4Model,
) as unknown as Compiled;

function narrativeChecks(div: string): boolean {
  const cleaned = div.replace(/\sxml:(lang|space)\s*=\s*("[^"]*"|'[^']*')/g, '');
  return builtinHtmlChecks(cleaned, {}).every((r) => r === true);
}

function compile(expression: string, base: string | undefined): Compiled {
  const key = `${base ?? ''}\n${expression}`;
  let fn = compiled.get(key);
  if (!fn) {
    const options = { userInvocationTable: functions, traceFn: () => undefined, resolveInternalTypes: true };
    const path = base ? { base, expression } : expression;
    fn = fhirpath.compile(
      path,
      r4Model,
      options as unknown as Parameters<typeof fhirpath.compile>[2],
    ) as unknown as Compiled;
    compiled.set(key, fn);
  }
  return fn;
}

/**
 * Evaluates an invariant on one value, with `%resource`/`%rootResource`, a `resolve()` that finds resources in the
 * Bundle being validated, a `conformsTo()` that validates against the profile, and a `memberOf()` over the packages'
 * value sets. True or false, or the error when the expression cannot be evaluated.
 */
export function evaluateInvariant(
  constraint: Constraint,
  occurrence: Occurrence,
  node: ElementNode,
  scope: ResourceScope,
  session: Session,
): boolean | Error {
  const expression = REWRITES[constraint.key]?.(constraint.expression ?? '') ?? constraint.expression ?? '';
  const isRoot = occurrence.value === scope.resource;
  const base = isRoot
    ? undefined
    : occurrence.type === 'BackboneElement'
      ? (node.def.base?.path ?? node.def.path)
      : occurrence.type;
  const saved = current;
  current = { session, scope };
  try {
    const result = compile(expression, base)(occurrence.value, {
      resource: scope.resource,
      rootResource: scope.rootResource,
    });
    return !result.some((r) => r === false);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    current = saved;
  }
}

function resolveItem(item: unknown): Record<string, unknown>[] {
  const reference =
    typeof item === 'string'
      ? item
      : isObject(item) && typeof item.reference === 'string'
        ? item.reference
        : undefined;
  if (!reference || !current) return [];
  const { scope, session } = current;
  if (reference.startsWith('#')) {
    const contained = Array.isArray(scope.rootResource.contained)
      ? (scope.rootResource.contained as unknown[])
      : [];
    if (reference === '#') return [scope.rootResource];
    return contained.filter((c): c is Record<string, unknown> => isObject(c) && c.id === reference.slice(1));
  }
  if (!session.bundle) return [];
  // An expression may hop through several resources (a.resolve().b.resolve()); their fullUrls share a base, so a
  // relative reference that the current entry cannot resolve is tried against the other entries' bases.
  const hit =
    resolveInBundle(session.bundle, reference, scope.fullUrl) ??
    session.bundle.entries.map((e) => resolveInBundle(session.bundle!, reference, e.fullUrl)).find(Boolean);
  return hit ? [hit.resource] : [];
}

function memberOf(value: unknown, url: string, session: Session): boolean | undefined {
  const codings = isObject(value)
    ? Array.isArray(value.coding)
      ? (value.coding as unknown[])
      : [value]
    : typeof value === 'string'
      ? [{ code: value }]
      : [];
  let unknown = false;
  for (const coding of codings) {
    if (!isObject(coding) || typeof coding.code !== 'string') continue;
    const result = session.terminology.check(
      url,
      coding.code,
      typeof coding.system === 'string' ? coding.system : undefined,
    );
    if (result.result === 'in') return true;
    if (result.result === 'unknown') unknown = true;
  }
  return unknown ? undefined : false;
}
