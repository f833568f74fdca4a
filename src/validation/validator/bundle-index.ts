import { isObject } from './values.ts';

/** A resource of the Bundle being validated, with where it is. */
export interface BundleEntry {
  index: number;
  fullUrl?: string;
  resource: Record<string, unknown>;
  location: string;
}

/** The entries of a Bundle by fullUrl and by resource, so references resolve inside the Bundle. */
export interface BundleIndex {
  type?: string;
  entries: BundleEntry[];
  byFullUrl: Map<string, BundleEntry>;
  byResource: WeakMap<object, BundleEntry>;
}

/** Indexes the entries of the Bundle being validated (`location` is where the Bundle is, e.g. `Bundle`). */
export function indexBundle(bundle: Record<string, unknown>, location: string): BundleIndex {
  const index: BundleIndex = {
    ...(typeof bundle.type === 'string' ? { type: bundle.type } : {}),
    entries: [],
    byFullUrl: new Map(),
    byResource: new WeakMap(),
  };
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]) : [];
  entries.forEach((entry, i) => {
    if (!isObject(entry) || !isObject(entry.resource)) return;
    const item: BundleEntry = {
      index: i,
      resource: entry.resource,
      location: `${location}.entry[${i}].resource`,
      ...(typeof entry.fullUrl === 'string' ? { fullUrl: entry.fullUrl } : {}),
    };
    index.entries.push(item);
    index.byResource.set(entry.resource, item);
    if (item.fullUrl && !index.byFullUrl.has(item.fullUrl)) index.byFullUrl.set(item.fullUrl, item);
  });
  return index;
}

const RESTFUL =
  /^(https?:\/\/.+?)\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/**
 * Resolves a reference inside the Bundle by FHIR's rules: an absolute reference (URL, urn:uuid, urn:oid) matches a
 * fullUrl; a relative one (`Patient/123`) is read against the base of the referring entry's RESTful fullUrl.
 */
export function resolveInBundle(
  index: BundleIndex,
  reference: string,
  from?: string,
): BundleEntry | undefined {
  const direct = index.byFullUrl.get(reference);
  if (direct) return direct;
  const relative = RELATIVE.exec(reference);
  if (!relative) return undefined;
  const base = from ? RESTFUL.exec(from)?.[1] : undefined;
  return base ? index.byFullUrl.get(`${base}/${relative[1]}/${relative[2]}`) : undefined;
}

/** The resource type a literal reference names (`Patient/123`, `http://x/Patient/123`), if it names one. */
export function referencedType(reference: string): string | undefined {
  return RELATIVE.exec(reference)?.[1] ?? RESTFUL.exec(reference)?.[2];
}
