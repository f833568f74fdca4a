export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align: Align;
  /** Longer cells are cut with an ellipsis, to keep the table inside the terminal. */
  maxWidth?: number;
}

export interface TableOptions {
  indent?: string;
  /** Print the header row (default true). */
  header?: boolean;
}

/** Text summaries are written to be readable in a 100-column terminal. */
export const TERMINAL_WIDTH = 100;

const GAP = '  ';

/** Plain-text table with aligned columns; no colour, so it reads the same in a terminal, a log or a file. */
export function textTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  { indent = '', header = true }: TableOptions = {},
): string[] {
  const all = header ? [columns.map((column) => column.header), ...rows] : rows;
  const cells = all.map((row) => columns.map((column, index) => truncate(row[index] ?? '', column.maxWidth)));
  const widths = columns.map((_, index) => Math.max(0, ...cells.map((row) => (row[index] ?? '').length)));
  return cells.map((row) => {
    const padded = row.map((cell, index) => {
      const width = widths[index] ?? 0;
      return columns[index]?.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
    });
    return truncate(indent + padded.join(GAP), TERMINAL_WIDTH).trimEnd();
  });
}

export function truncate(text: string, maxWidth: number | undefined): string {
  if (maxWidth === undefined || text.length <= maxWidth) return text;
  return `${text.slice(0, Math.max(0, maxWidth - 1))}…`;
}
