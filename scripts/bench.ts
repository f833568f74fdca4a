// Performance benchmark (kept out of the tests, which must not be timed). Times what a user waits for: the compiled
// CLI, started cold as a user starts it, running every protocol against the reference GP system with the HTML
// report, BENCH_RUNS times (default 3): wall time, CPU time and peak memory of the CLI process, and the checkpoint
// phase (cucumber's test run, from messages.ndjson). The floor: every exchange of that run replayed with plain
// undici against a fresh reference GP system in the recorded order (actions, observations, deliveries), while a
// plain HTTP server answers the calls the GP system makes to the counterparts with the recorded answers; ids the
// GP system generates afresh are mapped from the recorded answers to the new ones before later requests use them.
// Each run is replayed BENCH_REPLAYS times (default 3) and its floor is the median replay: a single replay moves by
// half from one to the next. The ratio of the checkpoint phase to that floor is printed overall and per protocol.
// A protocol's deliberate pauses (acknowledgement-send holds its acknowledgements a second: PlanEnv.pause) are
// recorded in messages.ndjson; the replay makes each at the same point (before the first request that followed it),
// so the floor means the same exchanges. Two ratios are printed: with the pauses on both sides (what a user waits
// for) and without them on either side (certbench's own overhead, the figure the goal of ≤ 2.5 is about).
//
//   npm run bench            (BENCH_RUNS=5 npm run bench for more runs)
// The CLI is started as a program (bin/certbench.js through its first line, as npm start and the container start it),
// so its memory settings are what is measured.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Envelope } from '@cucumber/messages';
import { request } from 'undici';
import type * as ReferenceGpModule from '../reference-gp/index.ts';
import { allCounterparts, createCounterparts } from '../src/counterparts/registry.ts';
import type { Exchange } from '../src/evidence/exchange.ts';
import { PAUSE_MEDIA_TYPE } from '../src/checks/media-types.ts';
import type { RecordedPause } from '../src/steps-api/plan.ts';
import { loadProfile } from '../src/profile/load.ts';
import { profileVariants } from '../src/protocols/variants.ts';
import type { CertificationResult } from '../src/result/types.ts';
import type { RunTimings } from '../src/run/timings.ts';
import { PACKAGE_ROOT } from '../src/run/package-root.ts';
import { ensureBuilt, measuredCli, median, type CliMeasurement } from './support/measured-cli.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
/** Replays of each run: the floor is their median, since one replay alone moves by half from one to the next. */
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

function exchangesOf(run: ColdRun): Exchange[] {
  return run.result.evidence
    .filter((e) => e.kind === 'exchange')
    .map((e) => JSON.parse(readFileSync(join(run.dir, e.file), 'utf8')) as Exchange)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Learns recorded → replayed values where the two answers differ: the ids the GP system generated afresh. */
function learnIds(recorded: unknown, replayed: unknown, ids: Map<string, string>): void {
  if (typeof recorded === 'string' && typeof replayed === 'string') {
    if (recorded === replayed || recorded.length < 8) return;
    ids.set(recorded, replayed);
    const inReplay = replayed.match(UUID) ?? [];
    (recorded.match(UUID) ?? []).forEach((u, i) => inReplay[i] && ids.set(u, inReplay[i]));
  } else if (Array.isArray(recorded) && Array.isArray(replayed)) {
    recorded.forEach((r, i) => learnIds(r, replayed[i], ids));
  } else if (recorded && replayed && typeof recorded === 'object' && typeof replayed === 'object') {
    for (const [key, value] of Object.entries(recorded))
      learnIds(value, (replayed as Record<string, unknown>)[key], ids);
  }
}

function mapped(text: string, ids: Map<string, string>): string {
  let out = text;
  for (const [from, to] of ids) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

function parsed(text: string | undefined): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

const SKIPPED_HEADERS = new Set([
  'authorization',
  'host',
  'content-length',
  'connection',
  'transfer-encoding',
]);

interface Replay {
  totalMs: number;
  protocolMs: Map<string, number>;
  /** Of totalMs and protocolMs: the pauses the replay made where the run made them. */
  pauseMs: number;
  protocolPauseMs: Map<string, number>;
  requests: number;
  sameStatus: number;
  counterpartCalls: number;
  /** Calls of the GP system recorded as evidence in the run, and the paths where the replay's count differs. */
  recordedCalls: number;
  unrecorded: string[];
  truncated: number;
}

async function replay(run: ColdRun, variants: Record<string, string>): Promise<Replay> {
  const exchanges = exchangesOf(run);
  const outgoing = exchanges.filter((e) => e.direction === 'outgoing');
  const incoming = exchanges.filter((e) => e.direction === 'incoming');
  // The counterparts: the recorded answer to each call, in the order the calls came.
  const answers = new Map<string, Exchange[]>();
  const recordedByPath = new Map<string, number>();
  for (const e of incoming) {
    const key = `${e.request.method} ${new URL(e.request.url).pathname}`;
    answers.set(key, [...(answers.get(key) ?? []), e]);
    recordedByPath.set(key, (recordedByPath.get(key) ?? 0) + 1);
  }
  let counterpartCalls = 0;
  const callsByPath = new Map<string, number>();
  const standIn = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      counterpartCalls++;
      const key = `${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`;
      callsByPath.set(key, (callsByPath.get(key) ?? 0) + 1);
      // Recorded answers in turn, the last again for any call beyond them; a call no exchange was recorded for
      // (unrecorded below: acknowledgements, which the stand-in answers alike) takes its turn too.
      const queue = answers.get(key) ?? [];
      const answer = (queue.length > 1 ? queue.shift() : queue[0])?.response;
      res
        .writeHead(answer?.status ?? 200, {
          'content-type': answer?.headers['content-type'] ?? 'application/json',
        })
        .end(answer?.body?.text ?? '{}');
    });
  });
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
  const standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
  const { startReferenceGp } = (await import(
    pathToFileURL(join(PACKAGE_ROOT, 'dist', 'reference-gp', 'index.js')).href
  )) as typeof ReferenceGpModule;
  const token = 'bench-token-value';
  const gp = await startReferenceGp({ token, faults: [], variants });
  const counterparts = Object.fromEntries(
    allCounterparts(createCounterparts()).map((c) => [
      c.sessionKey,
      `${standInUrl}${c.pathPrefix}${c.endpoint}`,
    ]),
  );
  await request(`${gp.url}/certbench/v1/session`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ runId: 'bench', counterparts, variants }),
  }).then((r) => r.body.text());
  const ids = new Map<string, string>();
  const first = outgoing[0];
  if (first) ids.set(new URL(first.request.url).origin, new URL(gp.url).origin);
  const protocolMs = new Map<string, number>();
  const protocolPauseMs = new Map<string, number>();
  const add = (m: Map<string, number>, protocol: string, x: number) =>
    m.set(protocol, (m.get(protocol) ?? 0) + x);
  let pauseMs = 0;
  const pauses = [...run.pauses];
  let sameStatus = 0;
  const started = performance.now();
  for (const e of outgoing) {
    // The run's deliberate pauses made before this request, made here too.
    while (pauses[0] && pauses[0].startedAt <= e.startedAt) {
      const pause = pauses.shift()!;
      const t = performance.now();
      await new Promise((resolve) => setTimeout(resolve, pause.requestedMs));
      const took = performance.now() - t;
      pauseMs += took;
      add(protocolMs, pause.protocol, took);
      add(protocolPauseMs, pause.protocol, took);
    }
    const headers = Object.fromEntries(
      Object.entries(e.request.headers).filter(([name]) => !SKIPPED_HEADERS.has(name.toLowerCase())),
    );
    const body = e.request.body?.text;
    const t = performance.now();
    const answer = await request(mapped(e.request.url, ids), {
      method: e.request.method as 'POST',
      headers: { ...headers, authorization: `Bearer ${token}` },
      ...(body ? { body: mapped(body, ids) } : {}),
    });
    const text = await answer.body.text();
    const at = Date.parse(e.startedAt);
    const protocol = run.cases.find((c) => at >= c.start - 1 && at <= c.end + 1)?.protocol ?? '?';
    add(protocolMs, protocol, performance.now() - t);
    if (answer.statusCode === e.response?.status) sameStatus++;
    learnIds(parsed(e.response?.body?.text), parsed(text), ids);
  }
  // The floor includes the calls the GP system makes to the counterparts: wait for as many as were recorded.
  const waitUntil = performance.now() + 10_000;
  while (counterpartCalls < incoming.length && performance.now() < waitUntil)
    await new Promise((resolve) => setTimeout(resolve, 5));
  const totalMs = performance.now() - started;
  // Not every call the GP system makes is evidence: it acknowledges every HomeCareObservation delivered (in
  // kommunale-proevesvar too), and only the acknowledgements an acknowledgement-send checkpoint judges are attached.
  // The run received those calls as well; they are named here so the two counts are not mistaken for a fault.
  const unrecorded = [...callsByPath]
    .filter(([key, n]) => n !== (recordedByPath.get(key) ?? 0))
    .map(([key, n]) => `${key} ${n} (${recordedByPath.get(key) ?? 0} recorded)`);
  await gp.stop();
  await new Promise<void>((resolve) => standIn.close(() => resolve()));
  return {
    totalMs,
    protocolMs,
    pauseMs,
    protocolPauseMs,
    requests: outgoing.length,
    sameStatus,
    counterpartCalls,
    recordedCalls: incoming.length,
    unrecorded,
    truncated: exchanges.filter((e) => e.request.body?.truncated || e.response?.body?.truncated).length,
  };
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
  const again: Replay[] = [];
  for (let k = 0; k < REPLAYS; k++) again.push(await replay(run, variants));
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
  `  replay floor (undici):  ${ms(floorMs)} with the pauses, ${ms(ownFloorMs)} without (median of ${REPLAYS} replays of each run; each replay without the pauses ${ms(Math.min(...floorsMs))}–${ms(Math.max(...floorsMs))}); ${last?.requests} requests (${last?.sameStatus} answered with the recorded status), ${last?.counterpartCalls} calls of the GP system to the counterparts (${last?.recordedCalls} recorded as evidence${last?.unrecorded.length ? `; the others are calls the run received but attached to no checkpoint: ${last.unrecorded.join(', ')}` : ''})${last?.truncated ? `, ${last.truncated} exchanges with a cut body` : ''}`,
  `  ratio certbench/floor:  ${(ownPhaseMs / ownFloorMs).toFixed(1)} without the pauses (certbench's own overhead; goal ≤ 2.5), ${(phaseMs / floorMs).toFixed(1)} with them (what a user waits for)`,
  `  per protocol, without the pauses (test cases / replayed requests): ${perProtocol.join(', ')}`,
  `  where the wall time goes (median, the CLI's own marks; CPU time and peak memory of the CLI process): ${phaseLine(runs)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
