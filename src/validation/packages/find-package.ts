import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { canonicalUrl } from '../conformance/definitions.ts';
import { packageKey, parsePackageKey, R4_CORE, type PackageRef } from './package-ref.ts';
import { obtainPackage } from './store.ts';
import { listVendored, vendoredManifest, vendoredTarball } from './vendored.ts';

/**
 * The package that defines a profile, among the packages certbench ships and those in the cache folder: the IG
 * whose canonical the URL starts with (its newest version), else any package whose index lists the URL. Core
 * definitions (`http://hl7.org/fhir/StructureDefinition/...`) come from hl7.fhir.r4.core.
 */
export async function findPackageFor(profile: string, cacheFolder: string): Promise<PackageRef | undefined> {
  const url = canonicalUrl(profile);
  if (url.startsWith('http://hl7.org/fhir/StructureDefinition/')) return R4_CORE;
  const cached = (await readdir(cacheFolder).catch(() => [] as string[]))
    .map(parsePackageKey)
    .filter((r): r is PackageRef => r !== undefined);
  const candidates = new Map<string, PackageRef>();
  for (const ref of [...(await listVendored()), ...cached]) candidates.set(packageKey(ref), ref);
  const byCanonical: PackageRef[] = [];
  for (const ref of candidates.values()) {
    const canonical = await canonicalOf(cacheFolder, ref);
    if (canonical && url.startsWith(`${canonical}/`)) byCanonical.push(ref);
  }
  for (const ref of newestFirst(byCanonical)) {
    const { pkg } = await obtainPackage(cacheFolder, ref);
    if (pkg.entryFor(url)) return ref;
  }
  for (const ref of newestFirst([...candidates.values()])) {
    const { pkg } = await obtainPackage(cacheFolder, ref);
    if (pkg.entryFor(url)) return ref;
  }
  return undefined;
}

async function canonicalOf(cacheFolder: string, ref: PackageRef): Promise<string | undefined> {
  const manifest = join(cacheFolder, packageKey(ref), 'package', 'package.json');
  const text = await readFile(manifest, 'utf8').catch(() => undefined);
  if (text !== undefined) return (JSON.parse(text) as { canonical?: string }).canonical;
  // A shipped package not yet in the cache is read from its tarball: only the one that matches gets installed.
  const tarball = vendoredTarball(ref);
  return tarball ? (await vendoredManifest(tarball))?.canonical : undefined;
}

function newestFirst(refs: PackageRef[]): PackageRef[] {
  const compare = (a: string, b: string): number =>
    semver.valid(a) && semver.valid(b) ? semver.rcompare(a, b) : b.localeCompare(a);
  return [...refs].sort((a, b) => a.id.localeCompare(b.id) || compare(a.version, b.version));
}
