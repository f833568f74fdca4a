import type { ElementNode } from '../conformance/element-tree.ts';
import { referencedType, resolveInBundle } from './bundle-index.ts';
import type { ResourceScope, Session } from './session.ts';
import { isObject } from './values.ts';
import { profileName, ruleOf } from './walk.ts';

/** What a reference resolved to: the resource and its scope (for relative references and `%resource`). */
export interface ResolvedReference {
  resource: Record<string, unknown>;
  scope: ResourceScope;
}

/** Resolves a literal reference: `#id` in the containing resource, anything else within the Bundle being validated. */
export function resolveReference(
  reference: string,
  scope: ResourceScope,
  session: Session,
): ResolvedReference | undefined {
  if (reference.startsWith('#')) {
    if (reference === '#') return { resource: scope.rootResource, scope };
    const contained = Array.isArray(scope.rootResource.contained)
      ? (scope.rootResource.contained as unknown[])
      : [];
    const resource = contained.find(
      (c): c is Record<string, unknown> => isObject(c) && c.id === reference.slice(1),
    );
    return resource
      ? { resource, scope: { ...scope, resource, location: `${scope.location}.contained` } }
      : undefined;
  }
  const entry = session.bundle ? resolveInBundle(session.bundle, reference, scope.fullUrl) : undefined;
  if (!entry) return undefined;
  return {
    resource: entry.resource,
    scope: {
      resource: entry.resource,
      rootResource: entry.resource,
      location: entry.location,
      ...(entry.fullUrl ? { fullUrl: entry.fullUrl } : {}),
    },
  };
}

/** The resource types a profile or resource definition URL stands for. */
export function typeOfProfile(url: string, session: Session): string {
  return session.context.structureDefinition(url)?.resource.type ?? url.slice(url.lastIndexOf('/') + 1);
}

/**
 * A Reference: in a Bundle it must resolve to an entry (in a document or message, or where the profile says
 * `bundled`, an unresolved reference is an error); the target's type must be one the element allows, and a target
 * in the Bundle must conform to the element's target profile (checked once the resources are walked).
 */
export function checkReference(
  value: Record<string, unknown>,
  node: ElementNode,
  location: string,
  scope: ResourceScope,
  session: Session,
): void {
  const reference = value.reference;
  if (typeof reference !== 'string') return;
  const types = (node.def.type ?? []).filter((t) => t.code === 'Reference');
  const targetProfiles = types.flatMap((t) => t.targetProfile ?? []);
  const bundled = types.some((t) => t.aggregation?.includes('bundled'));
  const rule = { location: `${location}.reference`, ...ruleOf(node) };
  const resolved = resolveReference(reference, scope, session);
  if (!resolved && (reference.startsWith('#') || session.bundle)) {
    // A document SHALL contain what its Composition references; references further in SHOULD resolve (FHIR R4
    // documents), unless the profile says the target is bundled.
    const fromComposition =
      session.bundle?.type === 'document' && scope.resource === session.bundle.entries[0]?.resource;
    const strict = reference.startsWith('#') || bundled || fromComposition;
    session.report({
      severity: strict ? 'error' : 'warning',
      code: 'reference',
      ...rule,
      message: reference.startsWith('#')
        ? `reference "${reference}" names no contained resource`
        : `reference "${reference}" does not resolve to an entry of the Bundle` +
          (fromComposition
            ? ' (a document must contain every resource its Composition references)'
            : bundled
              ? ` (${profileName(node)} requires the target in the Bundle)`
              : ''),
    });
  }
  const actual =
    resolved && typeof resolved.resource.resourceType === 'string'
      ? resolved.resource.resourceType
      : referencedType(reference);
  if (!actual || targetProfiles.length === 0) return;
  const allowed = targetProfiles.map((url) => typeOfProfile(url, session));
  if (!allowed.includes(actual) && !allowed.includes('Resource')) {
    session.report({
      severity: 'error',
      code: 'reference',
      ...rule,
      message: `${node.def.path} refers to ${actual}, but ${profileName(node)} allows only ${[...new Set(allowed)].join(', ')}`,
    });
    return;
  }
  if (!resolved || session.probing) return;
  // A target of this type must conform to one of its target profiles, unless the plain resource type is allowed too.
  const profiles = targetProfiles.filter((url) => typeOfProfile(url, session) === actual);
  const constrained = profiles.every(
    (url) => session.context.structureDefinition(url)?.resource.derivation === 'constraint',
  );
  if (profiles.length > 0 && constrained)
    session.targets.push({
      target: resolved.resource,
      scope: resolved.scope,
      profiles,
      from: rule.location,
      ...ruleOf(node),
    });
}
