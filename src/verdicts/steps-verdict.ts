import type { Attachment } from '@cucumber/messages';
import { INTERRUPTION_TYPES, SUT_FAILURE_TYPES } from '../checks/check-failed.ts';
import { PENDING_MEDIA_TYPE } from '../checks/media-types.ts';
import type { HarnessErrorRecord, StepRecord } from '../result/types.ts';
import type { ExecutedScenario } from './message-index.ts';
import { STEP_STATUS } from './step-status.ts';

export type StepsVerdict =
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
    if (effect === 'failed' && INTERRUPTION_TYPES.includes(step.result.exception?.type ?? '')) {
      return {
        status: 'pending',
        message: `interrupted: ${step.result.exception?.message ?? 'the operator stopped the run'}`,
      };
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

export function toStepRecord(step: ExecutedScenario['steps'][number]): StepRecord {
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

export function decodeAll<T>(attachments: Attachment[], mediaType: string): T[] {
  return attachments.filter((a) => a.mediaType === mediaType).map((a) => JSON.parse(a.body) as T);
}
