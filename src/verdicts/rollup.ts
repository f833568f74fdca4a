import type { Approval, CheckpointResult, CheckpointStatus } from '../result/types.ts';

const BLOCKING_GRADES = new Set(['F1', 'F2', 'F3']);

/**
 * MedCom's roll-up per protocol: any F1–F3 failure → Ikke godkendt; otherwise anything waived, pending or broken
 * by the harness → Delvist godkendt; otherwise Godkendt (F4 failures allowed, listed as remarks).
 */
export function rollUp(checkpoints: CheckpointResult[]): {
  approval: Approval;
  remarks: string[];
  counts: Record<CheckpointStatus, number>;
} {
  const counts = countStatuses(checkpoints);
  const remarks = checkpoints
    .filter((cp) => cp.status === 'failed' && cp.grade === 'F4')
    .map((cp) => `${cp.id} (F4): ${cp.message ?? cp.title}`);
  const blocking = checkpoints.some((cp) => cp.status === 'failed' && BLOCKING_GRADES.has(cp.grade));
  const approval: Approval = blocking
    ? 'Ikke godkendt'
    : counts.waived + counts.pending + counts['harness-error'] > 0
      ? 'Delvist godkendt'
      : 'Godkendt';
  return { approval, remarks, counts };
}

export function countStatuses(checkpoints: { status: CheckpointStatus }[]): Record<CheckpointStatus, number> {
  const counts: Record<CheckpointStatus, number> = {
    passed: 0,
    failed: 0,
    waived: 0,
    pending: 0,
    'not-applicable': 0,
    'harness-error': 0,
  };
  for (const cp of checkpoints) counts[cp.status] += 1;
  return counts;
}
