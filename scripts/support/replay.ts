// The floor of npm run bench (scripts/bench.ts): every exchange of a recorded run replayed with plain undici against
// a fresh reference GP system in the recorded order (actions, observations, deliveries), while a plain HTTP server
// answers the calls the GP system makes to the counterparts with the recorded answers; ids the GP system generates
// afresh are mapped from the recorded answers to the new ones before later requests use them. The protocols'
// deliberate pauses are made at the same points.
// Each replay runs in a process of its own, started for it, as the CLI it is compared with is: undici's and the
// reference GP system's code is then as cold as in the run (a replay in a process that has replayed before is warm,
// and some 40 % faster). The process is started with the job's file and prints the replay's figures as JSON:
//   node --import tsx scripts/support/replay.ts job.json
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { request } from 'undici';
import type * as ReferenceGpModule from '../../reference-gp/index.ts';
import { allCounterparts, createCounterparts } from '../../src/counterparts/registry.ts';
import type { Exchange } from '../../src/evidence/exchange.ts';
import type { RecordedPause } from '../../src/steps-api/plan.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';

/** What a replay needs of a recorded run. */
export interface ReplayJob {
  /** The run folder, and its exchange files in it. */
  dir: string;
  exchangeFiles: string[];
  /** The protocols' deliberate pauses, in the order made, with the protocol of the test case that made each. */
  pauses: (RecordedPause & { protocol: string })[];
  /** Each test case's protocol and interval (epoch ms). */
  cases: { protocol: string; start: number; end: number }[];
  variants: Record<string, string>;
}

function exchangesOf(job: ReplayJob): Exchange[] {
  return job.exchangeFiles
    .map((file) => JSON.parse(readFileSync(join(job.dir, file), 'utf8')) as Exchange)
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

export interface Replay {
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

async function replay(job: ReplayJob): Promise<Replay> {
  const { variants } = job;
  const exchanges = exchangesOf(job);
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
  const pauses = [...job.pauses];
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
    const protocol = job.cases.find((c) => at >= c.start - 1 && at <= c.end + 1)?.protocol ?? '?';
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

/** Serialised for the parent: the maps as entries. */
type ReplayJson = Omit<Replay, 'protocolMs' | 'protocolPauseMs'> & {
  protocolMs: [string, number][];
  protocolPauseMs: [string, number][];
};

/** Replays a job in a fresh process (this file), and returns its figures. */
export async function replayInFreshProcess(jobFile: string): Promise<Replay> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), jobFile], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`the replay exited ${code}`);
  const json = JSON.parse(out) as ReplayJson;
  return { ...json, protocolMs: new Map(json.protocolMs), protocolPauseMs: new Map(json.protocolPauseMs) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const job = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ReplayJob;
  const r = await replay(job);
  const json: ReplayJson = { ...r, protocolMs: [...r.protocolMs], protocolPauseMs: [...r.protocolPauseMs] };
  process.stdout.write(JSON.stringify(json));
}
