import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { InvalidInputError } from '../errors/index.ts';
import { readYamlFile } from '../input/yaml-file.ts';
import { parseFeatureFolder, type ParsedScenario } from './gherkin.ts';
import { officialCoverage, type CoverageReport } from './coverage.ts';
import { lintAcrossProtocols, lintProtocol } from './lint.ts';
import { officialProtocolSchema, rememberOfficialSteps, type LoadedOfficialProtocol } from './official.ts';
import { manifestSchema, type LoadedManifest } from './schema.ts';

export interface ProtocolCatalogue {
  root: string;
  manifests: LoadedManifest[];
  scenarios: Map<string, ParsedScenario[]>;
  /** By manifest id: the official MedCom protocol it implements, and how its steps are covered. */
  official: Map<string, { protocol: LoadedOfficialProtocol; coverage: CoverageReport }>;
}

/** Loads every manifest in `<root>/protocols` with its feature files and lints them; any problem is an input error. */
export async function loadProtocols(root: string): Promise<ProtocolCatalogue> {
  const dir = join(root, 'protocols');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  const manifests: LoadedManifest[] = [];
  for (const f of files) {
    const file = relative(root, join(dir, f));
    const manifest = await readYamlFile(join(root, file), manifestSchema, 'protocol manifest');
    if (`${manifest.id}.yaml` !== f) {
      throw new InvalidInputError([
        { file, field: 'id', message: `must match the file name (expected "${f.slice(0, -5)}")` },
      ]);
    }
    manifests.push({ ...manifest, file, sha256: sha256Hex(await readFile(join(root, file))) });
  }
  const scenarios = new Map<string, ParsedScenario[]>();
  const official: ProtocolCatalogue['official'] = new Map();
  const issues = lintAcrossProtocols(manifests);
  for (const manifest of manifests) {
    const parsed = await parseFeatureFolder(root, manifest.features);
    scenarios.set(manifest.id, parsed);
    issues.push(...lintProtocol(manifest, parsed));
    if (manifest.officialProtocol) {
      const file = manifest.officialProtocol.file;
      const protocol = {
        ...(await readYamlFile(join(root, file), officialProtocolSchema, 'official test protocol')),
        file,
      };
      rememberOfficialSteps(root, manifest.id, protocol.steps);
      const { issues: coverageIssues, report } = officialCoverage(manifest, protocol);
      issues.push(...coverageIssues);
      official.set(manifest.id, { protocol, coverage: report });
      manifest.official = {
        title: protocol.title,
        version: protocol.version,
        date: protocol.date,
        source: {
          repository: protocol.source.repository,
          commit: protocol.source.commit,
          path: protocol.source.path,
        },
        standard: protocol.standard,
        changelog: protocol.changelog,
        sections: protocol.sections,
        steps: protocol.steps.map(({ seenIn: _seenIn, ...step }) => step),
        notCovered: manifest.officialProtocol.notCovered ?? [],
      };
    }
  }
  if (issues.length > 0) throw new InvalidInputError(issues, 'protocol lint failed');
  return { root, manifests, scenarios, official };
}

export function selectProtocols(catalogue: ProtocolCatalogue, ids: string[] | 'all'): LoadedManifest[] {
  if (ids === 'all') return catalogue.manifests;
  const known = new Map(catalogue.manifests.map((m) => [m.id, m]));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new InvalidInputError([
      {
        file: '--protocol',
        message: `unknown protocol ${unknown.join(', ')} (known: ${[...known.keys()].join(', ')})`,
      },
    ]);
  }
  return ids.map((id) => known.get(id)).filter((m): m is LoadedManifest => m !== undefined);
}

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
