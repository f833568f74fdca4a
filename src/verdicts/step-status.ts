import type { TestStepResultStatus } from '@cucumber/messages';
import type { StepRecord } from '../result/types.ts';

/**
 * How each cucumber step status bears on a checkpoint. A complete table: a new cucumber status fails to compile
 * instead of quietly counting as passed (design example 6).
 */
export const STEP_STATUS = {
  PASSED: { record: 'passed', effect: 'ok' },
  FAILED: { record: 'failed', effect: 'failed' },
  PENDING: { record: 'pending', effect: 'pending' },
  SKIPPED: { record: 'skipped', effect: 'skipped' },
  UNDEFINED: { record: 'undefined', effect: 'harness' },
  AMBIGUOUS: { record: 'ambiguous', effect: 'harness' },
  UNKNOWN: { record: 'unknown', effect: 'harness' },
} as const satisfies Record<
  TestStepResultStatus,
  { record: StepRecord['status']; effect: 'ok' | 'failed' | 'pending' | 'skipped' | 'harness' }
>;
