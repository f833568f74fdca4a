// Scale of the status report: 10 vendors × 6 protocols × 2 years of weekly runs (6,240 results, synthesized, no
// certbench runs), written to a temporary folder one run folder each; then the real `certbench status` (the compiled
// CLI, started cold as a user starts it) reads them and writes the pages, timed 3× (wall, CPU, peak memory). The
// model and the pages built in this process from the same results are timed too, to show where the time goes.
//
//   node --import tsx scripts/bench-status.ts [--out dir]   (--out: also write the generated pages there)
import type {
  Approval,
  CertificationResult,
  CheckpointResult,
  ProtocolResult,
  WaiverRecord,
} from '../src/result/types.ts';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStatusModel } from '../src/status/model.ts';
import { renderStatusFiles } from '../src/status/report.ts';
import type { LoadedResult } from '../src/status/types.ts';
import { ensureBuilt, measuredCli, median } from './support/measured-cli.ts';
import { seededRandom } from './support/seeded-random.ts';

const VENDORS = 10;
const PROTOCOLS = 6;
const WEEKS = 104;
const CHECKPOINTS = 50;
const START = Date.parse('2024-12-02T09:00:00Z');
const WEEK_MS = 7 * 86_400_000;

const random = seededRandom(20261125);

function checkpoints(
  protocol: string,
  waiverIds: string[],
  failed: number,
  expires: string,
): CheckpointResult[] {
  const waived = waiverIds.length;
  return Array.from({ length: CHECKPOINTS }, (_, i) => {
    const status = i < waived ? 'waived' : i < waived + failed ? 'failed' : 'passed';
    return {
      id: `${protocol.toUpperCase()}-${i + 1}`,
      title: `checkpoint ${i + 1}`,
      useCase: 'S1',
      grade: 'F2',
      mode: 'automatic',
      requirements: [{ text: 'requirement' }],
      status,
      ...(status === 'waived'
        ? { waiver: { id: waiverIds[i] ?? '', reason: 'r', approvedBy: 'MedCom', expires } }
        : {}),
      steps: [],
      checks: [],
      evidence: [],
      durationMs: 3,
    };
  });
}

/** A protocol result; a partial approval rests on the first two waivers of the register, which record it. */
function protocol(id: string, version: string, roll: number, register: WaiverRecord[]): ProtocolResult {
  const approval: Approval = roll < 0.6 ? 'Godkendt' : roll < 0.85 ? 'Delvist godkendt' : 'Ikke godkendt';
  const used = approval === 'Delvist godkendt' ? register.slice(0, 2) : [];
  const waived = used.length;
  const failed = approval === 'Ikke godkendt' ? 1 : 0;
  return {
    id,
    title: `Protokol ${id}`,
    version,
    standard: { name: `MedCom ${id}`, packageId: `medcom.fhir.dk.${id}`, version: '1.0.0', canonical: 'c' },
    approval,
    counts: {
      passed: CHECKPOINTS - waived - failed,
      failed,
      waived,
      pending: 0,
      'not-applicable': 0,
      'harness-error': 0,
    },
    remarks: [],
    useCases: [{ id: 'S1', title: 'use case', mandatory: true, applicable: true }],
    checkpoints: checkpoints(
      id,
      used.map((w) => w.id),
      failed,
      register[0]?.expires ?? '',
    ),
  };
}

function synthesize(): LoadedResult[] {
  const results: LoadedResult[] = [];
  for (let v = 0; v < VENDORS; v++)
    for (let p = 0; p < PROTOCOLS; p++)
      for (let w = 0; w < WEEKS; w++) {
        const at = START + w * WEEK_MS + v * 3_600_000;
        const id = `protocol-${p}`;
        // Half the vendors move to the protocol's next version in the second year: two rows per protocol.
        const version = w >= 52 && v % 2 === 0 ? '1.1.0' : '1.0.0';
        const expires = new Date(at + (30 + Math.floor(random() * 300)) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const waivers: WaiverRecord[] = [0, 1, 2].map((k) => ({
          id: `W-${v}-${p}-${k}`,
          state: 'active',
          checkpoints: [`${id.toUpperCase()}-${k + 1}`],
          reason: 'Dispensation indtil næste release',
          approvedBy: 'MedCom standardiseringsgruppen',
          granted: '2024-11-01',
          expires,
          run: true,
          appliedTo: [],
          wouldHaveCovered: [],
        }));
        const protocols = [protocol(id, version, random(), waivers)];
        for (const waiver of waivers)
          waiver.appliedTo =
            protocols[0]?.checkpoints.filter((c) => c.waiver?.id === waiver.id).map((c) => c.id) ?? [];
        const finishedAt = new Date(at).toISOString();
        const result: CertificationResult = {
          schemaVersion: '1.0',
          certbench: { version: '0.1.0' },
          run: {
            id: `run-${v}-${p}-${w}`,
            mode: 'self-test',
            driver: 'http',
            strict: false,
            startedAt: finishedAt,
            finishedAt,
          },
          sut: {
            vendor: `Leverandør ${v + 1}`,
            system: `System ${v + 1}`,
            version: `${1 + Math.floor(w / 26)}.${w % 26}.0`,
            profileSha256: '',
          },
          waiverRegister: { file: 'waivers.yaml', waivers },
          protocols,
          harnessErrors: [],
          evidence: [],
          outcome: { exitCode: 0, blocking: false, summary: '' },
        };
        results.push({ file: `/bench/${result.run.id}/certification-result.json`, result });
      }
  return results;
}

const DATES = ['--as-of', '2026-11-25', '--since', '2026-09-15', '--next-meeting', '2026-12-16'];

/** `certbench status` over the results written to disk: median wall, CPU and peak memory of 3 cold runs. */
async function cliStatus(results: LoadedResult[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'certbench-bench-status-'));
  try {
    const resultsDir = join(dir, 'results');
    for (const { result } of results) {
      await mkdir(join(resultsDir, result.run.id), { recursive: true });
      await writeFile(join(resultsDir, result.run.id, 'certification-result.json'), JSON.stringify(result));
    }
    const runs = [0, 1, 2].map(() =>
      measuredCli(['status', resultsDir, '--out', join(dir, 'status'), ...DATES]),
    );
    return (
      `certbench status over the ${results.length} result files on disk, median of 3 cold runs: ` +
      `wall ${Math.round(median(runs.map((r) => r.wallMs)))} ms, CPU ${Math.round(median(runs.map((r) => r.cpuMs)))} ms, ` +
      `peak memory ${Math.round(median(runs.map((r) => r.maxRssMiB)))} MiB`
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

ensureBuilt();
const results = synthesize();
const cli = await cliStatus(results);
const t0 = performance.now();
const model = buildStatusModel(results, {
  asOf: '2026-11-25',
  since: '2026-09-15',
  nextMeeting: '2026-12-16',
  outDir: '/bench/status',
  generator: 'certbench bench',
});
const t1 = performance.now();
const files = renderStatusFiles(model, ['da', 'en']);
const t2 = performance.now();
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
if (outDir) {
  await mkdir(outDir, { recursive: true });
  for (const file of files) await writeFile(join(outDir, file.path), file.content);
}
const kib = (path: string) => Math.round((files.find((f) => f.path === path)?.content.length ?? 0) / 1024);
console.log(cli);
console.log(
  `  in this process, from the same results in memory: ${results.length} results (${VENDORS} vendors × ${PROTOCOLS} protocols × ${WEEKS} weeks) → ` +
    `${model.systems.length}×${model.protocols.length} cells, ${model.waivers.length} waivers; ` +
    `model ${Math.round(t1 - t0)} ms, pages da+en+md ${Math.round(t2 - t1)} ms, total ${Math.round(t2 - t0)} ms; ` +
    `status.da.html ${kib('status.da.html')} KiB, status.md ${kib('status.md')} KiB`,
);
