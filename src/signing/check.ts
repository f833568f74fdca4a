// A run's signature as the status report and the register see it. The integrity part (record, signature, evidence)
// is checked where the evidence is at hand: when the register takes the run in, or when the status is made from a
// folder. Trust in the signer is the reader's (the --trust anchor), so it is decided when the status is made, from the
// chain kept with the signature; the register never trusts on the reader's behalf.
import type { X509Certificate } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { readSignatureHeader, SIGNATURE_FILE } from './jws.ts';
import {
  anchorProblem,
  chainOf,
  checkIntegrity,
  subjectOf,
  type IntegrityOutcome,
  type VerifyFailure,
} from './verify.ts';

/** What is kept of the integrity check (the register's columns, migration 0004). */
export type StoredSignature =
  | { state: 'not-signed' }
  /** Record, signature and evidence match; `jws` carries the signer's chain for the trust check. */
  | { state: 'intact'; jws: string }
  | { state: 'not-verified'; failure: VerifyFailure; file: string; detail: string };

/** The signature state of one run, as the status pages show it. */
export type SignatureCheck =
  | { state: 'verified'; signer: string; signedAt: string }
  /** Intact, but no trust anchor was given, so the signer is not checked (or: registered before 0004). */
  | { state: 'not-checked'; signer?: string; signedAt?: string }
  | { state: 'not-signed' }
  /** `file` is the file within the run (`evidence/…`); `detail` the technical reason (English). */
  | { state: 'not-verified'; failure: VerifyFailure; file: string; detail: string };

/**
 * Whether a certification with this signature is no approval: a broken signature never is; with a trust anchor
 * given, only a verified one is. Without an anchor an intact or missing signature is shown, marked, not refused.
 */
export function refusedSignature(signature: SignatureCheck | undefined, signaturesChecked: boolean): boolean {
  if (!signature) return false;
  if (signature.state === 'not-verified') return true;
  return signaturesChecked && signature.state !== 'verified';
}

export function storedSignatureOf(outcome: IntegrityOutcome): StoredSignature {
  if (outcome.ok) return { state: 'intact', jws: outcome.jws };
  if (outcome.failure === 'unsigned') return { state: 'not-signed' };
  return { state: 'not-verified', failure: outcome.failure, file: outcome.name, detail: outcome.message };
}

/**
 * The state shown: with trust anchors, an intact signature whose chain leads to one of them is verified, one that
 * does not is not; without anchors it is not checked. Pure, so the folder and the register give the same state.
 */
export function signatureCheckOf(
  stored: StoredSignature | undefined,
  anchors: readonly X509Certificate[] | undefined,
): SignatureCheck {
  if (!stored) return { state: 'not-checked' };
  if (stored.state !== 'intact') return stored;
  const header = readSignatureHeader(stored.jws);
  const chain = header ? chainOf(header) : 'is not a certbench signature';
  if (!header || typeof chain === 'string')
    return {
      state: 'not-verified',
      failure: 'signature-invalid',
      file: SIGNATURE_FILE,
      detail: typeof chain === 'string' ? chain : 'unreadable',
    };
  const signer = { signer: subjectOf(chain[0]), signedAt: header.signedAt };
  if (!anchors) return { state: 'not-checked', ...signer };
  const problem = anchorProblem(chain, anchors);
  return problem
    ? { state: 'not-verified', failure: 'untrusted', file: SIGNATURE_FILE, detail: problem }
    : { state: 'verified', ...signer };
}

/** The integrity of a run folder; a folder without a signature file is not signed (no need to read it twice). */
export async function storedSignatureOfFolder(runDir: string): Promise<StoredSignature> {
  const signed = await access(join(runDir, SIGNATURE_FILE)).then(
    () => true,
    () => false,
  );
  return signed ? storedSignatureOf(await checkIntegrity(runDir)) : { state: 'not-signed' };
}
