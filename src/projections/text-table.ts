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
  /**
   * Wrap the last column onto indented continuation lines instead of cutting the row at the terminal width: for
   * messages a reader must see whole (a URL, what to fix).
   */
  wrapLast?: boolean;
}

/** Text summaries are written to be readable in a 100-column terminal. */
export const TERMINAL_WIDTH = 100;

const GAP = '  ';

/** Plain-text table with aligned columns; no colour, so it reads the same in a terminal, a log or a file. */
export function textTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  { indent = '', header = true, wrapLast = false }: TableOptions = {},
): string[] {
  const all = header ? [columns.map((column) => column.header), ...rows] : rows;
  const cells = all.map((row) => columns.map((column, index) => truncate(row[index] ?? '', column.maxWidth)));
  const widths = columns.map((_, index) => Math.max(0, ...cells.map((row) => (row[index] ?? '').length)));
  return cells.flatMap((row) => {
    const padded = row.map((cell, index) => {
      const width = widths[index] ?? 0;
      return columns[index]?.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
    });
    if (!wrapLast) return [truncate(indent + padded.join(GAP), TERMINAL_WIDTH).trimEnd()];
    const lead =
      indent +
      padded
        .slice(0, -1)
        .map((cell) => cell + GAP)
        .join('');
    const pieces = wrap(row.at(-1) ?? '', Math.max(30, TERMINAL_WIDTH - lead.length));
    return pieces.map((piece, i) => `${i === 0 ? lead : ' '.repeat(lead.length)}${piece}`.trimEnd());
  });
}

/** Breaks text at spaces into lines of at most `width` characters; a longer word (a URL) gets a line of its own. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

export function truncate(text: string, maxWidth: number | undefined): string {
  if (maxWidth === undefined || text.length <= maxWidth) return text;
  return `${text.slice(0, Math.max(0, maxWidth - 1))}…`;
}
