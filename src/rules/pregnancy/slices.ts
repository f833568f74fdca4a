// Which entry of the draft an observation is: PSCR and PRF entries are model elements named by their code, PMR
// entries are named by their shape (a fetus focus, an interval, or a plain value).
import { PRF_MANDATORY_SECTIONS, PSCR_SECTIONS } from './codes.ts';

const BY_CODE: Record<string, string> = Object.fromEntries(
  [...Object.entries(PSCR_SECTIONS), ...Object.entries(PRF_MANDATORY_SECTIONS)].map(([name, code]) => [
    code,
    name,
  ]),
);

export interface EntryShape {
  code: string;
  hasFetus: boolean;
  hasInterval: boolean;
}

export function sliceOf(kind: string, shape: EntryShape): string {
  if (kind === 'PMR') {
    if (shape.hasFetus) return 'fostermaalinger';
    return shape.hasInterval ? 'interval-maalinger' : 'maalinger';
  }
  return BY_CODE[shape.code] ?? `ukendt:${shape.code}`;
}
