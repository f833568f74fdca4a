import type { CheckpointResult, CheckpointStatus } from '../result/types.ts';
import type { Column } from './text-table.ts';

/** Column order of every count table; a new status fails to compile until it has a header. */
const countHeaders = {
  passed: 'passed',
  failed: 'failed',
  waived: 'waived',
  pending: 'pending',
  'not-applicable': 'n/a',
  'harness-error': 'harness',
} as const satisfies Record<CheckpointStatus, string>;

const statuses = Object.keys(countHeaders) as CheckpointStatus[];

export const countColumns: Column[] = statuses.map((status) => ({
  header: countHeaders[status],
  align: 'right',
}));

export function countCells(counts: Record<CheckpointStatus, number>): string[] {
  return statuses.map((status) => String(counts[status]));
}

export function countStatuses(checkpoints: readonly CheckpointResult[]): Record<CheckpointStatus, number> {
  const counts = Object.fromEntries(statuses.map((status) => [status, 0])) as Record<
    CheckpointStatus,
    number
  >;
  for (const checkpoint of checkpoints) counts[checkpoint.status] += 1;
  return counts;
}

export function addCounts(
  a: Record<CheckpointStatus, number>,
  b: Record<CheckpointStatus, number>,
): Record<CheckpointStatus, number> {
  return Object.fromEntries(statuses.map((status) => [status, a[status] + b[status]])) as Record<
    CheckpointStatus,
    number
  >;
}
