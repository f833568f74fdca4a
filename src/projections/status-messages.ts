import type { CheckpointResult } from '../result/types.ts';

/**
 * The one wording of why a checkpoint did not pass, shared by every projection.
 * The prefixes (`Waived:`, `Pending:`, `Not applicable:`) are what Allure's categories match on.
 */
export function skipMessage(checkpoint: CheckpointResult): string | undefined {
  switch (checkpoint.status) {
    case 'waived': {
      const waiver = checkpoint.waiver;
      if (!waiver) return 'Waived: (waiver not recorded)';
      return `Waived: ${waiver.id} (approved by ${waiver.approvedBy}, expires ${waiver.expires}): ${waiver.reason}`;
    }
    case 'pending':
      return `Pending: ${checkpoint.message ?? 'no reason recorded'}`;
    case 'not-applicable':
      return `Not applicable: ${checkpoint.message ?? 'no reason recorded'}`;
    default:
      return undefined;
  }
}

/**
 * The message of a failed checkpoint. F4 failures do not block approval; the prefix keeps them apart from
 * blocking failures (Allure's "Remarks (F4)" category matches on it).
 */
export function failureMessage(checkpoint: CheckpointResult): string {
  const message = checkpoint.message ?? 'no message recorded';
  return checkpoint.grade === 'F4' ? `Remark (F4): ${message}` : message;
}

/** What a waived checkpoint would have reported: kept visible as evidence beside the waiver. */
export function underlyingFailure(checkpoint: CheckpointResult): string | undefined {
  return (
    checkpoint.waiver?.underlyingFailure ?? (checkpoint.status === 'waived' ? checkpoint.message : undefined)
  );
}

export function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}
