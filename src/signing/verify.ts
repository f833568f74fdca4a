// `certbench verify`: a signed run checked offline, from its run folder or its evidence package: the signature, the
// signer's certificate against the trust anchor the user gives (MedCom's certificate), and every evidence file's
// hash against the signed record. The first thing that does not match is named.
import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { CertificationResult } from '../result/types.ts';
import { canonicalBytes, readSignatureHeader, sha256Hex, signatureValid, SIGNATURE_FILE } from './jws.ts';

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
  | { ok: false; failure: VerifyFailure; file: string; message: string; result?: CertificationResult };

/** Files of a run, from its folder or its evidence package, by path. */
interface RunFiles {
  where: string;
  read(path: string): Promise<Uint8Array | undefined>;
  /** The evidence files to check, with the hashes they must have, or the problem. */
  evidence(result: CertificationResult): Promise<{ file: string; message: string } | undefined>;
}

export async function verifyRun(
  target: string,
  anchors: readonly X509Certificate[],
  now: Date,
): Promise<VerifyOutcome> {
  const files = (await stat(target)).isDirectory() ? folderFiles(target) : await packageFiles(target);
  const recordBytes = await files.read(RECORD_FILE);
  if (!recordBytes) return fail('unreadable', join(files.where, RECORD_FILE), 'is missing');
  let result: CertificationResult;
  try {
    result = JSON.parse(new TextDecoder().decode(recordBytes)) as CertificationResult;
  } catch {
    return fail('unreadable', join(files.where, RECORD_FILE), 'is not JSON');
  }
  const jwsBytes = await files.read(SIGNATURE_FILE);
  const at = (file: string) => join(files.where, file);
  if (!jwsBytes) return fail('unsigned', at(SIGNATURE_FILE), 'is missing: the run is not signed', result);
  const jws = new TextDecoder().decode(jwsBytes).trim();
  const header = readSignatureHeader(jws);
  if (!header) return fail('signature-invalid', at(SIGNATURE_FILE), 'is not a certbench signature', result);

  let chain: X509Certificate[];
  try {
    chain = header.x5c.map((der) => new X509Certificate(Buffer.from(der, 'base64')));
  } catch {
    return fail('signature-invalid', at(SIGNATURE_FILE), 'x5c: a certificate cannot be read', result);
  }
  const [leaf] = chain;
  if (!leaf) return fail('signature-invalid', at(SIGNATURE_FILE), 'x5c: no certificate', result);
  const trust = chainProblem(chain, anchors);
  if (trust) return fail('untrusted', at(SIGNATURE_FILE), trust, result);
  const signedAt = new Date(header.signedAt);
  for (const cert of chain) {
    if (
      Number.isNaN(signedAt.getTime()) ||
      signedAt < new Date(cert.validFrom) ||
      signedAt > new Date(cert.validTo)
    )
      return fail(
        'expired',
        at(SIGNATURE_FILE),
        `the certificate "${cert.subject.replace(/\n/g, ', ')}" was not valid when it signed (${header.signedAt}): valid ${cert.validFrom} to ${cert.validTo}`,
        result,
      );
  }

  const payload = canonicalBytes(result);
  if (sha256Hex(payload) !== header.recordSha256)
    return fail('record-changed', at(RECORD_FILE), firstChangedField(result, header), result);
  if (!(await signatureValid(jws, payload, leaf)))
    return fail(
      'signature-invalid',
      at(SIGNATURE_FILE),
      "the signature does not verify with the signer's key",
      result,
    );
  if (header.runId !== result.run.id || header.mode !== result.run.mode)
    return fail(
      'record-changed',
      at(RECORD_FILE),
      'run.id or run.mode differs from the signed header',
      result,
    );

  const evidence = await files.evidence(result);
  if (evidence) return fail('evidence-changed', evidence.file, evidence.message, result);
  const expiredSince = now > new Date(leaf.validTo) ? leaf.validTo : undefined;
  return {
    ok: true,
    result,
    signer: { subject: leaf.subject.replace(/\n/g, ', '), validTo: leaf.validTo },
    signedAt: header.signedAt,
    ...(expiredSince
      ? { note: `the signer's certificate has expired since (${expiredSince}); it was valid when it signed` }
      : {}),
  };
}

/** Why the chain does not lead to one of the anchors, or undefined when it does. */
function chainProblem(
  chain: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
): string | undefined {
  for (let i = 0; i + 1 < chain.length; i += 1) {
    const [cert, issuer] = [chain[i], chain[i + 1]];
    if (!cert || !issuer || !cert.checkIssued(issuer) || !cert.verify(issuer.publicKey))
      return `x5c: certificate ${i + 1} is not issued by certificate ${i + 2}`;
  }
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
  message: string,
  result?: CertificationResult,
): VerifyOutcome {
  return { ok: false, failure, file, message, ...(result ? { result } : {}) };
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
        if (!bytes) return { file: join(dir, record.file), message: 'evidence file is missing' };
        if (sha256Hex(bytes) !== record.sha256)
          return { file: join(dir, record.file), message: 'does not match the SHA-256 in the signed record' };
      }
      for (const cp of result.protocols.flatMap((p) => p.checkpoints))
        for (const file of cp.assessment?.evidenceFiles ?? []) {
          if (!file.file || !file.sha256) continue;
          const bytes = await read(file.file);
          if (!bytes || sha256Hex(bytes) !== file.sha256)
            return {
              file: join(dir, file.file),
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
  return {
    where: `${zipFile}!`,
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
            file: `${zipFile}!/${name}`,
            message: 'is not a file the signed record hashed (changed or added)',
          });
      return Promise.resolve(undefined);
    },
  };
}
