import type { CertificationResult, CheckpointResult } from '../result/types.ts';
import { failureMessage, firstLine } from './status-messages.ts';
import { textTable } from './text-table.ts';
import type { Column } from './text-table.ts';

const detailColumns: Column[] = [
  { header: 'checkpoint', align: 'left', maxWidth: 24 },
  { header: 'what', align: 'left', maxWidth: 24 },
  { header: 'detail', align: 'left' },
];

interface Section {
  title: string;
  rows: string[][];
}

/** The lines a reader acts on: what failed, what is waived or pending, which waivers expired, what broke. */
export function detailSections(result: CertificationResult): string[] {
  const checkpoints = result.protocols.flatMap((protocol) => protocol.checkpoints);
  const having = (status: CheckpointResult['status']): CheckpointResult[] =>
    checkpoints.filter((checkpoint) => checkpoint.status === status);
  const sections: Section[] = [
    {
      title: 'Failed',
      rows: having('failed').map((c) => [c.id, c.grade, firstLine(failureMessage(c))]),
    },
    {
      title: 'Waived',
      rows: having('waived').map((c) =>
        c.waiver
          ? [c.id, c.waiver.id, `expires ${c.waiver.expires} (approved by ${c.waiver.approvedBy})`]
          : [c.id, '?', 'waiver not recorded'],
      ),
    },
    {
      title: 'Pending',
      rows: having('pending').map((c) => [c.id, c.grade, firstLine(c.message ?? 'no reason recorded')]),
    },
    { title: 'Expired waivers, not applied', rows: expiredWaivers(result) },
    { title: 'Harness errors, the run is invalid', rows: harnessErrors(result, having('harness-error')) },
  ];
  return sections.flatMap(({ title, rows }) =>
    rows.length === 0
      ? []
      : [
          '',
          `${title} (${rows.length})`,
          ...textTable(detailColumns, rows, { indent: '  ', header: false, wrapLast: true }),
        ],
  );
}

function expiredWaivers(result: CertificationResult): string[][] {
  const waivers = result.waiverRegister?.waivers.filter((waiver) => waiver.state === 'expired') ?? [];
  return waivers.map((waiver) => [
    waiver.id,
    `expired ${waiver.expires}`,
    waiver.wouldHaveCovered.length > 0
      ? `would have covered ${waiver.wouldHaveCovered.join(', ')}`
      : 'would have covered no checkpoint of this run',
  ]);
}

function harnessErrors(result: CertificationResult, checkpoints: readonly CheckpointResult[]): string[][] {
  const rows = result.harnessErrors.map((error) => [
    error.checkpointId ?? '(run)',
    error.kind,
    firstLine(error.message),
  ]);
  // A checkpoint marked harness-error without its own record still has to be named.
  const named = new Set(result.harnessErrors.map((error) => error.checkpointId));
  for (const checkpoint of checkpoints) {
    if (!named.has(checkpoint.id))
      rows.push([checkpoint.id, 'harness-error', firstLine(checkpoint.message ?? '')]);
  }
  return rows;
}
