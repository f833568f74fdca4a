// `certbench verify`: a signed run checked offline, from its run folder or its evidence package: the signature, the
// signer's certificate against the trust anchor the user gives (MedCom's certificate), and every evidence file's
// hash against the signed record. The first thing that does not match is named. The anchor comes last (after record,
// signature and evidence), so the register can check all but trust when a run comes in (src/signing/check.ts).
import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { CertificationResult } from '../result/types.ts';
import {
  canonicalBytes,
  readSignatureHeader,
  sha256Hex,
  signatureValid,
  SIGNATURE_FILE,
  type SignatureHeader,
} from './jws.ts';

export const RECORD_FILE = 'certification-result.json';

export type VerifyFailure =
  | 'unsigned'
  | 'record-changed'
  | 'signature-invalid'
  | 'untrusted'
  | 'expired'
  | 'evidence-changed'
  | 'unreadable';

export type VerifyOutcome =
  | {
      ok: true;
      result: CertificationResult;
      signer: { subject: string; validTo: string };
      signedAt: string;
      /** Set when the certificate has expired since it signed (the signature stays valid). */
      note?: string;
    }
  | {
      ok: false;
      failure: VerifyFailure;
      /** Where it failed, as the user named the run (folder path, or `package.zip!/name`). */
      file: string;
      /** The same file within the run (`evidence/…`), the same whichever form the run came in. */
      name: string;
      message: string;
      result?: CertificationResult;
    };

/** Files of a run, from its folder or its evidence package, by path. */
interface RunFiles {
  where: string;
  read(path: string): Promise<Uint8Array | undefined>;
  /** The first evidence file (its name in the run) that does not match the signed record, and why. */
  evidence(result: CertificationResult): Promise<{ name: string; message: string } | undefined>;
}

export async function verifyRun(
  target: string,
  anchors: readonly X509Certificate[],
  now: Date,
): Promise<VerifyOutcome> {
  return trustOutcome(await checkIntegrity(target), anchors, now);
}

/**
 * Everything a signature check needs but the trust anchor: the record against the signature, the signer's key, the
 * chain's own links, validity when it signed, and every evidence file. The register does this when a run comes in
 * (it has the evidence then); the anchor is the reader's, so trust is decided when the status is made (trustOutcome).
 */
export async function checkIntegrity(target: string): Promise<IntegrityOutcome> {
  return (await stat(target)).isDirectory()
    ? integrityOf(folderFiles(target))
    : integrityOf(await packageFiles(target));
}

/** The same check of an evidence package already unzipped (the register server's submissions). */
export function checkPackageIntegrity(
  files: Record<string, Uint8Array>,
  where: string,
): Promise<IntegrityOutcome> {
  return integrityOf(filesOfPackage(files, where));
}

/** The outcome of checkIntegrity: intact, with the signature and its chain, or the first thing that fails. */
export type IntegrityOutcome =
  | { ok: true; result: CertificationResult; jws: string; chain: X509Certificate[]; signedAt: string }
  | Extract<VerifyOutcome, { ok: false }>;

/** The full verdict: an intact run whose chain leads to one of the anchors verifies. */
export function trustOutcome(
  intact: IntegrityOutcome,
  anchors: readonly X509Certificate[],
  now: Date,
): VerifyOutcome {
  if (!intact.ok) return intact;
  const { result, chain, signedAt } = intact;
  const trust = anchorProblem(chain, anchors);
  if (trust) return fail('untrusted', SIGNATURE_FILE, SIGNATURE_FILE, trust, result);
  const [leaf] = chain;
  const validTo = leaf?.validTo ?? '';
  const expiredSince = now > new Date(validTo) ? validTo : undefined;
  return {
    ok: true,
    result,
    signer: { subject: subjectOf(leaf), validTo },
    signedAt,
    ...(expiredSince
      ? { note: `the signer's certificate has expired since (${expiredSince}); it was valid when it signed` }
      : {}),
  };
}

async function integrityOf(files: RunFiles): Promise<IntegrityOutcome> {
  const at = (file: string) => join(files.where, file);
  const failAt = (failure: VerifyFailure, name: string, message: string, result?: CertificationResult) =>
    fail(failure, at(name), name, message, result);
  const recordBytes = await files.read(RECORD_FILE);
  if (!recordBytes) return failAt('unreadable', RECORD_FILE, 'is missing');
  let result: CertificationResult;
  try {
    result = JSON.parse(new TextDecoder().decode(recordBytes)) as CertificationResult;
  } catch {
    return failAt('unreadable', RECORD_FILE, 'is not JSON');
  }
  const jwsBytes = await files.read(SIGNATURE_FILE);
  if (!jwsBytes) return failAt('unsigned', SIGNATURE_FILE, 'is missing: the run is not signed', result);
  const jws = new TextDecoder().decode(jwsBytes).trim();
  const header = readSignatureHeader(jws);
  if (!header) return failAt('signature-invalid', SIGNATURE_FILE, 'is not a certbench signature', result);

  const chain = chainOf(header);
  if (typeof chain === 'string') return failAt('signature-invalid', SIGNATURE_FILE, chain, result);
  const [leaf] = chain;
  if (!leaf) return failAt('signature-invalid', SIGNATURE_FILE, 'x5c: no certificate', result);
  const links = linkProblem(chain);
  if (links) return failAt('untrusted', SIGNATURE_FILE, links, result);
  const signedAt = new Date(header.signedAt);
  for (const cert of chain) {
    if (
      Number.isNaN(signedAt.getTime()) ||
      signedAt < new Date(cert.validFrom) ||
      signedAt > new Date(cert.validTo)
    )
      return failAt(
        'expired',
        SIGNATURE_FILE,
        `the certificate "${subjectOf(cert)}" was not valid when it signed (${header.signedAt}): valid ${cert.validFrom} to ${cert.validTo}`,
        result,
      );
  }

  const payload = canonicalBytes(result);
  if (sha256Hex(payload) !== header.recordSha256)
    return failAt('record-changed', RECORD_FILE, firstChangedField(result, header), result);
  if (!(await signatureValid(jws, payload, leaf)))
    return failAt(
      'signature-invalid',
      SIGNATURE_FILE,
      "the signature does not verify with the signer's key",
      result,
    );
  if (header.runId !== result.run.id || header.mode !== result.run.mode)
    return failAt('record-changed', RECORD_FILE, 'run.id or run.mode differs from the signed header', result);

  const evidence = await files.evidence(result);
  if (evidence) return fail('evidence-changed', at(evidence.name), evidence.name, evidence.message, result);
  return { ok: true, result, jws, chain, signedAt: header.signedAt };
}

/** The signer's chain from a signature's header (x5c), signer first; a string says why it cannot be read. */
export function chainOf(header: Pick<SignatureHeader, 'x5c'>): X509Certificate[] | string {
  try {
    return header.x5c.map((der) => new X509Certificate(Buffer.from(der, 'base64')));
  } catch {
    return 'x5c: a certificate cannot be read';
  }
}

export function subjectOf(cert: X509Certificate | undefined): string {
  return cert?.subject.replace(/\n/g, ', ') ?? '';
}

/** Why a certificate of the chain is not issued by the next, or undefined when each is. */
function linkProblem(chain: readonly X509Certificate[]): string | undefined {
  for (let i = 0; i + 1 < chain.length; i += 1) {
    const [cert, issuer] = [chain[i], chain[i + 1]];
    if (!cert || !issuer || !cert.checkIssued(issuer) || !cert.verify(issuer.publicKey))
      return `x5c: certificate ${i + 1} is not issued by certificate ${i + 2}`;
  }
  return undefined;
}

/** Why the chain (its links already checked) does not lead to one of the anchors, or undefined when it does. */
export function anchorProblem(
  chain: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
): string | undefined {
  const top = chain.at(-1);
  if (!top) return 'x5c: no certificate';
  const trusted = anchors.some(
    (anchor) =>
      top.fingerprint256 === anchor.fingerprint256 ||
      (top.checkIssued(anchor) && top.verify(anchor.publicKey)),
  );
  return trusted
    ? undefined
    : `the signer's certificate does not chain to the trust anchor (${top.issuer.replace(/\n/g, ', ')})`;
}

/** The record's first top-level field whose content differs from what was signed, where the header can tell. */
function firstChangedField(result: CertificationResult, header: { runId: string; mode: string }): string {
  if (result.run?.id !== header.runId)
    return 'run.id differs from the signed record: changed since it was signed';
  if (result.run?.mode !== header.mode)
    return 'run.mode differs from the signed record: changed since it was signed';
  return 'changed since it was signed (its canonical SHA-256 differs from the signature header)';
}

function fail(
  failure: VerifyFailure,
  file: string,
  name: string,
  message: string,
  result?: CertificationResult,
): Extract<VerifyOutcome, { ok: false }> {
  return { ok: false, failure, file, name, message, ...(result ? { result } : {}) };
}

function folderFiles(dir: string): RunFiles {
  const read = (path: string) =>
    readFile(join(dir, path)).then(
      (b) => new Uint8Array(b),
      () => undefined,
    );
  return {
    where: dir,
    read,
    async evidence(result) {
      for (const record of result.evidence ?? []) {
        const bytes = await read(record.file);
        if (!bytes) return { name: record.file, message: 'evidence file is missing' };
        if (sha256Hex(bytes) !== record.sha256)
          return { name: record.file, message: 'does not match the SHA-256 in the signed record' };
      }
      for (const cp of result.protocols.flatMap((p) => p.checkpoints))
        for (const file of cp.assessment?.evidenceFiles ?? []) {
          if (!file.file || !file.sha256) continue;
          const bytes = await read(file.file);
          if (!bytes || sha256Hex(bytes) !== file.sha256)
            return {
              name: file.file,
              message: `${cp.id}: assessment evidence ${bytes ? 'changed' : 'is missing'}`,
            };
        }
      return undefined;
    },
  };
}

/** An evidence package: its evidence files carry MedCom's names, so each must be one the signed record hashed. */
async function packageFiles(zipFile: string): Promise<RunFiles> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(await readFile(zipFile)));
  } catch (error) {
    throw new Error(
      `${zipFile} is neither a run folder nor a readable evidence package: ${(error as Error).message}`,
    );
  }
  return filesOfPackage(files, `${zipFile}!`);
}

function filesOfPackage(files: Record<string, Uint8Array>, where: string): RunFiles {
  return {
    where,
    read: (path) => Promise.resolve(files[path]),
    evidence(result) {
      const signed = new Set([
        ...(result.evidence ?? []).map((e) => e.sha256),
        ...result.protocols.flatMap((p) =>
          p.checkpoints.flatMap((c) =>
            (c.assessment?.evidenceFiles ?? []).flatMap((f) => (f.sha256 ? [f.sha256] : [])),
          ),
        ),
      ]);
      for (const [name, bytes] of Object.entries(files))
        if (name.startsWith('evidence/') && !signed.has(sha256Hex(bytes)))
          return Promise.resolve({
            name,
            message: 'is not a file the signed record hashed (changed or added)',
          });
      return Promise.resolve(undefined);
    },
  };
}
