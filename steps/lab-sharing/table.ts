import type { DataTable } from '@cucumber/cucumber';
import { LAB_SYSTEM } from '../../src/rules/lab/model.ts';
import type { RegisteredAnalysis, RegisteredResult } from '../../src/rules/lab/registered.ts';

const QUANTITY = /^(<=|>=|<|>)?\s*(\d+(?:[.,]\d+)?)$/;
const ORGANISM = /^SNOMED (\d+) (.+)$/;

/**
 * Reads a table of local lab results (Danish column names, as the GP sees them): one row per analysis, rows with
 * the same `svar` are one result (one sampling). `resultat` is a number (with `<`/`>`), a dipstick grade, or
 * `SNOMED <code> <organism>` for a culture; `samtykke: nægtet` registers nægtet samtykke.
 */
export function resultsFromTable(table: DataTable, patient: string): RegisteredResult[] {
  const results = new Map<string, RegisteredResult>();
  for (const row of table.hashes()) {
    const ref = row['svar'];
    const sampling = row['prøvetaget'];
    const analyse = row['analyse'];
    const resultat = row['resultat'];
    if (!ref || !sampling || !analyse || resultat === undefined || resultat === '')
      throw new Error(`lab result row needs svar, analyse, resultat and prøvetaget: ${JSON.stringify(row)}`);
    const existing = results.get(ref);
    if (existing && existing.samplingTime !== sampling)
      throw new Error(`rows of result "${ref}" must share one prøvetaget`);
    const result = existing ?? {
      ref,
      patient,
      samplingTime: sampling,
      refusedConsent: row['samtykke'] === 'nægtet',
      analyses: [],
    };
    result.analyses.push(analysisOf(row['NPU'] ?? '', analyse, resultat, row['enhed'] ?? ''));
    results.set(ref, result);
  }
  return [...results.values()];
}

export function analysisOf(npu: string, display: string, resultat: string, unit: string): RegisteredAnalysis {
  const base = { ...(npu ? { npu } : {}), display };
  const quantity = QUANTITY.exec(resultat.trim());
  if (quantity?.[2]) {
    const comparator = quantity[1] as '<' | '<=' | '>=' | '>' | undefined;
    return {
      ...base,
      quantity: {
        value: Number(quantity[2].replace(',', '.')),
        ...(comparator ? { comparator } : {}),
        ...(unit ? { unit } : {}),
      },
    };
  }
  const organism = ORGANISM.exec(resultat.trim());
  if (organism?.[1] && organism[2])
    return { ...base, organism: { system: LAB_SYSTEM.snomed, code: organism[1], display: organism[2] } };
  return { ...base, grade: resultat.trim() };
}

/** The automation API input of `lab.register-result` for a registered result. */
export function registerInput(result: RegisteredResult): Record<string, unknown> {
  return {
    patient: result.patient,
    samplingTime: result.samplingTime,
    ...(result.refusedConsent ? { refusedConsent: true } : {}),
    analyses: result.analyses.map((a) => ({
      ...(a.npu ? { npu: a.npu } : {}),
      display: a.display,
      ...(a.quantity
        ? {
            value: a.quantity.value,
            ...(a.quantity.comparator ? { comparator: a.quantity.comparator } : {}),
            ...(a.quantity.unit ? { unit: a.quantity.unit } : {}),
          }
        : {}),
      ...(a.grade !== undefined ? { grade: a.grade } : {}),
      ...(a.organism ? { organism: a.organism } : {}),
    })),
  };
}
