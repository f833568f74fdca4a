// The report's only input I/O: find every certification-result.json under a folder and keep those this certbench
// can read. A stray or foreign file must not stop a report covering many vendors, so it is skipped with a reason.
import type { X509Certificate } from 'node:crypto';
import { access, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { RESULT_SCHEMA_VERSION, type Approval, type CertificationResult } from '../result/types.ts';
import { describeProblems, verifyRunFolder } from '../integrity/run-integrity.ts';
import { signatureCheckOf, storedSignatureOfFolder } from '../signing/check.ts';
import { statusResultOf } from './extract.ts';
import type { LoadedResult } from './types.ts';

export const RESULT_FILE_NAME = 'certification-result.json';

const APPROVALS: unknown[] = ['Godkendt', 'Delvist godkendt', 'Ikke godkendt'] satisfies Approval[];

/** A file that was found but not used. */
export interface SkippedFile {
  file: string;
  reason: string;
  /** Skipped because the run folder does not match its record (tampering or damage), not for its format. */
  integrity?: boolean;
}

/** Every readable result under `dir` (recursively, in path order) and the files skipped with their reason. */
export async function loadResultsFolder(
  dir: string,
  /** Trust anchors for the signatures (--trust); without them signers are not checked. */
  anchors?: readonly X509Certificate[],
): Promise<{ results: LoadedResult[]; skipped: SkippedFile[]; unverified: string[] }> {
  const files = await findResultFiles(dir);
  const results: LoadedResult[] = [];
  const skipped: SkippedFile[] = [];
  const unverified: string[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      skipped.push({ file, reason: `cannot be read as JSON: ${(error as Error).message}` });
      continue;
    }
    const problem = resultProblem(data);
    if (problem) {
      skipped.push({ file, reason: problem });
      continue;
    }
    const problems = await verifyRunFolder(dirname(file), data as CertificationResult);
    const mismatches = problems.filter((p) => p.kind !== 'unverified');
    if (mismatches.length > 0) {
      skipped.push({ file, reason: describeProblems(mismatches), integrity: true });
      continue;
    }
    if (problems.length > 0) unverified.push(file);
    const allureReport = await allureReportBeside(file);
    results.push({
      file,
      result: statusResultOf(data as CertificationResult),
      ...(allureReport ? { allureReport } : {}),
      signature: signatureCheckOf(await storedSignatureOfFolder(dirname(file)), anchors),
    });
  }
  return { results, skipped, unverified };
}

/** Every `certification-result.json` under `dir`, recursively, as absolute paths in path order. */
export async function findResultFiles(dir: string): Promise<string[]> {
  const root = resolve(dir);
  const entries = await readdir(root, { recursive: true, encoding: 'utf8' });
  return entries
    .filter((entry) => basename(entry) === RESULT_FILE_NAME)
    .map((entry) => join(root, entry))
    .sort();
}

/** The run's Allure report (`<runDir>/allure-report/index.html`) when it exists. */
export async function allureReportBeside(resultFile: string): Promise<string | undefined> {
  const report = join(dirname(resultFile), 'allure-report', 'index.html');
  return access(report).then(
    () => report,
    () => undefined,
  );
}

/** Why `data` is not a result this certbench reads, or undefined when it is. Checks what the report relies on. */
export function resultProblem(data: unknown): string | undefined {
  if (!isObject(data) || !('schemaVersion' in data) || !isObject(data['run']) || !isObject(data['sut']))
    return 'not a certbench certification result';
  if (data['schemaVersion'] !== RESULT_SCHEMA_VERSION)
    return `schema version ${JSON.stringify(data['schemaVersion'])}, this certbench reads ${RESULT_SCHEMA_VERSION}`;
  const { run, sut } = data;
  if (typeof run['finishedAt'] !== 'string' || Number.isNaN(Date.parse(run['finishedAt'])))
    return 'run.finishedAt is not a time';
  for (const field of ['vendor', 'system', 'version'])
    if (typeof sut[field] !== 'string') return `sut.${field} is missing`;
  const protocols = data['protocols'];
  if (!Array.isArray(protocols)) return 'protocols is missing';
  for (const [i, protocol] of protocols.entries()) {
    if (!isObject(protocol) || typeof protocol['id'] !== 'string' || typeof protocol['version'] !== 'string')
      return `protocols[${i}] has no id and version`;
    if (!APPROVALS.includes(protocol['approval']))
      return `protocols[${i}].approval is not MedCom's vocabulary`;
    if (!isObject(protocol['counts'])) return `protocols[${i}].counts is missing`;
  }
  if (!Array.isArray(data['harnessErrors'])) return 'harnessErrors is missing';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
