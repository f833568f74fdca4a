// Who sends and receives the lab reports certbench delivers, and the analyses it uses. NPU codes and labels are the
// verified ones of shared/domain/medcom-standards-addendum.md §B.2. The laboratories are fictitious test
// laboratories: MedCom assigns the real 1–3 character lab abbreviations, and that list was not retrieved.
import { TEST_PERSONS } from '../test-persons.ts';
import type { Laboratory } from './xrpt01-model.ts';

export const TEST_LABORATORIES: Record<string, Laboratory> = {
  TLA: { code: 'TLA', name: 'Testlaboratorium A, Klinisk Biokemi', ean: '5790000121526' },
  TLB: { code: 'TLB', name: 'Testlaboratorium B, Klinisk Biokemi', ean: '5790000121533' },
};

/** The receiving practice: MedCom's example clinic (shared/domain/medcom-standards.md §1.3). */
export const RECEIVING_PRACTICE = {
  ean: '5790000147465',
  ydernummer: '045861',
  name: 'Agerskov lægepraksis',
};

export interface AnalysisInfo {
  name: string;
  unit?: string;
}

export const ANALYSES: Record<string, AnalysisInfo> = {
  NPU19748: { name: 'P—C-reaktivt protein; massek. = ? mg/L', unit: 'mg/L' },
  NPU02319: { name: 'B—Hæmoglobin(Fe); stofk. = ? mmol/L', unit: 'mmol/L' },
  NPU21531: { name: 'P(vB)—Glucose; stofk. = ? mmol/L', unit: 'mmol/L' },
  NPU27300: { name: 'B—Hæmoglobin A1c (IFCC); stofbrøk = ? mmol/mol', unit: 'mmol/mol' },
  NPU01685: {
    name: 'P—Koagulation, vævsfaktor-induceret; rel.tid(aktuel/norm; INR; IRP 67/40; proc.) = ?',
  },
  NPU04206: { name: 'U—Protein; arb.k.(proc.) = ?' },
};

export function analysisInfo(npu: string): AnalysisInfo {
  const info = ANALYSES[npu];
  if (!info) throw new Error(`unknown analysis ${npu}; known: ${Object.keys(ANALYSES).join(', ')}`);
  return info;
}

export function testLaboratory(code: string): Laboratory {
  const lab = TEST_LABORATORIES[code];
  if (!lab)
    throw new Error(`unknown test laboratory ${code}; known: ${Object.keys(TEST_LABORATORIES).join(', ')}`);
  return lab;
}

/** The name a laboratory reports for a CPR; a person the GP system must not know gets a neutral test name. */
export function personNamed(cpr: string): { given: string; family: string } {
  return TEST_PERSONS[cpr] ?? { given: 'Ukendt Test', family: 'Person' };
}
