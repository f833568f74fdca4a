// The public approvals list, the list MedCom keeps by hand today ("Godkendte systemer"): per standard and version ×
// system and version, the approval of the latest *verified* certification. Self-tests never appear; a certification
// whose signature does not verify against MedCom's certificate is refused, named, and left out.
import type { Approval, CertificationResult } from '../result/types.ts';
import type { VerifyFailure } from '../signing/verify.ts';

export interface ApprovalEntry {
  /** The standard as MedCom names it, e.g. "MedCom ConditionList 1.0.1". */
  standard: string;
  protocol: { id: string; variant?: string; version: string; title: string };
  vendor: string;
  system: string;
  systemVersion: string;
  approval: Approval;
  /** The dispensations a Delvist godkendt rests on: waiver ids and the first day each no longer applies. */
  dispensations: { id: string; expires: string }[];
  /** The day of the certification run (UTC). */
  date: string;
  runId: string;
  signedAt: string;
  signer: string;
  /** The signed record, relative to the list's folder. */
  record: string;
  signature: string;
}

export interface ApprovalsList {
  generatedAt: string;
  generator: string;
  entries: ApprovalEntry[];
  /** Certifications left out because they do not verify. */
  refused: RefusedCertification[];
}

/** A certification left out: the failure's code (its words are in each language) and where it failed. */
export interface RefusedCertification {
  /** The record, relative to where the command ran. */
  file: string;
  failure: VerifyFailure;
  /** The file within the run that does not match (`evidence/…`, `certification-result.jws`). */
  at: string;
  /** The technical reason, in English, as `certbench verify` prints it. */
  reason: string;
}

export interface VerifiedCertification {
  result: CertificationResult;
  signedAt: string;
  signer: string;
  record: string;
  signature: string;
}

/** The latest certification per protocol version × system version; the entries ordered by standard, then system. */
export function approvalEntries(certifications: readonly VerifiedCertification[]): ApprovalEntry[] {
  const latest = new Map<string, ApprovalEntry>();
  const latestAt = new Map<string, string>();
  for (const c of certifications) {
    const { run, sut } = c.result;
    if (run.mode !== 'certify') continue;
    for (const p of c.result.protocols) {
      const key = [p.id, p.variant ?? '', p.version, sut.vendor, sut.system, sut.version].join('\u0000');
      const knownAt = latestAt.get(key);
      if (knownAt !== undefined && knownAt >= `${run.finishedAt}\u0000${run.id}`) continue;
      latestAt.set(key, `${run.finishedAt}\u0000${run.id}`);
      const dispensations = new Map<string, string>();
      for (const cp of p.checkpoints)
        if (cp.status === 'waived' && cp.waiver) dispensations.set(cp.waiver.id, cp.waiver.expires);
      latest.set(key, {
        standard: [p.standard.name, p.standard.version].filter(Boolean).join(' '),
        protocol: {
          id: p.id,
          ...(p.variant ? { variant: p.variant } : {}),
          version: p.version,
          title: p.title,
        },
        vendor: sut.vendor,
        system: sut.system,
        systemVersion: sut.version,
        approval: p.approval,
        dispensations: [...dispensations]
          .map(([id, expires]) => ({ id, expires }))
          .sort((a, b) => a.id.localeCompare(b.id)),
        date: run.finishedAt.slice(0, 10),
        runId: run.id,
        signedAt: c.signedAt,
        signer: c.signer,
        record: c.record,
        signature: c.signature,
      });
    }
  }
  const collator = new Intl.Collator('da', { numeric: true });
  return [...latest.values()].sort(
    (a, b) =>
      collator.compare(a.standard, b.standard) ||
      collator.compare(a.protocol.id, b.protocol.id) ||
      collator.compare(b.protocol.version, a.protocol.version) ||
      collator.compare(a.vendor, b.vendor) ||
      collator.compare(a.system, b.system) ||
      collator.compare(b.systemVersion, a.systemVersion),
  );
}
