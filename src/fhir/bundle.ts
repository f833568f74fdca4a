/** Small readers for Bundle content, tolerant of malformed input: checkpoints judge, helpers never throw. */

export type Resource = { resourceType: string; id?: string; [key: string]: unknown };
export interface Entry {
  fullUrl?: string;
  resource?: Resource;
}

export function isResource(value: unknown): value is Resource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string'
  );
}

export function entriesOf(bundle: unknown): Entry[] {
  const entry = (bundle as { entry?: unknown } | undefined)?.entry;
  return Array.isArray(entry) ? (entry.filter((e) => typeof e === 'object' && e !== null) as Entry[]) : [];
}

export function resourcesOf(bundle: unknown, type?: string): Resource[] {
  return entriesOf(bundle)
    .map((e) => e.resource)
    .filter((r): r is Resource => isResource(r) && (type === undefined || r.resourceType === type));
}

/**
 * Resolves a reference inside a Bundle: `urn:uuid:` / absolute references against `fullUrl`, relative `Type/id`
 * against the entries' type and id (FHIR R4 Bundle reference resolution, simplified to one server base).
 */
export function resolveInBundle(bundle: unknown, reference: unknown): Resource | undefined {
  if (typeof reference !== 'string' || reference.length === 0) return undefined;
  const entries = entriesOf(bundle);
  const byFullUrl = entries.find((e) => e.fullUrl === reference)?.resource;
  if (isResource(byFullUrl)) return byFullUrl;
  const relative = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(reference);
  if (relative) {
    const found = entries.find(
      (e) =>
        (isResource(e.resource) &&
          e.resource.resourceType === relative[1] &&
          e.resource.id === relative[2]) ||
        (typeof e.fullUrl === 'string' && e.fullUrl.endsWith(`/${reference}`)),
    )?.resource;
    return isResource(found) ? found : undefined;
  }
  return undefined;
}

export function referenceOf(value: unknown): string | undefined {
  const reference = (value as { reference?: unknown } | undefined)?.reference;
  return typeof reference === 'string' ? reference : undefined;
}

/** A readable pointer to a resource for failure messages: `Condition/abc (entry 3)`. */
export function describeResource(bundle: unknown, resource: Resource): string {
  const index = entriesOf(bundle).findIndex((e) => e.resource === resource);
  return `${resource.resourceType}/${resource.id ?? '?'}${index >= 0 ? ` (entry[${index}])` : ''}`;
}
