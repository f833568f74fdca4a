import type { SutProfile } from '../profile/schema.ts';
import type { LoadedManifest, ManifestCheckpoint } from '../protocols/schema.ts';
import type {
  CheckRecord,
  CheckpointResult,
  EvidenceRecord,
  HarnessErrorRecord,
  ProtocolResult,
  WaiverRecord,
} from '../result/types.ts';
import { ASSESSMENT_MEDIA_TYPE, CHECK_MEDIA_TYPE } from '../checks/media-types.ts';
import { skippingWaiver, waiverCoversSut } from '../waivers/match.ts';
import type { Waiver } from '../waivers/schema.ts';
import { deferral, notRelevance } from '../test-plan/load.ts';
import type { TestPlan } from '../test-plan/schema.ts';
import { applicability } from './applicability.ts';
import { EvidenceCollector } from './evidence-collector.ts';
import type { MessageIndex } from './message-index.ts';
import { rollUp } from './rollup.ts';
import { decodeAll, toStepRecord, verdictOfSteps } from './steps-verdict.ts';
import { applyWaivers, NOT_RUN_BY_WAIVER, waiverRecordsFor } from './waivers.ts';

export interface VerdictInput {
  index: MessageIndex;
  manifests: LoadedManifest[];
  profile: SutProfile;
  waivers: Waiver[];
  /** The test plan of this round, if any: deferred checkpoints are pending, those not relevant not applicable. */
  plan?: TestPlan;
  /** For a re-run: checkpoints whose earlier result stands (marked with the run they come from). */
  carried?: ReadonlyMap<string, CheckpointResult>;
  /** The date waivers are judged at. */
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
  const evidence = new EvidenceCollector();
  const sutWaivers = input.waivers.filter((w) => waiverCoversSut(w, input.profile));
  const waiverRecords = waiverRecordsFor(input.waivers, input.profile, input.now);

  const protocols = input.manifests.map((manifest): ProtocolResult => {
    const applicable = applicability(manifest, input.profile);
    const checkpoints = manifest.checkpoints.map((cp) => {
      const carried = input.carried?.get(cp.id);
      if (carried) return carried;
      const base = judgeCheckpoint(cp, manifest, applicable, input, evidence, harnessErrors);
      return applyWaivers(base, sutWaivers, waiverRecords, input.now);
    });
    const { approval, remarks, counts } = rollUp(checkpoints);
    const variant = input.profile.protocols[manifest.id]?.variant;
    return {
      id: manifest.id,
      title: manifest.title,
      version: manifest.version,
      standard: manifest.standard,
      manifestSha256: manifest.sha256,
      ...(manifest.official ? { officialProtocol: manifest.official } : {}),
      ...(variant === undefined ? {} : { variant }),
      approval,
      counts,
      remarks,
      useCases: manifest.useCases.map((u) => ({ ...u, applicable: applicable.has(u.id) })),
      checkpoints,
    };
  });

  const unresolved = evidence.unresolved();
  if (unresolved.length > 0)
    harnessErrors.push({
      kind: 'run',
      message: `exchanges referred to but never attached in full: ${unresolved.join(', ')}`,
    });
  return {
    protocols,
    harnessErrors,
    waivers: [...waiverRecords.values()],
    evidence: evidence.records(),
    evidenceFiles: evidence.files(),
  };
}

/** A checkpoint as the manifest describes it, not yet tested (pending): what every verdict starts from. */
export function untestedCheckpoint(cp: ManifestCheckpoint): CheckpointResult {
  return {
    id: cp.id,
    title: cp.title,
    useCase: cp.useCase,
    grade: cp.grade,
    mode: cp.mode,
    requirements: cp.requirements,
    ...(cp.officialSteps ? { officialSteps: cp.officialSteps } : {}),
    ...(cp.provisional ? { provisional: cp.provisional } : {}),
    status: 'pending',
    steps: [],
    checks: [],
    evidence: [],
    durationMs: 0,
  };
}

function judgeCheckpoint(
  cp: ManifestCheckpoint,
  manifest: LoadedManifest,
  applicable: Set<string>,
  input: VerdictInput,
  evidence: EvidenceCollector,
  harnessErrors: HarnessErrorRecord[],
): CheckpointResult {
  const base = untestedCheckpoint(cp);
  if (!applicable.has(cp.useCase)) {
    return {
      ...base,
      status: 'not-applicable',
      message: `optional use case ${cp.useCase} is not claimed in the SUT profile`,
    };
  }
  // Before "not yet testable" and deferrals: what the round declares not relevant is not applicable, whatever else.
  const irrelevant = notRelevance(input.plan, manifest.id, cp);
  if (irrelevant) return { ...base, status: 'not-applicable', message: irrelevant };
  if (cp.notTestable) return { ...base, status: 'pending', message: `not yet testable: ${cp.notTestable}` };
  const deferred = deferral(input.plan, cp.id);
  if (deferred) return { ...base, status: 'pending', message: deferred };

  const found = input.index.findByTag(`@cp:${cp.id}`);
  const executed = found.find((f) => f.executed)?.executed;
  const scenario = found[0] ? scenarioOf(found[0].pickle) : undefined;
  if (!executed) {
    // Not run on purpose (a run:false waiver) is settled by applyWaivers; anything else is the harness's fault.
    if (skippingWaiver(input.waivers, input.profile, input.now, cp.id))
      return {
        ...base,
        ...(scenario ? { scenario } : {}),
        status: 'pending',
        message: NOT_RUN_BY_WAIVER,
      };
    const message = `checkpoint of ${manifest.id} was not executed`;
    harnessErrors.push({ checkpointId: cp.id, kind: 'not-executed', message });
    return { ...base, ...(scenario ? { scenario } : {}), status: 'harness-error', message };
  }

  const steps = executed.steps.map(toStepRecord);
  const checks = decodeAll<CheckRecord>(executed.attachments, CHECK_MEDIA_TYPE);
  const evidenceIds = evidence.collect(executed.attachments);
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
  const assessment = decodeAll<NonNullable<CheckpointResult['assessment']>>(
    executed.attachments,
    ASSESSMENT_MEDIA_TYPE,
  )[0];
  const assessed = assessment ? withAssessment(judged, assessment, verdict) : undefined;
  return (
    assessed ?? {
      ...judged,
      status: verdict.status,
      ...(verdict.message ? { message: verdict.message } : {}),
    }
  );
}

/**
 * A manual checkpoint carries the assessor's decision: "not relevant" makes it not applicable, and a failure is
 * graded as the assessor graded it (MedCom's assessment column), not by the manifest's default grade.
 */
function withAssessment(
  judged: CheckpointResult,
  assessment: NonNullable<CheckpointResult['assessment']>,
  verdict: ReturnType<typeof verdictOfSteps>,
): CheckpointResult | undefined {
  const base = { ...judged, assessment };
  if (verdict.status === 'harness-error') return undefined;
  if (assessment.decision === 'NR') {
    return {
      ...base,
      status: 'not-applicable',
      message: `not relevant (assessor ${assessment.assessor}): ${assessment.comment ?? ''}`,
    };
  }
  const grade = assessment.decision === 'OK' ? judged.grade : assessment.decision;
  return { ...base, grade, status: verdict.status, ...(verdict.message ? { message: verdict.message } : {}) };
}

function scenarioOf(pickle: {
  uri: string;
  name: string;
  location?: { line: number };
}): CheckpointResult['scenario'] {
  return { uri: pickle.uri, line: pickle.location?.line ?? 0, name: pickle.name };
}
