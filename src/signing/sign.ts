// Signing a run at its end: the detached JWS and the signer's chain written beside the record.
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CertificationResult } from '../result/types.ts';
import { chainPem, signRecord, SIGNATURE_FILE, SIGNER_FILE } from './jws.ts';
import type { Signer, SigningOptions } from './keys.ts';

export async function writeSignature(
  runDir: string,
  result: CertificationResult,
  signer: Signer,
  signedAt: Date,
): Promise<void> {
  await writeFile(join(runDir, SIGNATURE_FILE), `${await signRecord(result, signer, signedAt)}\n`);
  await writeFile(join(runDir, SIGNER_FILE), chainPem(signer));
}

/** The options with their files relative to `cwd`. */
export function resolveSigning(options: Partial<SigningOptions>, cwd: string): Partial<SigningOptions> {
  return {
    ...options,
    ...(options.key ? { key: resolve(cwd, options.key) } : {}),
    ...(options.cert ? { cert: resolve(cwd, options.cert) } : {}),
  };
}
