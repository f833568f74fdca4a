import { createHash } from 'node:crypto';
import type { Attachment } from '@cucumber/messages';
import { SUT_FAILURE_TYPES } from '../checks/check-failed.ts';
import { CHECK_MEDIA_TYPE, EXCHANGE_MEDIA_TYPE, type Exchange } from '../evidence/exchange.ts';
import type { SutProfile } from '../profile/schema.ts';
import type { LoadedManifest, ManifestCheckpoint } from '../protocols/schema.ts';
import type {
  CheckRecord,
  CheckpointResult,
  EvidenceRecord,
  HarnessErrorRecord,
  ProtocolResult,
  StepRecord,
  WaiverRecord,
} from '../result/types.ts';
import { PENDING_MEDIA_TYPE } from '../steps-api/world.ts';
import { waiverCoversCheckpoint, waiverCoversSut, waiverState } from '../waivers/match.ts';
import type { Waiver } from '../waivers/schema.ts';
import type { ExecutedScenario, MessageIndex } from './message-index.ts';
import { rollUp } from './rollup.ts';
import { STEP_STATUS } from './step-status.ts';
import { applicability } from './applicability.ts';

export interface VerdictInput {
  index: MessageIndex;
  manifests: LoadedManifest[];
  profile: SutProfile;
  waivers: Waiver[];
  now: Date;
}

export interface VerdictOutput {
  protocols: ProtocolResult[];
  harnessErrors: HarnessErrorRecord[];
  waivers: WaiverRecord[];
  evidence: EvidenceRecord[];
  /** Evidence file contents to write into the run folder, by relative path. */
  evidenceFiles: Map<string, string>;
}

/**
 * Computes every checkpoint's verdict from the message stream, the manifests, the SUT profile and the waivers at
 * `now`. Pure: no I/O, no Allure, no clock of its own (design example 5).
 */
export function computeVerdicts(input: VerdictInput): VerdictOutput {
  const harnessErrors: HarnessErrorRecord[] = [];
  const evidence = new Map<string, { record: EvidenceRecord; text: string }>();
  const sutWaivers = input.waivers.filter((w) => waiverCoversSut(w, input.profile));
  const waiverRecords = new Map<string, WaiverRecord>(
    input.waivers.map((w) => [
      w.id,
      {
        id: w.id,
        state: waiverCoversSut(w, input.profile) ? waiverState(w, input.now) : 'other-sut',
        checkpoints: w.checkpoints,
        reason: w.reason,
        approvedBy: w.approvedBy,
        granted: w.granted,
        expires: w.expires,
        run: w.run,
        appliedTo: [],
        wouldHaveCovered: [],
      },
    ]),
  );

  const protocols = input.manifests.map((manifest): ProtocolResult => {
    const applicable = applicability(manifest, input.profile);
    const checkpoints = manifest.checkpoints.map((cp) => {
      const base = judgeCheckpoint(cp, manifest, applicable, input, evidence, harnessErrors);
      return applyWaivers(base, sutWaivers, waiverRecords, input.now);
    });
    const { approval, remarks, counts } = rollUp(checkpoints);
    return {
      id: manifest.id,
      title: manifest.title,
      version: manifest.version,
      standard: manifest.standard,
      approval,
      counts,
      remarks,
      useCases: manifest.useCases.map((u) => ({ ...u, applicable: applicable.has(u.id) })),
      checkpoints,
    };
  });

  return {
    protocols,
    harnessErrors,
    waivers: [...waiverRecords.values()],
    evidence: [...evidence.values()].map((e) => e.record),
    evidenceFiles: new Map([...evidence.values()].map((e) => [e.record.file, e.text])),
  };
}

function judgeCheckpoint(
  cp: ManifestCheckpoint,
  manifest: LoadedManifest,
  applicable: Set<string>,
  input: VerdictInput,
  evidence: Map<string, { record: EvidenceRecord; text: string }>,
  harnessErrors: HarnessErrorRecord[],
): CheckpointResult {
  const base: CheckpointResult = {
    id: cp.id,
    title: cp.title,
    useCase: cp.useCase,
    grade: cp.grade,
    mode: cp.mode,
    requirements: cp.requirements,
    ...(cp.provisional ? { provisional: cp.provisional } : {}),
    status: 'pending',
    steps: [],
    checks: [],
    evidence: [],
    durationMs: 0,
  };
  if (!applicable.has(cp.useCase)) {
    return {
      ...base,
      status: 'not-applicable',
      message: `optional use case ${cp.useCase} is not claimed in the SUT profile`,
    };
  }
  if (cp.notTestable) return { ...base, status: 'pending', message: `not yet testable: ${cp.notTestable}` };

  const found = input.index.findByTag(`@cp:${cp.id}`);
  const executed = found.find((f) => f.executed)?.executed;
  const scenario = found[0] ? scenarioOf(found[0].pickle) : undefined;
  if (!executed) {
    // Not run on purpose (a run:false waiver) is settled by applyWaivers; anything else is the harness's fault.
    const notRunByWaiver = input.waivers.some(
      (w) =>
        !w.run &&
        waiverCoversSut(w, input.profile) &&
        waiverState(w, input.now) === 'active' &&
        waiverCoversCheckpoint(w, cp.id),
    );
    if (notRunByWaiver)
      return {
        ...base,
        ...(scenario ? { scenario } : {}),
        status: 'pending',
        message: 'not run (waiver with run: false)',
      };
    const message = `checkpoint of ${manifest.id} was not executed`;
    harnessErrors.push({ checkpointId: cp.id, kind: 'not-executed', message });
    return { ...base, ...(scenario ? { scenario } : {}), status: 'harness-error', message };
  }

  const steps = executed.steps.map(toStepRecord);
  const checks = decodeAll<CheckRecord>(executed.attachments, CHECK_MEDIA_TYPE);
  const evidenceIds = collectEvidence(executed.attachments, evidence);
  const durationMs = steps.reduce((sum, s) => sum + s.durationMs, 0);
  const judged = {
    ...base,
    ...(scenario ? { scenario } : {}),
    steps,
    checks,
    evidence: evidenceIds,
    durationMs,
  };
  const verdict = verdictOfSteps(executed);
  if (verdict.status === 'harness-error')
    harnessErrors.push({ checkpointId: cp.id, kind: verdict.kind, message: verdict.message });
  return { ...judged, status: verdict.status, ...(verdict.message ? { message: verdict.message } : {}) };
}

type StepsVerdict =
  | { status: 'passed'; message?: undefined }
  | { status: 'failed' | 'pending'; message: string }
  | { status: 'harness-error'; kind: HarnessErrorRecord['kind']; message: string };

/** The verdict of one executed scenario: harness problems first, then SUT failures, then pending. */
export function verdictOfSteps(executed: ExecutedScenario): StepsVerdict {
  for (const step of executed.steps) {
    const effect = STEP_STATUS[step.result.status].effect;
    const what = `${step.keyword} ${step.text}`.trim();
    if (effect === 'harness') {
      const record = STEP_STATUS[step.result.status].record;
      const kind =
        record === 'ambiguous'
          ? 'ambiguous-step'
          : record === 'undefined'
            ? 'undefined-step'
            : 'step-exception';
      return { status: 'harness-error', kind, message: `${step.result.status.toLowerCase()} step: ${what}` };
    }
    if (effect === 'failed' && !SUT_FAILURE_TYPES.includes(step.result.exception?.type ?? '')) {
      const detail = step.result.exception
        ? `${step.result.exception.type}: ${step.result.exception.message ?? ''}`
        : (step.result.message ?? 'error');
      return {
        status: 'harness-error',
        kind: step.kind === 'hook' ? 'hook-exception' : 'step-exception',
        message: `error in certbench step code at "${what}": ${detail}`,
      };
    }
  }
  const failed = executed.steps.find((s) => STEP_STATUS[s.result.status].effect === 'failed');
  if (failed)
    return {
      status: 'failed',
      message: failed.result.exception?.message ?? failed.result.message ?? 'failed',
    };
  const pending = executed.steps.find((s) =>
    ['pending', 'skipped'].includes(STEP_STATUS[s.result.status].effect),
  );
  if (pending) {
    const reason = decodeAll<{ reason: string }>(executed.attachments, PENDING_MEDIA_TYPE)[0]?.reason;
    return {
      status: 'pending',
      message:
        reason ?? `step "${pending.keyword} ${pending.text}" is ${pending.result.status.toLowerCase()}`,
    };
  }
  return { status: 'passed' };
}

function applyWaivers(
  cp: CheckpointResult,
  waivers: Waiver[],
  records: Map<string, WaiverRecord>,
  now: Date,
): CheckpointResult {
  const covering = waivers.filter((w) => waiverCoversCheckpoint(w, cp.id));
  const active = covering.find((w) => waiverState(w, now) === 'active');
  const notRun = cp.status === 'pending' && cp.message === 'not run (waiver with run: false)';
  if (cp.status === 'failed' || notRun) {
    for (const w of covering.filter((x) => waiverState(x, now) === 'expired'))
      records.get(w.id)?.wouldHaveCovered.push(cp.id);
  }
  if (!active || !(cp.status === 'failed' || notRun)) return cp;
  records.get(active.id)?.appliedTo.push(cp.id);
  return {
    ...cp,
    status: 'waived',
    message: `waived by ${active.id} (approved by ${active.approvedBy}, expires ${active.expires}): ${active.reason}`,
    waiver: {
      id: active.id,
      reason: active.reason,
      approvedBy: active.approvedBy,
      expires: active.expires,
      ...(cp.status === 'failed' && cp.message ? { underlyingFailure: cp.message } : {}),
    },
  };
}

function toStepRecord(step: ExecutedScenario['steps'][number]): StepRecord {
  const { result } = step;
  const durationMs = Math.round(result.duration.seconds * 1000 + result.duration.nanos / 1e6);
  const error = result.exception?.message ?? result.message?.split('\n')[0];
  return {
    keyword: step.keyword,
    text: step.text,
    status: STEP_STATUS[result.status].record,
    durationMs,
    ...(error ? { error } : {}),
  };
}

function decodeAll<T>(attachments: Attachment[], mediaType: string): T[] {
  return attachments.filter((a) => a.mediaType === mediaType).map((a) => JSON.parse(a.body) as T);
}

function collectEvidence(
  attachments: Attachment[],
  evidence: Map<string, { record: EvidenceRecord; text: string }>,
): string[] {
  const ids: string[] = [];
  for (const attachment of attachments.filter((a) => a.mediaType === EXCHANGE_MEDIA_TYPE)) {
    const known = attachment.fileName ? evidence.get(attachment.fileName) : undefined;
    if (known) {
      ids.push(known.record.id);
      continue;
    }
    const exchange = JSON.parse(attachment.body) as Exchange;
    ids.push(exchange.id);
    if (evidence.has(exchange.id)) continue;
    const text = JSON.stringify(exchange, null, 2);
    evidence.set(exchange.id, {
      text,
      record: {
        id: exchange.id,
        kind: 'exchange',
        name: exchange.name,
        direction: exchange.direction,
        method: exchange.request.method,
        url: exchange.request.url,
        ...(exchange.response ? { status: exchange.response.status } : {}),
        startedAt: exchange.startedAt,
        durationMs: exchange.durationMs,
        file: `evidence/${exchange.id}.json`,
        sha256: createHash('sha256').update(text).digest('hex'),
      },
    });
  }
  return ids;
}

function scenarioOf(pickle: {
  uri: string;
  name: string;
  location?: { line: number };
}): CheckpointResult['scenario'] {
  return { uri: pickle.uri, line: pickle.location?.line ?? 0, name: pickle.name };
}
