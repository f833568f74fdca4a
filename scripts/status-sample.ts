// Sample results for the status report: real certbench runs against the reference GP system, each playing one
// vendor's system (profile vendor/system/version) with its own faults and waivers, a few runs per system.
//
// SYNTHETIC: every run happens now, in-process (~0.3 s each); afterwards its `run.startedAt`/`finishedAt` are moved
// to the scenario's date (waivers are judged at that date with `asOf`, and the `waiversJudgedAt` note is dropped,
// so the record reads like a run made that day). One run is relabelled as protocol version 1.1.0, which does not
// exist yet, to show that versions are kept apart. Everything else in the records is what certbench produced.
//
//   node --import tsx scripts/status-sample.ts <outDir> [--allure]    (--allure: Allure HTML for each latest run)
import { fastReferenceProfileYaml } from '../reference-gp/test-profile.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { makeEnvironment } from '../src/environment/environment.ts';
import type { CertificationResult } from '../src/result/types.ts';
import { runCertification } from '../src/run/run-certification.ts';
import { writeIntegrityManifest } from '../src/integrity/run-integrity.ts';

/** The scenario's dates: the report day, the last meeting and the next one. */
export const SAMPLE_DATES = { asOf: '2026-11-25', since: '2026-09-15', nextMeeting: '2026-12-16' } as const;

interface SampleWaiver {
  id: string;
  checkpoints: string[];
  reason: string;
  granted: string;
  expires: string;
}

interface SampleRun {
  date: string;
  version: string;
  faults: string[];
  mode?: 'self-test' | 'certify';
  waivers?: SampleWaiver[];
  /** Checkpoints deferred by the round's test plan (pending). */
  defer?: string[];
  /** Relabel the protocol version (synthetic, see above). */
  protocolVersion?: string;
}

interface SampleSystem {
  vendor: string;
  system: string;
  slug: string;
  runs: SampleRun[];
}

const NOTE_WAIVER: SampleWaiver = {
  id: 'W-2026-DK-001',
  checkpoints: ['DK-3.3.1.11', 'DK-3.3.2.4'],
  reason:
    'Tillægstekst deles som <Condition.note> & TestScript forbyder det; dispensation indtil MedCom har afstemt IG og TestScripts',
  granted: '2026-08-01',
  expires: '2026-12-10',
};

/** Four systems, named after real Danish GP systems; their faults and waivers are invented. */
export const SAMPLE_SYSTEMS: SampleSystem[] = [
  {
    vendor: 'CGM',
    system: 'XMO',
    slug: 'cgm-xmo',
    runs: [
      { date: '2026-04-14', version: '7.1.0', faults: ['note-shared'] },
      { date: '2026-06-10', version: '7.1.2', faults: [], defer: ['DK-XDS-9'] },
      { date: '2026-10-05', version: '7.2.0', faults: ['composition-date-is-timestamp'], mode: 'certify' },
      // The vendor's own test of a development build after MedCom's certification: shown beside it, never instead.
      { date: '2026-11-16', version: '7.3.0-rc1', faults: ['note-shared'] },
    ],
  },
  {
    vendor: 'EG A/S',
    system: 'Clinea',
    slug: 'eg-clinea',
    runs: [
      ...[0, 1].map((i) => ({
        date: ['2026-08-20', '2026-11-10'][i] ?? '',
        version: ['4.2.0', '4.2.1'][i] ?? '',
        faults: ['note-shared', 'timestamp-utc-offset'],
        waivers: [
          NOTE_WAIVER,
          {
            id: 'W-2026-DK-004',
            checkpoints: ['DK-CB-2'],
            reason: 'Tidszone skrives som +00:00 indtil leverandørens platformsopgradering i 2027',
            granted: '2026-07-01',
            expires: '2027-06-30',
          },
        ],
      })),
      // A first go at the next protocol version whose plan defers every checkpoint: nothing judged, not tested.
      { date: '2026-11-22', version: '4.3.0', faults: [], defer: ['DK-*'], protocolVersion: '1.1.0' },
    ],
  },
  {
    vendor: 'Novax A/S',
    system: 'Novax',
    slug: 'novax',
    runs: [
      { date: '2026-05-12', version: '3.0.0', faults: [] },
      { date: '2026-08-25', version: '3.0.1', faults: [] },
      { date: '2026-10-20', version: '3.1.0', faults: ['missing-recorded-date'] },
    ],
  },
  {
    vendor: 'Vena',
    system: 'VENA LPS',
    slug: 'vena',
    runs: [
      {
        date: '2026-09-01',
        version: '2.4.0',
        faults: ['wrong-mime-type'],
        waivers: [
          {
            id: 'W-2026-DK-007',
            checkpoints: ['DK-3.4.1.1', 'DK-XDS-10'],
            reason: 'Metadata mimeType rettes i næste release; aftalt med MedCom ved testcamp',
            granted: '2026-06-01',
            expires: '2026-11-01',
          },
        ],
      },
      { date: '2026-11-18', version: '2.5.0', faults: [], protocolVersion: '1.1.0' },
    ],
  },
];

/** Writes the sample results under `outDir/<system>/<date>/`; returns the result files. */
export async function writeStatusSample(
  outDir: string,
  options: { allure?: boolean } = {},
): Promise<string[]> {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const env = makeEnvironment({ stdout: sink, stderr: sink, env: {} });
  const files: string[] = [];
  for (const system of SAMPLE_SYSTEMS) {
    for (const [i, run] of system.runs.entries()) {
      const dir = resolve(outDir, system.slug, run.date);
      await mkdir(dir, { recursive: true });
      const inputs = join(dir, 'inputs');
      await mkdir(inputs, { recursive: true });
      const profileFile = join(inputs, 'profile.yaml');
      await writeFile(profileFile, profileYaml(system, run.version));
      const waiversFile = run.waivers ? join(inputs, 'waivers.yaml') : undefined;
      if (waiversFile) await writeFile(waiversFile, waiversYaml(system, run.waivers ?? []));
      const planFile = run.defer ? join(inputs, 'plan.yaml') : undefined;
      if (planFile) await writeFile(planFile, planYaml(run.defer ?? []));
      await runCertification(
        {
          profileFile,
          referenceGp: { faults: run.faults },
          protocols: 'all',
          mode: run.mode ?? 'self-test',
          outDir: dir,
          strict: false,
          html: Boolean(options.allure) && i === system.runs.length - 1,
          summary: false,
          asOf: new Date(`${run.date}T12:00:00Z`),
          ...(waiversFile ? { waiversFile } : {}),
          ...(planFile ? { planFile } : {}),
        },
        env,
      );
      const file = join(dir, 'certification-result.json');
      const moved = backdate(await readJson(file), run);
      await writeFile(file, `${JSON.stringify(moved, null, 2)}\n`);
      // The sample's record is rewritten on purpose: its integrity manifest is made anew to match.
      await writeIntegrityManifest(dir, moved);
      files.push(file);
    }
  }
  return files;
}

/** Moves the run to its scenario date (the synthetic part). */
function backdate(result: CertificationResult, run: SampleRun): CertificationResult {
  const took = Date.parse(result.run.finishedAt) - Date.parse(result.run.startedAt);
  const startedAt = new Date(`${run.date}T09:30:00Z`);
  const rest = { ...result.run };
  delete rest.waiversJudgedAt;
  return {
    ...result,
    run: {
      ...rest,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date(startedAt.getTime() + took).toISOString(),
    },
    protocols: result.protocols.map((p) =>
      run.protocolVersion ? { ...p, version: run.protocolVersion } : p,
    ),
  };
}

async function readJson(file: string): Promise<CertificationResult> {
  return JSON.parse(await readFile(file, 'utf8')) as CertificationResult;
}

const quote = (text: string): string => JSON.stringify(text);

function profileYaml(system: SampleSystem, version: string): string {
  return fastReferenceProfileYaml({ vendor: system.vendor, system: system.system, version });
}

function waiversYaml(system: SampleSystem, waivers: SampleWaiver[]): string {
  const entries = waivers.map(
    (w) => `  - id: ${w.id}
    checkpoints: [${w.checkpoints.join(', ')}]
    sut: { vendor: ${quote(system.vendor)}, system: ${quote(system.system)} }
    reason: ${quote(w.reason)}
    approvedBy: MedCom standardiseringsgruppen
    granted: ${w.granted}
    expires: ${w.expires}
`,
  );
  return `waivers:\n${entries.join('')}`;
}

function planYaml(defer: string[]): string {
  return `plan:
  id: sample-round
  defer:
    - checkpoints: [${defer.join(', ')}]
      reason: versioning of shared documents is tested in the next round
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node --import tsx scripts/status-sample.ts <outDir> [--allure]');
    process.exit(3);
  }
  const files = await writeStatusSample(out, { allure: process.argv.includes('--allure') });
  console.log(`${files.length} sample results under ${out} (dates are synthetic, see the script's header)`);
  console.log(
    `report: node bin/certbench.js status ${out} --as-of ${SAMPLE_DATES.asOf} --since ${SAMPLE_DATES.since} --next-meeting ${SAMPLE_DATES.nextMeeting}`,
  );
}
