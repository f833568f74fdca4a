import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageKey, type PackageRef } from './package-ref.ts';

/** One line of a package's `.index.json` (index-version 1). */
export interface IndexEntry {
  filename: string;
  resourceType: string;
  id?: string;
  url?: string;
  version?: string;
  kind?: string;
  type?: string;
}

/** What certbench reads from a package's `package.json`. */
export interface PackageManifest {
  name: string;
  version: string;
  canonical?: string;
  /** Package id → exact version, as the package names them. */
  dependencies: Record<string, string>;
}

/** A conformance resource as read from a package: any JSON object with a resourceType. */
export type ConformanceResource = { resourceType: string; url?: string; id?: string } & Record<
  string,
  unknown
>;

/**
 * An installed FHIR package (`<cache>/<id>#<version>/package/`). Resources are read from disk when first asked for:
 * R4 core alone holds 4,480 files and a document needs a few hundred of them.
 */
export class FhirPackage {
  readonly ref: PackageRef;
  readonly dir: string;
  readonly manifest: PackageManifest;
  readonly entries: readonly IndexEntry[];
  private readonly byUrl = new Map<string, IndexEntry>();
  private readonly loaded = new Map<string, ConformanceResource>();

  constructor(ref: PackageRef, dir: string, manifest: PackageManifest, entries: IndexEntry[]) {
    this.ref = ref;
    this.dir = dir;
    this.manifest = manifest;
    this.entries = entries;
    for (const entry of entries) {
      if (entry.url && !this.byUrl.has(entry.url)) this.byUrl.set(entry.url, entry);
    }
  }

  get key(): string {
    return packageKey(this.ref);
  }

  /** The index entry of the resource with this canonical URL (without `|version`), if the package has one. */
  entryFor(url: string): IndexEntry | undefined {
    return this.byUrl.get(url);
  }

  /** Reads (once) the resource an index entry names. */
  load(entry: IndexEntry): ConformanceResource {
    let resource = this.loaded.get(entry.filename);
    if (!resource) {
      const file = join(this.dir, entry.filename);
      try {
        resource = JSON.parse(readFileSync(file, 'utf8')) as ConformanceResource;
      } catch (error) {
        throw new Error(`FHIR package ${this.key}: cannot read ${file}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      this.loaded.set(entry.filename, resource);
    }
    return resource;
  }
}

/** Reads an installed package's manifest and index; a package without `.index.json` is indexed by reading it. */
export async function readInstalledPackage(folder: string, ref: PackageRef): Promise<FhirPackage> {
  const dir = join(folder, packageKey(ref), 'package');
  const manifest = await readJson<Partial<PackageManifest>>(join(dir, 'package.json'));
  if (manifest.name !== ref.id || manifest.version !== ref.version) {
    throw new Error(
      `FHIR package folder ${packageKey(ref)} holds ${String(manifest.name)}#${String(manifest.version)} (${dir}/package.json)`,
    );
  }
  const entries = await readIndex(dir);
  return new FhirPackage(
    ref,
    dir,
    {
      name: ref.id,
      version: ref.version,
      ...(manifest.canonical ? { canonical: manifest.canonical } : {}),
      dependencies: manifest.dependencies ?? {},
    },
    entries,
  );
}

async function readIndex(dir: string): Promise<IndexEntry[]> {
  try {
    const index = await readJson<{ files?: IndexEntry[] }>(join(dir, '.index.json'));
    if (Array.isArray(index.files)) return index.files;
  } catch {
    // No usable index (some tools do not write one): index the files themselves below.
  }
  const entries: IndexEntry[] = [];
  for (const filename of (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'package.json')) {
    const resource = await readJson<Partial<ConformanceResource>>(join(dir, filename)).catch(() => undefined);
    if (typeof resource?.resourceType !== 'string') continue;
    entries.push({
      filename,
      resourceType: resource.resourceType,
      ...(typeof resource.id === 'string' ? { id: resource.id } : {}),
      ...(typeof resource.url === 'string' ? { url: resource.url } : {}),
    });
  }
  return entries;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}
