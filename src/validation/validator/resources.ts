import { canonicalUrl, coreDefinitionUrl } from '../conformance/definitions.ts';
import { checkValue } from './element-checks.ts';
import type { ResourceScope, Session } from './session.ts';
import { isObject } from './values.ts';
import { walkChildren } from './walk.ts';

/**
 * Validates a resource (the root, a Bundle entry, a contained resource) against every profile that applies: the
 * profiles its element names, and the profiles it declares in `meta.profile`; with none, its R4 core definition.
 */
export function validateResource(
  value: unknown,
  location: string,
  profiles: readonly string[],
  parent: ResourceScope | undefined,
  session: Session,
): void {
  if (!isObject(value) || typeof value.resourceType !== 'string') {
    session.report({
      severity: 'error',
      code: 'type',
      location,
      message: 'must be a resource: an object with a resourceType',
    });
    return;
  }
  const scope = scopeOf(value, location, parent, session);
  const metaProfile = (value.meta as { profile?: unknown } | undefined)?.profile;
  const declared = Array.isArray(metaProfile)
    ? metaProfile.filter((p): p is string => typeof p === 'string')
    : [];
  const known = declared.filter((url) => {
    if (session.context.structureDefinition(url)) return true;
    session.report({
      severity: 'warning',
      code: 'profile',
      location: `${location}.meta.profile`,
      message: `declared profile ${url} is not in the loaded packages, so the resource was not checked against it`,
    });
    return false;
  });
  const all = [...new Set([...profiles, ...known].map(canonicalUrl))];
  if (all.length === 0) all.push(coreDefinitionUrl(value.resourceType));
  for (const profile of all) applyProfile(value, profile, scope, session);
}

/** Validates a resource against one profile (once per resource and profile). */
export function applyProfile(
  resource: Record<string, unknown>,
  profile: string,
  scope: ResourceScope,
  session: Session,
): void {
  if (!session.firstVisit(resource, profile)) return;
  const tree = session.context.tree(profile);
  if (!tree) {
    session.report({
      severity: 'error',
      code: 'profile',
      location: scope.location,
      profile,
      message: isKnownType(String(resource.resourceType), session)
        ? `profile ${profile} is not in the loaded packages`
        : `"${String(resource.resourceType)}" is not a FHIR R4 resource type`,
    });
    return;
  }
  const type = tree.sd.type;
  if (type !== resource.resourceType && type !== 'Resource' && type !== 'DomainResource') {
    session.report({
      severity: 'error',
      code: 'profile',
      location: scope.location,
      profile,
      elementId: tree.root.def.id,
      message: `is a ${String(resource.resourceType)}, but ${tree.sd.name ?? profile} is a profile on ${type}`,
    });
    return;
  }
  walkChildren(resource, tree.root, scope.location, scope, session, true);
  checkValue({ value: resource, type, location: scope.location }, [tree.root], [], scope, session);
}

/** Whether a resource conforms to a profile: validated silently, once per resource and profile. */
export function resourceConforms(
  resource: Record<string, unknown>,
  profile: string,
  session: Session,
): boolean {
  const scope = scopeOf(
    resource,
    session.bundle?.byResource.get(resource)?.location ?? String(resource.resourceType),
    undefined,
    session,
  );
  return session.conforms(resource, canonicalUrl(profile), () =>
    applyProfile(resource, canonicalUrl(profile), scope, session),
  );
}

function scopeOf(
  resource: Record<string, unknown>,
  location: string,
  parent: ResourceScope | undefined,
  session: Session,
): ResourceScope {
  const entry = session.bundle?.byResource.get(resource);
  // A contained resource shares its container's %rootResource; a Bundle entry is a resource of its own.
  const contained = parent !== undefined && entry === undefined && parent.resource.resourceType !== 'Bundle';
  return {
    resource,
    rootResource: contained ? parent.rootResource : resource,
    location,
    ...(entry?.fullUrl ? { fullUrl: entry.fullUrl } : {}),
  };
}

function isKnownType(type: string, session: Session): boolean {
  return session.context.structureDefinition(coreDefinitionUrl(type)) !== undefined;
}
