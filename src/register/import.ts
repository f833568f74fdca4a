// `certbench register import`: bring result folders into the register. Each record is its own transaction, so an
// interrupted import leaves whole runs or none of a run; importing the same record again changes nothing.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { describeProblems, verifyRunFolder } from '../integrity/run-integrity.ts';
import type { CertificationResult } from '../result/types.ts';
import { storedSignatureOfFolder } from '../signing/check.ts';
import { allureReportBeside, findResultFiles, resultProblem, type SkippedFile } from '../status/load.ts';
import { registerRecord, RegisterConflictError } from './record.ts';
import type { RegisterDatabase } from './schema.ts';

export interface ImportSummary {
  added: number;
  known: number;
  skipped: SkippedFile[];
}

/** Registers every readable `certification-result.json` under `folders` (absolute paths). */
export async function importFolders(
  db: Kysely<RegisterDatabase>,
  folders: readonly string[],
  submittedBy = 'import',
  /** Told of each file once its outcome is final (committed, when added). */
  onFile?: (file: string, outcome: 'added' | 'known' | 'skipped') => void,
): Promise<ImportSummary> {
  const summary: ImportSummary = { added: 0, known: 0, skipped: [] };
  for (const folder of folders)
    for (const file of await findResultFiles(folder)) {
      const outcome = await importFile(db, file, submittedBy);
      if (typeof outcome === 'string') summary[outcome] += 1;
      else summary.skipped.push(outcome);
      onFile?.(file, typeof outcome === 'string' ? outcome : 'skipped');
    }
  return summary;
}

/** Registers one record file; a file that is no result of this certbench, or conflicts, is skipped with its reason. */
export async function importFile(
  db: Kysely<RegisterDatabase>,
  file: string,
  submittedBy: string,
): Promise<'added' | 'known' | SkippedFile> {
  const bytes = await readFile(file);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { file, reason: `cannot be read as JSON: ${(error as Error).message}` };
  }
  const problem = resultProblem(data);
  if (problem) return { file, reason: problem };
  // A run folder that does not match its record (edited evidence, verdicts or roll-up) is not registered.
  const mismatches = (await verifyRunFolder(dirname(file), data as CertificationResult)).filter(
    (p) => p.kind !== 'unverified',
  );
  if (mismatches.length > 0) return { file, reason: describeProblems(mismatches), integrity: true };
  const allureReport = await allureReportBeside(file);
  try {
    return await registerRecord(db, {
      bytes,
      result: data as CertificationResult,
      location: file,
      ...(allureReport ? { allureReport } : {}),
      submittedBy,
      signature: await storedSignatureOfFolder(dirname(file)),
    });
  } catch (error) {
    if (error instanceof RegisterConflictError) return { file, reason: error.message };
    // An integrity violation (SQLSTATE class 23) is this record's fault, and its transaction left nothing behind.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('23'))
      return { file, reason: `cannot be registered: ${(error as Error).message}` };
    throw error;
  }
}
