// The certbench CLI started cold, as a user starts it (the compiled one: bin/certbench.js run as a program, with
// dist/ required), with its wall time, CPU time and peak memory measured (report-max-rss.js is loaded into the
// process).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { BENCH_PHASES_ENV, type RunTimings } from '../../src/run/timings.ts';

export interface CliMeasurement {
  wallMs: number;
  /** User + system CPU time of the CLI process and the processes it started (the Allure report generator). */
  cpuMs: number;
  /** User + system CPU time of the CLI process alone. */
  ownCpuMs: number;
  /** Peak memory of the CLI process. */
  maxRssMiB: number;
  /** `certbench run`'s own account of where its time went (src/run/run-certification.ts RunTimings). */
  phases?: RunTimings;
}

/**
 * CPU time of this process's finished children and their waited-for descendants (Linux: cutime + cstime of
 * /proc/self/stat, in USER_HZ = 100 ticks a second); undefined elsewhere.
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Builds dist/ when it is missing or older than the sources, so what is timed is the compiled CLI. */
export function ensureBuilt(): void {
  const probe = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'certbench.js'), '--version'], {
    env: { ...process.env, CERTBENCH_RUN_FROM: 'dist' },
  });
  if (probe.status === 0) return;
  const build = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'build.js')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('npm run build failed');
}

/** Runs `certbench <args>`; a non-zero exit throws with what the CLI printed. */
export function measuredCli(args: string[]): CliMeasurement {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-bench-usage-'));
  try {
    const usageFile = join(dir, 'usage.json');
    const phasesFile = join(dir, 'phases.json');
    const childrenBefore = childrenCpuMs();
    const started = performance.now();
    // The program itself, as npm start and the container start it: its first line gives Node its settings. The
    // measuring hook comes in through NODE_OPTIONS, which Node adds to those.
    const hook = `--import=${pathToFileURL(join(PACKAGE_ROOT, 'scripts', 'support', 'report-max-rss.js')).href}`;
    const child = spawnSync(join(PACKAGE_ROOT, 'bin', 'certbench.js'), args, {
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_OPTIONS: [process.env['NODE_OPTIONS'], hook].filter(Boolean).join(' '),
        CERTBENCH_BENCH_USAGE_FILE: usageFile,
        [BENCH_PHASES_ENV]: phasesFile,
        CERTBENCH_RUN_FROM: 'dist',
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = performance.now() - started;
    const childrenAfter = childrenCpuMs();
    if (child.status !== 0) throw new Error(`certbench ${args[0]} exited ${child.status}:\n${child.stderr}`);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as {
      maxRssKiB: number;
      userMs: number;
      systemMs: number;
    };
    const ownCpuMs = usage.userMs + usage.systemMs;
    const cpuMs =
      childrenBefore === undefined || childrenAfter === undefined ? ownCpuMs : childrenAfter - childrenBefore;
    let phases: RunTimings | undefined;
    try {
      phases = JSON.parse(readFileSync(phasesFile, 'utf8')) as RunTimings;
    } catch {
      // Only `certbench run` writes one.
    }
    return { wallMs, cpuMs, ownCpuMs, maxRssMiB: usage.maxRssKiB / 1024, ...(phases ? { phases } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
