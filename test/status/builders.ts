// Tiny builders for status-report tests: a certification result with only what the report reads.
import type {
  Approval,
  CertificationResult,
  CheckpointResult,
  ProtocolResult,
  WaiverRecord,
} from '../../src/result/types.ts';
import { Writable } from 'node:stream';
import { makeEnvironment, type RunEnvironment } from '../../src/environment/environment.ts';
import type { LoadedResult } from '../../src/status/types.ts';

let counter = 0;

export interface RunSpec {
  vendor?: string;
  system?: string;
  version?: string;
  /** Day or instant; a day means 10:00 UTC that day. */
  at: string;
  mode?: 'self-test' | 'certify';
  protocols?: {
    id?: string;
    version?: string;
    approval: Approval;
    waived?: { id: string; expires: string }[];
    /** Every checkpoint pending or not applicable: the run judged nothing. */
    nothingJudged?: boolean;
  }[];
  /** The run judged its waivers as of this instant (`--as-of`). */
  waiversJudgedAt?: string;
  waivers?: Partial<WaiverRecord>[];
  harnessErrors?: number;
  allureReport?: string;
}

/** A loaded result; defaults: EG A/S Clinea 4.2.0, one diagnosekort 1.0.0 protocol. */
export function run(spec: RunSpec): LoadedResult {
  counter += 1;
  const finishedAt = spec.at.length === 10 ? `${spec.at}T10:00:00.000Z` : spec.at;
  const result: CertificationResult = {
    schemaVersion: '1.0',
    certbench: { version: '0.1.0' },
    run: {
      id: `run-${String(counter).padStart(5, '0')}`,
      mode: spec.mode ?? 'self-test',
      driver: 'http',
      strict: false,
      startedAt: finishedAt,
      finishedAt,
      ...(spec.waiversJudgedAt ? { waiversJudgedAt: spec.waiversJudgedAt } : {}),
    },
    sut: {
      vendor: spec.vendor ?? 'EG A/S',
      system: spec.system ?? 'Clinea',
      version: spec.version ?? '4.2.0',
      profileSha256: '0'.repeat(64),
    },
    ...(spec.waivers ? { waiverRegister: { file: 'w.yaml', waivers: spec.waivers.map(waiverRecord) } } : {}),
    protocols: (spec.protocols ?? [{ approval: 'Godkendt' }]).map((p) =>
      protocol(p.id ?? 'diagnosekort', p.version ?? '1.0.0', p.approval, p.waived ?? [], p.nothingJudged),
    ),
    harnessErrors: Array.from({ length: spec.harnessErrors ?? 0 }, () => ({
      kind: 'step-exception' as const,
      message: 'boom',
    })),
    evidence: [],
    outcome: { exitCode: 0, blocking: false, summary: '' },
  };
  return {
    file: `/results/${result.run.id}/certification-result.json`,
    result,
    ...(spec.allureReport ? { allureReport: spec.allureReport } : {}),
  };
}

function protocol(
  id: string,
  version: string,
  approval: Approval,
  waived: { id: string; expires: string }[],
  nothingJudged = false,
): ProtocolResult {
  const failed = approval === 'Ikke godkendt' ? 1 : 0;
  const pending = nothingJudged ? 50 : approval === 'Delvist godkendt' && waived.length === 0 ? 1 : 0;
  return {
    id,
    title: id === 'diagnosekort' ? 'Diagnosekort' : id,
    version,
    standard: { name: 'MedCom ConditionList', packageId: 'p', version: '1.0.1', canonical: 'c' },
    approval,
    counts: {
      passed: nothingJudged ? 0 : 50 - failed - pending - waived.length,
      failed,
      waived: waived.length,
      pending,
      'not-applicable': 0,
      'harness-error': 0,
    },
    remarks: [],
    useCases: [],
    checkpoints: [
      ...(failed ? [checkpoint('DK-3.3.1.11', 'failed', 'Tillægstekst deles ikke', 'F2')] : []),
      ...waived.map((w, i) => waivedCheckpoint(`DK-9.${i}`, w)),
      ...Array.from({ length: pending }, (_, i) =>
        checkpoint(`DK-XDS-${i + 1}`, 'pending', 'Versionering af delte dokumenter', 'F3'),
      ),
    ],
  };
}

function checkpoint(
  id: string,
  status: CheckpointResult['status'],
  title: string,
  grade: CheckpointResult['grade'],
): CheckpointResult {
  return {
    id,
    title,
    useCase: 'S1',
    grade,
    mode: 'automatic',
    requirements: [],
    status,
    steps: [],
    checks: [],
    evidence: [],
    durationMs: 1,
  };
}

function waivedCheckpoint(id: string, w: { id: string; expires: string }): CheckpointResult {
  return {
    id,
    title: id,
    useCase: 'S1',
    grade: 'F2',
    mode: 'automatic',
    requirements: [],
    status: 'waived',
    waiver: { id: w.id, reason: 'r', approvedBy: 'MedCom', expires: w.expires },
    steps: [],
    checks: [],
    evidence: [],
    durationMs: 1,
  };
}

function waiverRecord(w: Partial<WaiverRecord>): WaiverRecord {
  return {
    id: 'W-1',
    state: 'active',
    checkpoints: ['DK-3.3.1.25'],
    reason: 'dispensation while MedCom aligns the sources',
    approvedBy: 'MedCom standardiseringsgruppen',
    granted: '2026-01-01',
    expires: '2027-01-01',
    run: true,
    appliedTo: ['DK-3.3.1.25'],
    wouldHaveCovered: [],
    ...w,
  };
}

/** Model options for tests: a fixed report day and output folder. */
export const OPTIONS = { asOf: '2026-11-25', outDir: '/out', generator: 'certbench test' } as const;

/** An environment that keeps what is printed (stdout and stderr together), with an optional fixed clock. */
export function capturingEnvironment(now?: string): RunEnvironment & { output(): string } {
  let text = '';
  const sink = new Writable({
    write: (chunk: Buffer, _e, done) => {
      text += chunk.toString();
      done();
    },
  });
  const clock = now ? { clock: { now: () => new Date(now) } } : {};
  return Object.assign(makeEnvironment({ stdout: sink, stderr: sink, env: {}, ...clock }), {
    output: () => text,
  });
}
