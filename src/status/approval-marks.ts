// How an approval is marked besides its word: a symbol (also in the Markdown and the trend) and a CSS class.
import type { CellApproval } from './types.ts';

/** One symbol per approval; the word always accompanies it, so colour-blind and print readers lose nothing. */
export const APPROVAL_SYMBOL = {
  Godkendt: '✔',
  'Delvist godkendt': '◐',
  'Ikke godkendt': '✘',
  'not-tested': '–',
} as const satisfies Record<CellApproval, string>;

/** CSS class suffix per approval (ASCII, stable for tests and print styles). */
export const APPROVAL_CLASS = {
  Godkendt: 'godkendt',
  'Delvist godkendt': 'delvist',
  'Ikke godkendt': 'ikke-godkendt',
  'not-tested': 'ikke-testet',
} as const satisfies Record<CellApproval, string>;
