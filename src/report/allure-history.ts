// The history file Allure adds each report to (JSON lines, one per earlier report): Allure stops the whole report at
// a line that is not JSON (a run killed while Allure appended, a hand edit, a disk that filled up). Such a file is
// set aside whole, beside itself, and the history goes on from its good lines, with a warning naming the file, the
// lines and where the original is kept: the report of this run is made, and no line is lost.
import { readFile, rename, writeFile } from 'node:fs/promises';

/** What was done with a damaged history file, for the warning; undefined when the file is whole or missing. */
export interface SetAsideHistory {
  file: string;
  /** The damaged lines, numbered from 1. */
  lines: number[];
  /** Where the file as it was is kept. */
  keptAs: string;
  /** The good lines the history goes on from. */
  kept: number;
}

/** Checks a history file and, when a line of it is not JSON, sets the file aside and keeps its good lines. */
export async function setAsideDamagedHistory(
  file: string,
  now: Date = new Date(),
): Promise<SetAsideHistory | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const good: string[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      JSON.parse(line);
      good.push(line);
    } catch {
      lines.push(i + 1);
    }
  });
  if (lines.length === 0) return undefined;
  const keptAs = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, keptAs);
  await writeFile(file, good.map((line) => `${line}\n`).join(''));
  return { file, lines, keptAs, kept: good.length };
}

/** The warning for a history file set aside. */
export function setAsideWarning({ file, lines, keptAs, kept }: SetAsideHistory): string {
  const which = lines.length === 1 ? `line ${lines[0]} is` : `lines ${lines.join(', ')} are`;
  return (
    `the report history ${file}: ${which} not JSON, which Allure cannot read; the file as it was is kept as ` +
    `${keptAs}, and the history goes on from its ${kept} good line(s)`
  );
}
