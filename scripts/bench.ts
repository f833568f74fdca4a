// Performance benchmark (kept out of the tests, which must not be timed). Times what a user waits for: the compiled
// CLI, started cold as a user starts it, running every protocol against the reference GP system with the HTML
// report, BENCH_RUNS times (default 3): wall time, CPU time and peak memory of the CLI process, and the checkpoint
// phase (cucumber's test run, from messages.ndjson). The CLI is started as a program (bin/certbench.js through its
// first line, as npm start and the container start it), so its memory settings are what is measured.
// The floor: every exchange of that run replayed with plain undici against a fresh reference GP system
// (scripts/support/replay.ts), each replay in a process of its own, as cold as the CLI. Each run is replayed
// BENCH_REPLAYS times (default 3) and its floor is the median replay. The ratio of the checkpoint phase to that floor
// is printed overall and per protocol.
// A protocol's deliberate pauses (acknowledgement-send holds its acknowledgements a second: PlanEnv.pause) are
// recorded in messages.ndjson; the replay makes each at the same point (before the first request that followed it),
// so the floor means the same exchanges. Two ratios are printed: with the pauses on both sides (the same exchanges at
// the same pace: what a user waits for) and without them on either side (certbench's own overhead alone).
//
//   npm run bench            (BENCH_RUNS=5 npm run bench for more runs)
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { PAUSE_MEDIA_TYPE } from '../src/checks/media-types.ts';
import type { RecordedPause } from '../src/steps-api/plan.ts';
import { loadProfile } from '../src/profile/load.ts';
import { profileVariants } from '../src/protocols/variants.ts';
import type { CertificationResult } from '../src/result/types.ts';
import type { RunTimings } from '../src/run/timings.ts';
import { PACKAGE_ROOT } from '../src/run/package-root.ts';
import { replayInFreshProcess, type Replay, type ReplayJob } from './support/replay.ts';
import { ensureBuilt, measuredCli, median, type CliMeasurement } from './support/measured-cli.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
/** Replays of each run: its floor is their median. */
const REPLAYS = Number(process.env['BENCH_REPLAYS'] ?? 3);
const ms = (x: number) => `${x.toFixed(0)} ms`;

interface ColdRun extends CliMeasurement {
  dir: string;
  phaseMs: number;
  /** Test case time per protocol and each test case's protocol and interval, from messages.ndjson. */
  protocolMs: Map<string, number>;
  cases: { protocol: string; start: number; end: number }[];
  /** The protocols' deliberate pauses, in the order made, with the protocol of the test case that made each. */
  pauses: (RecordedPause & { protocol: string })[];
  checkpoints: number;
  result: CertificationResult;
}

async function coldRun(): Promise<ColdRun> {
  const out = await mkdtemp(join(tmpdir(), 'certbench-bench-'));
  const measured = measuredCli(['run', '--reference-gp', '--no-summary', '--out', out]);
  const result = JSON.parse(
    readFileSync(join(out, 'certification-result.json'), 'utf8'),
  ) as CertificationResult;
  const phase = checkpointPhase(readFileSync(join(out, 'messages.ndjson'), 'utf8'));
  return {
    dir: out,
    ...measured,
    ...phase,
    checkpoints: result.protocols.reduce(
      (n, p) => n + p.checkpoints.filter((c) => c.steps.length > 0).length,
      0,
    ),
    result,
  };
}

/** Cucumber's test run (the checkpoint phase) and each test case's protocol and interval. */
function checkpointPhase(ndjson: string): Pick<ColdRun, 'phaseMs' | 'protocolMs' | 'cases' | 'pauses'> {
  const at = (t: { seconds: number; nanos: number }) => t.seconds * 1000 + t.nanos / 1e6;
  const protocolOfPickle = new Map<string, string>();
  const pickleOfCase = new Map<string, string>();
  const startOfAttempt = new Map<string, { caseId: string; start: number }>();
  const cases: ColdRun['cases'] = [];
  const pauses: ColdRun['pauses'] = [];
  let runStart = 0;
  let runEnd = 0;
  for (const line of ndjson.split('\n')) {
    if (!line) continue;
    const m = JSON.parse(line) as Envelope;
    if (m.pickle) {
      const tag = m.pickle.tags.find((t) => t.name.startsWith('@protocol:'));
      protocolOfPickle.set(m.pickle.id, tag?.name.slice('@protocol:'.length) ?? '?');
    } else if (m.testCase) pickleOfCase.set(m.testCase.id, m.testCase.pickleId);
    else if (m.testRunStarted) runStart = at(m.testRunStarted.timestamp);
    else if (m.testRunFinished) runEnd = at(m.testRunFinished.timestamp);
    else if (m.testCaseStarted)
      startOfAttempt.set(m.testCaseStarted.id, {
        caseId: m.testCaseStarted.testCaseId,
        start: at(m.testCaseStarted.timestamp),
      });
    else if (m.attachment?.mediaType === PAUSE_MEDIA_TYPE) {
      const attempt = startOfAttempt.get(m.attachment.testCaseStartedId ?? '');
      const protocol = protocolOfPickle.get(pickleOfCase.get(attempt?.caseId ?? '') ?? '') ?? '?';
      pauses.push({ ...(JSON.parse(m.attachment.body) as RecordedPause), protocol });
    } else if (m.testCaseFinished) {
      const attempt = startOfAttempt.get(m.testCaseFinished.testCaseStartedId);
      if (!attempt) continue;
      const protocol = protocolOfPickle.get(pickleOfCase.get(attempt.caseId) ?? '') ?? '?';
      cases.push({ protocol, start: attempt.start, end: at(m.testCaseFinished.timestamp) });
    }
  }
  const protocolMs = new Map<string, number>();
  for (const c of cases) protocolMs.set(c.protocol, (protocolMs.get(c.protocol) ?? 0) + c.end - c.start);
  pauses.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return { phaseMs: runEnd - runStart, protocolMs, cases, pauses };
}

ensureBuilt();
const profile = await loadProfile(join(PACKAGE_ROOT, 'profiles', 'reference-gp.yaml'));
const variants = profileVariants(profile);
const runs: ColdRun[] = [];
const replays: Replay[] = [];
/** Every replay's floor without the pauses, for the spread. */
const floorsMs: number[] = [];
const ownMs = (r: Replay) => r.totalMs - r.pauseMs;
for (let i = 0; i < RUNS; i++) {
  const run = await coldRun();
  runs.push(run);
  const job: ReplayJob = {
    dir: run.dir,
    exchangeFiles: run.result.evidence.filter((e) => e.kind === 'exchange').map((e) => e.file),
    pauses: run.pauses,
    cases: run.cases,
    variants,
  };
  const jobFile = join(run.dir, 'bench-replay-job.json');
  await writeFile(jobFile, JSON.stringify(job));
  const again: Replay[] = [];
  for (let k = 0; k < REPLAYS; k++) again.push(await replayInFreshProcess(jobFile));
  floorsMs.push(...again.map(ownMs));
  // The run's floor: its median replay (without the pauses), with that replay's figures per protocol.
  const byOwn = [...again].sort((a, b) => ownMs(a) - ownMs(b));
  replays.push(byOwn[Math.floor(byOwn.length / 2)]!);
  await rm(run.dir, { recursive: true, force: true });
}
const last = replays.at(-1);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Each run's pauses, all and per protocol. */
const runPauseMs = (r: ColdRun, protocol?: string) =>
  sum(r.pauses.filter((p) => protocol === undefined || p.protocol === protocol).map((p) => p.ms));
const phaseMs = median(runs.map((r) => r.phaseMs));
const floorMs = median(replays.map((r) => r.totalMs));
const ownPhaseMs = median(runs.map((r) => r.phaseMs - runPauseMs(r)));
const ownFloorMs = median(replays.map((r) => r.totalMs - r.pauseMs));
const pauseMs = median(runs.map((r) => runPauseMs(r)));
const pauses = runs[0]?.pauses ?? [];
const checkpoints = runs[0]?.checkpoints ?? 0;
const protocols = [...(runs[0]?.protocolMs.keys() ?? [])];
const perProtocol = protocols.map((p) => {
  const mine = median(runs.map((r) => (r.protocolMs.get(p) ?? 0) - runPauseMs(r, p)));
  const floor = median(replays.map((r) => (r.protocolMs.get(p) ?? 0) - (r.protocolPauseMs.get(p) ?? 0)));
  const paused = median(runs.map((r) => runPauseMs(r, p)));
  return `${p} ${(mine / floor).toFixed(1)} (${ms(mine)} / ${ms(floor)}${paused > 0 ? `; ${ms(paused)} of pauses left out` : ''})`;
});
function phaseLine(measured: ColdRun[]): string {
  const marked = measured.flatMap((r) => (r.phases ? [r.phases] : []));
  if (marked.length === 0) return 'not reported';
  const phases = [
    ['before the run (loading the CLI)', 'beforeRun', (t: RunTimings) => t.beforeRunMs],
    ['start-up', 'startup', (t: RunTimings) => t.startupMs],
    ['checkpoints', 'checkpoints', (t: RunTimings) => t.checkpointsMs],
    ["reports (Allure's HTML in its own process)", 'reporting', (t: RunTimings) => t.reportingMs],
  ] as const;
  return phases
    .map(
      ([name, key, wall]) =>
        `${name} ${ms(median(marked.map(wall)))} (${ms(median(marked.map((t) => t.cpuMs[key])))} CPU, peak ${median(marked.map((t) => t.peakMiB[key])).toFixed(0)} MiB by its end)`,
    )
    .join(', ');
}

const lines = [
  `certbench benchmark: the compiled CLI run cold ${RUNS}× (every protocol against the reference GP system, HTML report included; ${checkpoints} checkpoints run)`,
  `  full run, median:       wall ${ms(median(runs.map((r) => r.wallMs)))}, CPU ${ms(median(runs.map((r) => r.cpuMs)))} (user+system, with the Allure report's process; the CLI process alone ${ms(median(runs.map((r) => r.ownCpuMs)))}), peak memory ${median(runs.map((r) => r.maxRssMiB)).toFixed(0)} MiB (highest ${Math.max(...runs.map((r) => r.maxRssMiB)).toFixed(0)} MiB)`,
  `  deliberate pauses:      ${ms(pauseMs)} in ${pauses.length} pause(s) the protocols make (${[...new Set(pauses.map((p) => `${p.protocol}: ${p.why}, ${p.requestedMs} ms`))].join('; ') || 'none'}); the replay makes them too`,
  `  checkpoint phase:       ${ms(phaseMs)} with the pauses, ${ms(ownPhaseMs)} without; ${(ownPhaseMs / checkpoints).toFixed(1)} ms per checkpoint without`,
  `  replay floor (undici):  ${ms(floorMs)} with the pauses, ${ms(ownFloorMs)} without (median of ${REPLAYS} replays of each run, each in a fresh process; each replay without the pauses ${ms(Math.min(...floorsMs))}–${ms(Math.max(...floorsMs))}); ${last?.requests} requests (${last?.sameStatus} answered with the recorded status), ${last?.counterpartCalls} calls of the GP system to the counterparts (${last?.recordedCalls} recorded as evidence${last?.unrecorded.length ? `; the others are calls the run received but attached to no checkpoint: ${last.unrecorded.join(', ')}` : ''})${last?.truncated ? `, ${last.truncated} exchanges with a cut body` : ''}`,
  `  ratio certbench/floor:  ${(ownPhaseMs / ownFloorMs).toFixed(1)} without the pauses (certbench's own overhead), ${(phaseMs / floorMs).toFixed(1)} with them (the same exchanges at the same pace: what a user waits for); goal ≤ 2.5`,
  `  per protocol, without the pauses (test cases / replayed requests): ${perProtocol.join(', ')}`,
  `  where the wall time goes (median, the CLI's own marks; CPU time and peak memory of the CLI process): ${phaseLine(runs)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
