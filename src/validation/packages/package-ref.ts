/** A FHIR package named by id and exact version, as in the package cache folder `<id>#<version>`. */
export interface PackageRef {
  id: string;
  version: string;
}

/** The package cache's folder name for a package: `hl7.fhir.dk.core#3.2.0`. */
export function packageKey(ref: PackageRef): string {
  return `${ref.id}#${ref.version}`;
}

/** Reads `id#version` (the cache folder name, also accepted on the command line); undefined when malformed. */
export function parsePackageKey(key: string): PackageRef | undefined {
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)#([0-9A-Za-z][0-9A-Za-z.+-]*)$/.exec(key);
  return match?.[1] && match[2] ? { id: match[1], version: match[2] } : undefined;
}

/** The FHIR R4 core package every IG here depends on; certbench builds it offline (see `r4-core.ts`). */
export const R4_CORE: PackageRef = { id: 'hl7.fhir.r4.core', version: '4.0.1' };
