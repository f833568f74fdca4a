import { packageKey, type PackageRef } from './package-ref.ts';

/**
 * A FHIR package that is neither in the cache folder nor shipped with certbench. The message names the package,
 * the version, who needs it and how to provide it.
 */
export class FhirPackageMissingError extends Error {
  override name = 'FhirPackageMissingError';
  readonly ref: PackageRef;
  readonly cacheFolder: string;

  constructor(ref: PackageRef, cacheFolder: string, requiredBy?: PackageRef) {
    const key = packageKey(ref);
    super(
      `FHIR package ${ref.id} version ${ref.version} is missing` +
        (requiredBy ? ` (a dependency of ${packageKey(requiredBy)})` : '') +
        `: it is not in the package cache ${cacheFolder} and certbench does not ship it. ` +
        `Put the package in ${cacheFolder}/${key}/package/ (package-cache layout, e.g. unpack its package.tgz ` +
        `from packages.fhir.org there), or point certbench to a cache that has it with --fhir-packages <dir> ` +
        `or CERTBENCH_FHIR_PACKAGES.`,
    );
    this.ref = ref;
    this.cacheFolder = cacheFolder;
  }
}
