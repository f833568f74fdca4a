import { obtainPackage, type LoadedPackage } from './store.ts';
import { packageKey, R4_CORE, type PackageRef } from './package-ref.ts';

/** A version of a package that the closure did not take, because a package nearer the root names another. */
export interface SupersededVersion {
  ref: PackageRef;
  requiredBy: PackageRef;
  used: string;
}

/** A root package and everything it depends on, one version per package id. */
export interface PackageClosure {
  root: PackageRef;
  /** Nearest the root first: canonical URLs are looked up in this order. */
  packages: LoadedPackage[];
  superseded: SupersededVersion[];
}

/**
 * Resolves a package's dependencies by the versions each `package.json` names. When two packages name different
 * versions of one package, the one nearer the root wins (breadth first), as the IGs' own build does: ConditionList
 * names dk.core 3.2.0 and terminology 1.8.1, so MedCom core's terminology 1.7.0 is not used; HomeCareObservation names
 * dk.core 3.4.0, so MedCom core's dk.core 3.2.0 is not used there. Several closures live side by side in a process.
 */
export async function resolveClosure(cacheFolder: string, root: PackageRef): Promise<PackageClosure> {
  const chosen = new Map<string, string>();
  const packages: LoadedPackage[] = [];
  const superseded: SupersededVersion[] = [];
  let level: { ref: PackageRef; requiredBy?: PackageRef }[] = [{ ref: root }];
  while (level.length > 0) {
    const next: typeof level = [];
    const fresh = level.filter(({ ref, requiredBy }) => {
      const used = chosen.get(ref.id);
      if (used === undefined) {
        chosen.set(ref.id, ref.version);
        return true;
      }
      if (used !== ref.version && requiredBy) superseded.push({ ref, requiredBy, used });
      return false;
    });
    const loadedLevel = await Promise.all(
      fresh.map(({ ref, requiredBy }) => obtainPackage(cacheFolder, ref, requiredBy)),
    );
    for (const item of loadedLevel) {
      packages.push(item);
      for (const [id, version] of Object.entries(item.pkg.manifest.dependencies))
        next.push({ ref: { id, version }, requiredBy: item.pkg.ref });
    }
    level = next;
  }
  if (!chosen.has(R4_CORE.id)) packages.push(await obtainPackage(cacheFolder, R4_CORE, root));
  return { root, packages, superseded };
}

/** `id#version` of every package of a closure, root first. */
export function closureKeys(closure: PackageClosure): string[] {
  return closure.packages.map((p) => packageKey(p.pkg.ref));
}
