// The entries of the DSJ's svangerskabsjournal (GMv2 PRF): one per model element the draft makes mandatory, in the
// data file's order, filled from the DSJ form's answers (reference-gp/dsj/gmv2.ts).
import { GMV2, type PrfSection } from '../pregnancy/codes.ts';
import type { GmComponentSpec, GmEntrySpec } from '../pregnancy/spec.ts';

/** Answers for the Svangerskabsjournal's eleven mandatory model elements (DSJ fills them from its form). */
export type PrfAnswers = Record<PrfSection, GmComponentSpec[]>;

/** Svangerskabsjournal: one entry per mandatory model element, with the given components. */
export function prfEntries(answers: PrfAnswers, effective: string): GmEntrySpec[] {
  return Object.entries(GMV2.prfMandatorySections).map(([slice, { code, name }]) => ({
    slice,
    code,
    display: name,
    effective,
    components: answers[slice],
  }));
}
