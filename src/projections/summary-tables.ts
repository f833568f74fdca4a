import type { CertificationResult, ProtocolResult } from '../result/types.ts';
import { addCounts, countCells, countColumns, countStatuses } from './summary-counts.ts';
import { TERMINAL_WIDTH, textTable, truncate } from './text-table.ts';

/** One table per protocol: a row per use case, then the protocol's own counts from the record. */
export function protocolTable(protocol: ProtocolResult): string[] {
  const heading = truncate(
    `${protocol.title} (${protocol.id} ${protocol.version}${protocol.variant ? `, variant ${protocol.variant}` : ''}): ${protocol.approval}`,
    TERMINAL_WIDTH,
  );
  const rows = protocol.useCases.map((useCase) => {
    const flags = [useCase.mandatory ? '' : 'optional', useCase.applicable ? '' : 'not claimed'].filter(
      Boolean,
    );
    const name = `${useCase.id} ${useCase.title}${flags.length ? ` [${flags.join(', ')}]` : ''}`;
    const checkpoints = protocol.checkpoints.filter((checkpoint) => checkpoint.useCase === useCase.id);
    return [name, ...countCells(countStatuses(checkpoints))];
  });
  // Checkpoints whose use case the protocol does not list would otherwise vanish from the rows.
  const known = new Set(protocol.useCases.map((useCase) => useCase.id));
  const orphans = protocol.checkpoints.filter((checkpoint) => !known.has(checkpoint.useCase));
  if (orphans.length > 0) rows.push(['(no listed use case)', ...countCells(countStatuses(orphans))]);
  rows.push(['Total', ...countCells(protocol.counts)]);
  // 2 indent + 6 count columns (35) + 6 gaps (12) leaves 51 for the name at 100 columns.
  return [
    heading,
    ...textTable([{ header: 'Use case', align: 'left', maxWidth: 51 }, ...countColumns], rows, {
      indent: '  ',
    }),
  ];
}

/** The overview: one line per protocol with version, approval and counts, and a totals line. */
export function overviewTable(result: CertificationResult): string[] {
  const rows = result.protocols.map((protocol) => [
    protocol.id,
    protocol.version,
    protocol.approval,
    ...countCells(protocol.counts),
  ]);
  const total = result.protocols.reduce(
    (sum, protocol) => addCounts(sum, protocol.counts),
    countStatuses([]),
  );
  rows.push(['Total', '', '', ...countCells(total)]);
  const columns = [
    { header: 'Protocol', align: 'left', maxWidth: 24 },
    { header: 'Version', align: 'left', maxWidth: 9 },
    { header: 'Approval', align: 'left' },
    ...countColumns,
  ] as const;
  return textTable(columns, rows);
}
