// Reading a submitted evidence package (the ZIP every run writes into test-protocol/): bounded unzip, every file
// checked against SHA256SUMS, and the record inside it read as the register reads records.
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { CertificationResult } from '../result/types.ts';
import { RESULT_FILE_NAME, resultProblem } from '../status/load.ts';

/** A package the register refuses, with the reason the submitter is told. */
export class PackageError extends Error {
  override name = 'PackageError';
}

export interface PackageLimits {
  /** Most bytes all files may inflate to. */
  maxInflatedBytes: number;
  maxFiles: number;
}

export interface SubmittedPackage {
  recordBytes: Uint8Array;
  result: CertificationResult;
  /** Every file of the package, by name (the signature check reads them). */
  files: Record<string, Uint8Array>;
}

export function readSubmittedPackage(zip: Uint8Array, limits: PackageLimits): SubmittedPackage {
  let files: Record<string, Uint8Array>;
  let inflated = 0;
  let count = 0;
  try {
    files = unzipSync(zip, {
      filter: (file) => {
        count += 1;
        inflated += file.originalSize;
        if (count > limits.maxFiles) throw new PackageError(`more than ${limits.maxFiles} files`);
        if (inflated > limits.maxInflatedBytes)
          throw new PackageError(`its files inflate to more than ${limits.maxInflatedBytes} bytes`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError(`not a readable ZIP file: ${(error as Error).message}`);
  }
  const sums = files['SHA256SUMS'];
  if (!sums) throw new PackageError('SHA256SUMS is missing');
  const listed = new Map<string, string>();
  for (const line of new TextDecoder().decode(sums).split('\n')) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match?.[1] || !match[2])
      throw new PackageError(`SHA256SUMS has a line that is not "<sha256>  <name>"`);
    listed.set(match[2], match[1]);
  }
  for (const [name, content] of Object.entries(files)) {
    if (name === 'SHA256SUMS' || name.endsWith('/')) continue;
    const expected = listed.get(name);
    if (!expected) throw new PackageError(`${name} is not listed in SHA256SUMS`);
    if (createHash('sha256').update(content).digest('hex') !== expected)
      throw new PackageError(`${name} does not match its SHA-256 in SHA256SUMS`);
  }
  for (const name of listed.keys()) if (!files[name]) throw new PackageError(`${name} is listed but missing`);
  const recordBytes = files[RESULT_FILE_NAME];
  if (!recordBytes) throw new PackageError(`${RESULT_FILE_NAME} is missing`);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(recordBytes));
  } catch (error) {
    throw new PackageError(`${RESULT_FILE_NAME} is not JSON: ${(error as Error).message}`);
  }
  const problem = resultProblem(data);
  if (problem) throw new PackageError(`${RESULT_FILE_NAME}: ${problem}`);
  return { recordBytes, result: data as CertificationResult, files };
}
