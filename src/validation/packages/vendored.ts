import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../run/package-root.ts';
import { installFiles } from './install.ts';
import { packageKey, parsePackageKey, type PackageRef } from './package-ref.ts';
import { unpackTgz } from './tar.ts';

/** Where certbench ships the Danish core and MedCom packages: `fhir-packages/<id>#<version>.tgz`. */
export const VENDORED_FOLDER = join(PACKAGE_ROOT, 'fhir-packages');

/** The path of a shipped package tarball, if certbench ships this package. */
export function vendoredTarball(ref: PackageRef, folder = VENDORED_FOLDER): string | undefined {
  const file = join(folder, `${packageKey(ref)}.tgz`);
  return existsSync(file) ? file : undefined;
}

/** Every package certbench ships. */
export async function listVendored(folder = VENDORED_FOLDER): Promise<PackageRef[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith('.tgz'))
    .map((n) => parsePackageKey(n.slice(0, -'.tgz'.length)))
    .filter((r): r is PackageRef => r !== undefined);
}

/** The `package.json` of a shipped package, read from its tarball without installing it. */
export async function vendoredManifest(tarball: string): Promise<{ canonical?: string } | undefined> {
  const manifest = unpackTgz(await readFile(tarball)).find((f) => f.name === 'package/package.json');
  return manifest ? (JSON.parse(manifest.data.toString('utf8')) as { canonical?: string }) : undefined;
}

/** Unpacks a shipped package into the cache folder (npm tarball layout: every file under `package/`). */
export async function installVendored(cacheFolder: string, tarball: string, ref: PackageRef): Promise<void> {
  const files = unpackTgz(await readFile(tarball)).filter((f) => f.name.startsWith('package/'));
  if (!files.some((f) => f.name === 'package/package.json'))
    throw new Error(`${tarball} is not a FHIR package tarball (no package/package.json)`);
  await installFiles(cacheFolder, packageKey(ref), files);
}
