// The clinic's analysis catalogue: which NPU analyses may be shared (the agreed list), to which database, and
// how their results are written. Analyses not in it are kept locally only.
import type { Discipline } from './records.ts';

export interface CatalogueEntry {
  display: string;
  discipline: Discipline;
  kind: 'quantity' | 'grade' | 'organism';
  /** UCUM code and the unit text (NPU unit) of a quantity. */
  unit?: { ucum: string; text: string };
}

const quantity = (display: string, ucum: string, text: string): CatalogueEntry => ({
  display,
  discipline: 'biochemistry',
  kind: 'quantity',
  unit: { ucum, text },
});
const grade = (display: string): CatalogueEntry => ({ display, discipline: 'biochemistry', kind: 'grade' });

export const AGREED: Readonly<Record<string, CatalogueEntry>> = {
  NPU19748: quantity('P—C-reaktivt protein; massek. = ? mg/L', 'mg/L', 'mg/L'),
  NPU02319: quantity('B—Hæmoglobin(Fe); stofk. = ? mmol/L', 'mmol/L', 'mmol/L'),
  NPU01685: quantity(
    'P—Koagulation, vævsfaktor-induceret; rel.tid(aktuel/norm; INR; IRP 67/40; proc.) = ?',
    '{INR}',
    'INR',
  ),
  NPU27300: quantity('B-HbA1c (IFCC)', 'mmol/mol', 'mmol/mol'),
  NPU04206: grade('U—Protein; arb.k.(proc.) = ?'),
  NPU21578: grade('U—Nitrit; arb.k.(proc.) = ?'),
  NPU03987: grade('U—Leukocytter; arb.k.(proc.) = ?'),
  NPU04208: grade('U—Hæmoglobin; arb.k.(proc.) = ?'),
  NPU04207: grade('U—Glucose; arb.k.(proc.) = ?'),
  NPU16328: {
    display: 'U(midtstråle)—Bacterium+fungus; taxon(proc.) = ?',
    discipline: 'microbiology',
    kind: 'organism',
  },
};

export const DIPSTICK_GRADES: readonly string[] = ['neg', 'spor', '1+', '2+', '3+', '4+'];

export function catalogueEntry(npu: string | undefined): CatalogueEntry | undefined {
  return npu !== undefined && Object.hasOwn(AGREED, npu) ? AGREED[npu] : undefined;
}
