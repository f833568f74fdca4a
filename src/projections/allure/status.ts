import type { CheckpointResult, CheckpointStatus, StepRecord } from '../../result/types.ts';
import { failureMessage, skipMessage, underlyingFailure } from '../status-messages.ts';
import type { AllureStatus, StatusDetails } from './model.ts';

/** Complete tables: a new certbench status fails to compile here instead of silently becoming "passed". */
const checkpointStatus = {
  passed: 'passed',
  failed: 'failed',
  'harness-error': 'broken',
  // Not grey like pending: Allure's "unknown" has a colour of its own, and the Waived category holds it.
  waived: 'unknown',
  pending: 'skipped',
  'not-applicable': 'skipped',
} as const satisfies Record<CheckpointStatus, AllureStatus>;

const stepStatus = {
  passed: 'passed',
  failed: 'failed',
  pending: 'skipped',
  skipped: 'skipped',
  // Undefined, ambiguous and unknown steps are certbench's problem, not the SUT's.
  undefined: 'broken',
  ambiguous: 'broken',
  unknown: 'broken',
} as const satisfies Record<StepRecord['status'], AllureStatus>;

export function allureStatus(status: CheckpointStatus): AllureStatus {
  return checkpointStatus[status];
}

export function allureStepStatus(status: StepRecord['status']): AllureStatus {
  return stepStatus[status];
}

/** The message Allure shows and its categories match on; the trace keeps the longer story. */
export function checkpointStatusDetails(checkpoint: CheckpointResult): StatusDetails | undefined {
  const skipped = skipMessage(checkpoint);
  if (skipped !== undefined) {
    const trace = underlyingFailure(checkpoint);
    return trace === undefined ? { message: skipped } : { message: skipped, trace };
  }
  if (checkpoint.status === 'failed') return { message: failureMessage(checkpoint) };
  if (checkpoint.status === 'passed' || checkpoint.message === undefined) return undefined;
  return { message: checkpoint.message };
}
