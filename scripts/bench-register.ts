// The results register at the steering group's scale (issue 20): 10 systems × 6 protocols × 104 weekly runs = 6,240
// records made from the records of a real reference run (one protocol each, with their checkpoints, evidence lists
// and validation records), written to disk, imported with the real CLI, then `certbench status --register` timed as
// a user runs it (a new process, cold), with its peak memory. Both engines: PGlite in a folder and a PostgreSQL
// server started from Debian's binaries.
//
//   node --import tsx scripts/bench-register.ts [--systems N] [--engine pglite|postgres|both] [--keep]
//
// Past 10 systems the records are registered from memory (see registerInMemory).
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Approval, CertificationResult } from '../src/result/types.ts';
import { PACKAGE_ROOT } from '../src/run/package-root.ts';
import { openRegister } from '../src/register/open.ts';
import { registerRecord } from '../src/register/record.ts';
import { startLocalPostgres } from '../test/support/postgres.ts';
import { seededRandom } from './support/seeded-random.ts';

const { values } = parseArgs({
  options: {
    systems: { type: 'string', default: '10' },
    engine: { type: 'string', default: 'both' },
    keep: { type: 'boolean', default: false },
  },
});
const SYSTEMS = Number(values.systems);
const WEEKS = 104;
const START = Date.parse('2024-12-02T09:00:00Z');
const WEEK_MS = 7 * 86_400_000;
const CLI = join(PACKAGE_ROOT, 'bin', 'certbench.js');
const RSS_HOOK = join(PACKAGE_ROOT, 'scripts', 'support', 'report-max-rss.js');

const random = seededRandom(20261205);

interface Timed {
  wallMs: number;
  maxRssMiB: number;
  stderr: string;
}

/** Runs the CLI in a new process; wall time and peak RSS as a user would see them. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<Timed> {
  const rssFile = join(tmpdir(), `certbench-bench-rss-${process.pid}-${Date.now()}`);
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', RSS_HOOK, CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, CERTBENCH_BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0)
    throw new Error(`certbench ${args.join(' ')} exited ${child.status}:\n${child.stderr.slice(-2000)}`);
  const maxRssMiB = Number(await readFile(rssFile, 'utf8')) / 1024;
  await rm(rssFile, { force: true });
  return { wallMs, maxRssMiB, stderr: child.stderr };
}

/** One single-protocol record per protocol of a real reference run. */
async function templates(dir: string): Promise<CertificationResult[]> {
  const out = join(dir, 'template-run');
  const run = spawnSync(
    process.execPath,
    [CLI, 'run', '--reference-gp', '--all', '--no-html', '--no-summary', '--out', out],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`reference run failed: ${run.stderr}`);
  const record = JSON.parse(
    await readFile(join(out, 'certification-result.json'), 'utf8'),
  ) as CertificationResult;
  // The evidence files stay with the template run: the copies carry no evidence list, so the folder form's
  // integrity check finds nothing missing (it would otherwise hash the template's files thousands of times).
  return record.protocols.map((protocol) => ({
    ...record,
    protocols: [{ ...protocol, checkpoints: protocol.checkpoints.map((c) => ({ ...c, evidence: [] })) }],
    evidence: [],
    validation: record.validation ?? [],
  }));
}

/** A week's run of one system and protocol: the template with its identity, time and a drawn outcome. */
function weekly(template: CertificationResult, system: number, week: number): CertificationResult {
  const finishedAt = new Date(START + week * WEEK_MS + system * 3_600_000).toISOString();
  const roll = random();
  const approval: Approval = roll < 0.6 ? 'Godkendt' : roll < 0.85 ? 'Delvist godkendt' : 'Ikke godkendt';
  const [protocol] = template.protocols;
  if (!protocol) throw new Error('template without protocol');
  const failing = approval === 'Ikke godkendt' ? 1 : 0;
  const checkpoints = protocol.checkpoints.map((c, i) =>
    i < failing ? { ...c, status: 'failed' as const, message: 'bench: drawn failure' } : c,
  );
  return {
    ...template,
    run: {
      ...template.run,
      id: `bench-${system}-${protocol.id}-${week}`,
      mode: week % 13 === 12 ? 'certify' : 'self-test',
      startedAt: new Date(Date.parse(finishedAt) - 60_000).toISOString(),
      finishedAt,
    },
    sut: {
      ...template.sut,
      vendor: `Vendor ${system % 10}`,
      system: `System ${system}`,
      version: `4.${week >> 4}.0`,
    },
    protocols: [
      {
        ...protocol,
        approval,
        counts: { ...protocol.counts, failed: (protocol.counts.failed ?? 0) + failing },
        checkpoints,
      },
    ],
  };
}

/**
 * Past 10 systems the records are not written as files (100 systems would be 8 GB): each is registered straight
 * from memory through the register's own code, one transaction per record as `register import` does, without
 * reading and checking a file; the folder form is not timed.
 */
async function registerInMemory(
  bases: readonly CertificationResult[],
  target: string,
): Promise<{ wallMs: number; count: number; bytes: number }> {
  const register = await openRegister(target, PACKAGE_ROOT);
  const started = performance.now();
  let count = 0;
  let bytes = 0;
  try {
    for (let system = 0; system < SYSTEMS; system += 1)
      for (const base of bases)
        for (let week = 0; week < WEEKS; week += 1) {
          const result = weekly(base, system, week);
          const text = Buffer.from(`${JSON.stringify(result, null, 2)}\n`);
          bytes += text.byteLength;
          count += 1;
          const location = join('/bench', `s${system}`, result.protocols[0]?.id ?? 'p', `w${week}`);
          await registerRecord(register.db, {
            bytes: text,
            result,
            location: join(location, 'certification-result.json'),
            submittedBy: 'bench',
            signature: { state: 'not-signed' },
          });
        }
  } finally {
    await register.close();
  }
  return { wallMs: performance.now() - started, count, bytes };
}

async function timeStatus(target: string, out: string): Promise<{ wallMs: number; maxRssMiB: number }> {
  const statuses: Timed[] = [];
  for (let i = 0; i < 3; i += 1)
    statuses.push(await cli(['status', '--register', target, '--out', out, '--as-of', '2026-12-01']));
  statuses.sort((a, b) => a.wallMs - b.wallMs);
  const median = statuses[1] ?? statuses[0];
  if (!median) throw new Error('no status timing');
  return { wallMs: median.wallMs, maxRssMiB: Math.max(...statuses.map((s) => s.maxRssMiB)) };
}

async function mainInMemory(dir: string): Promise<void> {
  const bases = await templates(dir);
  const engines = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine ?? 'pglite'];
  const postgres = engines.includes('postgres') ? await startLocalPostgres() : undefined;
  try {
    for (const engine of engines) {
      const target = engine === 'postgres' && postgres ? await postgres.newDatabase() : join(dir, 'register');
      const imported = await registerInMemory(bases, target);
      console.log(
        `bench-register: ${imported.count} records (${SYSTEMS} systems × ${bases.length} protocols × ${WEEKS} weeks, ${(imported.bytes / 2 ** 20).toFixed(0)} MiB as JSON), registered from memory`,
      );
      const status = await timeStatus(target, join(dir, `status-${engine}`));
      console.log(
        `  ${engine.padEnd(8)} register: ${(imported.wallMs / 1000).toFixed(1)} s wall; ` +
          `status --register (median of 3): ${(status.wallMs / 1000).toFixed(2)} s wall, ${status.maxRssMiB.toFixed(0)} MiB peak` +
          (engine === 'postgres' ? ` (database ${target.replace(/:[^:@/]*@/, ':***@')})` : ''),
      );
    }
  } finally {
    postgres?.stop();
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'certbench-bench-register-'));
  try {
    if (SYSTEMS > 10) return await mainInMemory(dir);
    const bases = await templates(dir);
    const results = join(dir, 'results');
    let bytes = 0;
    let count = 0;
    for (let system = 0; system < SYSTEMS; system += 1)
      for (const base of bases)
        for (let week = 0; week < WEEKS; week += 1) {
          const record = weekly(base, system, week);
          const folder = join(results, `s${system}`, record.protocols[0]?.id ?? 'p', `w${week}`);
          await mkdir(folder, { recursive: true });
          const text = `${JSON.stringify(record, null, 2)}\n`;
          bytes += Buffer.byteLength(text);
          count += 1;
          await writeFile(join(folder, 'certification-result.json'), text);
        }
    console.log(
      `bench-register: ${count} records (${SYSTEMS} systems × ${bases.length} protocols × ${WEEKS} weeks), ${(bytes / 2 ** 20).toFixed(0)} MiB on disk`,
    );
    const folderStatus = await cli([
      'status',
      results,
      '--out',
      join(dir, 'status-folder'),
      '--as-of',
      '2026-12-01',
    ]);
    console.log(
      `  status from the folder:     ${(folderStatus.wallMs / 1000).toFixed(2)} s wall, ${folderStatus.maxRssMiB.toFixed(0)} MiB peak`,
    );
    const engines = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine ?? 'pglite'];
    const postgres = engines.includes('postgres') ? await startLocalPostgres() : undefined;
    try {
      for (const engine of engines) {
        const target =
          engine === 'postgres' && postgres ? await postgres.newDatabase() : join(dir, 'register');
        const imported = await cli(['register', 'import', results, '--register', target]);
        const statuses: Timed[] = [];
        for (let i = 0; i < 3; i += 1)
          statuses.push(
            await cli([
              'status',
              '--register',
              target,
              '--out',
              join(dir, `status-${engine}`),
              '--as-of',
              '2026-12-01',
            ]),
          );
        statuses.sort((a, b) => a.wallMs - b.wallMs);
        const median = statuses[1] ?? statuses[0];
        if (!median) throw new Error('no status timing');
        const same =
          (await readFile(join(dir, `status-${engine}`, 'status.md'), 'utf8')) ===
          (await readFile(join(dir, 'status-folder', 'status.md'), 'utf8'));
        console.log(
          `  ${engine.padEnd(8)} import: ${(imported.wallMs / 1000).toFixed(1)} s wall, ${imported.maxRssMiB.toFixed(0)} MiB peak; ` +
            `status --register (median of 3): ${(median.wallMs / 1000).toFixed(2)} s wall, ${Math.max(...statuses.map((s) => s.maxRssMiB)).toFixed(0)} MiB peak; ` +
            `same page as the folder: ${same ? 'yes' : 'NO'}`,
        );
      }
    } finally {
      postgres?.stop();
    }
  } finally {
    if (values.keep) console.log(`  kept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

await main();
