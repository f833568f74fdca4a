// The signature of a record: a JWS (RFC 7515) with a detached payload, the record in its canonical JSON form
// (RFC 8785), so that only the record's content is signed, not its whitespace. The protected header carries the
// signer's certificate chain (x5c), the time of signing, the run and its mode, and the SHA-256 of the canonical
// record, which lets a verifier say "the record changed" apart from "the signature is broken".
import type { X509Certificate } from 'node:crypto';
import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
// jose's entry point loads all of it (about 180 modules); these three are all a status report may need.
import { decodeProtectedHeader } from 'jose/decode/protected_header';
import { CompactSign } from 'jose/jws/compact/sign';
import { compactVerify } from 'jose/jws/compact/verify';
import type { CertificationResult } from '../result/types.ts';
import type { Signer } from './keys.ts';
export { SIGNATURE_FILE, SIGNER_FILE } from './files.ts';

// A CommonJS module whose typings declare an ES default export: at run time the default import is the function.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

export const SIGNATURE_TYPE = 'certbench-result+jws';

export interface SignatureHeader {
  alg: string;
  typ: typeof SIGNATURE_TYPE;
  /** Base64 DER, signer first. */
  x5c: string[];
  signedAt: string;
  runId: string;
  mode: CertificationResult['run']['mode'];
  recordSha256: string;
}

/** The bytes that are signed: the record as RFC 8785 canonical JSON. */
export function canonicalBytes(record: unknown): Uint8Array {
  const text = canonicalize(record);
  if (text === undefined) throw new Error('the record has no JSON form');
  return new TextEncoder().encode(text);
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A compact JWS with the payload left out (`header..signature`). */
export async function signRecord(
  record: CertificationResult,
  signer: Signer,
  signedAt: Date,
): Promise<string> {
  const payload = canonicalBytes(record);
  const header: SignatureHeader = {
    alg: signer.alg,
    typ: SIGNATURE_TYPE,
    x5c: signer.chain.map((c) => c.raw.toString('base64')),
    signedAt: signedAt.toISOString(),
    runId: record.run.id,
    mode: record.run.mode,
    recordSha256: sha256Hex(payload),
  };
  const jws = await new CompactSign(payload).setProtectedHeader({ ...header }).sign(signer.key);
  const [protectedHeader, , signature] = jws.split('.');
  return `${protectedHeader}..${signature}`;
}

/** The signer's chain as PEM, for people to read beside the record. */
export function chainPem(signer: Signer): string {
  return signer.chain.map((c) => c.toString()).join('');
}

/** The header of a detached JWS, or undefined when it is not one of certbench's. */
export function readSignatureHeader(jws: string): SignatureHeader | undefined {
  try {
    const header = decodeProtectedHeader(jws) as Partial<SignatureHeader>;
    if (
      header.typ !== SIGNATURE_TYPE ||
      !Array.isArray(header.x5c) ||
      typeof header.recordSha256 !== 'string'
    )
      return undefined;
    return header as SignatureHeader;
  } catch {
    return undefined;
  }
}

/** Whether the detached JWS is a valid signature of `payload` by `certificate`'s key. */
export async function signatureValid(
  jws: string,
  payload: Uint8Array,
  certificate: X509Certificate,
): Promise<boolean> {
  const [protectedHeader, detached, signature] = jws.trim().split('.');
  if (protectedHeader === undefined || detached !== '' || signature === undefined) return false;
  const attached = `${protectedHeader}.${Buffer.from(payload).toString('base64url')}.${signature}`;
  try {
    await compactVerify(attached, certificate.publicKey);
    return true;
  } catch {
    return false;
  }
}
