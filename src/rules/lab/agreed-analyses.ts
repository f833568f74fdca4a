import type { Discipline } from './model.ts';

/**
 * The analyses agreed for sharing from general practice (LAB-03 criterion: only agreed analyses are shared, others
 * stay local). The list itself is certbench's provisional choice from the analyses the issue and MedCom's LAB-03
 * project name; codes, displays and units are MedCom's NPU CodeSystem (terminology 2.0.0-draft) except HbA1c,
 * whose code and unit come from public Danish register code (shared/domain/medcom-standards-addendum.md §B.2).
 */
export interface AgreedAnalysis {
  code: string;
  display: string;
  discipline: Discipline;
  /** quantity: value + unit; grade: semi-quantitative dipstick text; organism: coded taxon. */
  kind: 'quantity' | 'grade' | 'organism';
  /** UCUM unit of a quantity, and the unit text shown (the NPU unit). */
  unit?: { code: string; text: string };
}

export const AGREED_ANALYSES: readonly AgreedAnalysis[] = [
  quantity('NPU19748', 'P—C-reaktivt protein; massek. = ? mg/L', 'mg/L', 'mg/L'),
  quantity('NPU02319', 'B—Hæmoglobin(Fe); stofk. = ? mmol/L', 'mmol/L', 'mmol/L'),
  quantity(
    'NPU01685',
    'P—Koagulation, vævsfaktor-induceret; rel.tid(aktuel/norm; INR; IRP 67/40; proc.) = ?',
    '{INR}',
    'INR',
  ),
  quantity('NPU27300', 'B-HbA1c (IFCC)', 'mmol/mol', 'mmol/mol'),
  grade('NPU04206', 'U—Protein; arb.k.(proc.) = ?'),
  grade('NPU21578', 'U—Nitrit; arb.k.(proc.) = ?'),
  grade('NPU03987', 'U—Leukocytter; arb.k.(proc.) = ?'),
  grade('NPU04208', 'U—Hæmoglobin; arb.k.(proc.) = ?'),
  grade('NPU04207', 'U—Glucose; arb.k.(proc.) = ?'),
  {
    code: 'NPU16328',
    display: 'U(midtstråle)—Bacterium+fungus; taxon(proc.) = ?',
    discipline: 'microbiology',
    kind: 'organism',
  },
];

/** The agreed text scale of dipstick grades (provisional: the scale is not publicly specified). */
export const DIPSTICK_SCALE: readonly string[] = ['neg', 'spor', '1+', '2+', '3+', '4+'];

export function agreedAnalysis(code: unknown): AgreedAnalysis | undefined {
  return AGREED_ANALYSES.find((a) => a.code === code);
}

function quantity(code: string, display: string, ucum: string, text: string): AgreedAnalysis {
  return { code, display, discipline: 'biochemistry', kind: 'quantity', unit: { code: ucum, text } };
}

function grade(code: string, display: string): AgreedAnalysis {
  return { code, display, discipline: 'biochemistry', kind: 'grade' };
}
