// The integrity of a run folder, in one place so signing (a later issue) can sign the manifest this writes and reuse
// the check. A run records the SHA-256 of every evidence file in its record, and writes `integrity.json` with the
// SHA-256 of the record itself, messages.ndjson and every evidence file. `report` and `status` check both and the
// record's own consistency (roll-up against verdicts, counts, outcome), and refuse or flag a run that does not match.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CertificationResult } from '../result/types.ts';
import { rollUp } from '../verdicts/rollup.ts';

export const INTEGRITY_FILE = 'integrity.json';
export const RESULT_FILE = 'certification-result.json';
const MANIFEST_VERSION = 1;

export interface IntegrityManifest {
  integrity: typeof MANIFEST_VERSION;
  runId: string;
  algorithm: 'sha256';
  /** Path relative to the run folder → SHA-256 of its bytes. */
  files: Record<string, string>;
}

/** One mismatch, naming the file it is in. */
export interface IntegrityProblem {
  file: string;
  message: string;
  /** `unverified`: the run left nothing to check against (older runs have no manifest); else a mismatch. */
  kind?: 'unverified';
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Written last by a run: the hashes of the record, the message stream and every evidence file. */
export async function writeIntegrityManifest(runDir: string, result: CertificationResult): Promise<void> {
  const files: Record<string, string> = {};
  const paths = [RESULT_FILE, 'messages.ndjson', ...result.evidence.map((e) => e.file)];
  for (const path of [...new Set(paths)]) {
    const bytes = await readFile(join(runDir, path)).catch(() => undefined);
    if (bytes) files[path] = sha256(bytes);
  }
  const manifest: IntegrityManifest = {
    integrity: MANIFEST_VERSION,
    runId: result.run.id,
    algorithm: 'sha256',
    files,
  };
  await writeFile(join(runDir, INTEGRITY_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Every way the run folder does not match what the run recorded: evidence files changed or missing, the record or
 * messages changed since the run (by the manifest), or a record whose roll-up, counts or outcome contradict its own
 * verdicts. Empty when the folder is intact.
 */
export async function verifyRunFolder(
  runDir: string,
  result: CertificationResult,
): Promise<IntegrityProblem[]> {
  const problems: IntegrityProblem[] = [];
  const at = (file: string) => join(runDir, file);

  for (const record of result.evidence ?? []) {
    const bytes = await readFile(at(record.file)).catch(() => undefined);
    if (!bytes)
      problems.push({ file: at(record.file), message: 'evidence file recorded by the run is missing' });
    else if (sha256(bytes) !== record.sha256)
      problems.push({ file: at(record.file), message: 'evidence file does not match its recorded SHA-256' });
  }
  for (const cp of (result.protocols ?? []).flatMap((p) => p.checkpoints))
    for (const attached of cp.assessment?.evidenceFiles ?? []) {
      if (!attached.file || !attached.sha256) continue;
      const bytes = await readFile(at(attached.file)).catch(() => undefined);
      if (!bytes || sha256(bytes) !== attached.sha256)
        problems.push({
          file: at(attached.file),
          message: `${cp.id}: assessment evidence ${bytes ? 'does not match its recorded SHA-256' : 'is missing'}`,
        });
    }

  const manifestText = await readFile(at(INTEGRITY_FILE), 'utf8').catch(() => undefined);
  if (manifestText === undefined) {
    problems.push({
      file: at(INTEGRITY_FILE),
      message: 'missing: the record itself cannot be checked against the run',
      kind: 'unverified',
    });
  } else {
    let manifest: IntegrityManifest | undefined;
    try {
      manifest = JSON.parse(manifestText) as IntegrityManifest;
    } catch {
      problems.push({ file: at(INTEGRITY_FILE), message: 'is not JSON' });
    }
    if (manifest) {
      if (manifest.runId !== result.run.id)
        problems.push({
          file: at(INTEGRITY_FILE),
          message: `belongs to run ${manifest.runId}, not ${result.run.id}`,
        });
      for (const [path, hash] of Object.entries(manifest.files ?? {})) {
        const bytes = await readFile(at(path)).catch(() => undefined);
        if (!bytes) problems.push({ file: at(path), message: 'recorded in integrity.json but missing' });
        else if (sha256(bytes) !== hash)
          problems.push({
            file: at(path),
            message: 'changed since the run (SHA-256 differs from integrity.json)',
          });
      }
    }
  }
  // A record without a manifest predates these checks (or was hand-made): it is flagged unverified, not judged.
  if (manifestText !== undefined)
    problems.push(...consistencyProblems(result).map((message) => ({ file: at(RESULT_FILE), message })));
  // One problem per file is enough to name it; an evidence hash and the manifest may both report the same file.
  return problems.filter(
    (p, i) => problems.findIndex((q) => q.file === p.file && q.message === p.message) === i,
  );
}

/** Contradictions inside the record: what a hand edit of a verdict, a count or the outcome leaves behind. */
export function consistencyProblems(result: CertificationResult): string[] {
  const problems: string[] = [];
  const evidenceIds = new Set((result.evidence ?? []).map((e) => e.id));
  let blocking = false;
  for (const protocol of result.protocols ?? []) {
    const { approval, counts } = rollUp(protocol.checkpoints);
    if (approval !== protocol.approval)
      problems.push(
        `${protocol.id}: approval "${protocol.approval}" contradicts its checkpoints ("${approval}")`,
      );
    for (const [status, n] of Object.entries(counts))
      if ((protocol.counts as Record<string, number>)[status] !== n)
        problems.push(
          `${protocol.id}: counts.${status} is ${String((protocol.counts as Record<string, number>)[status])}, its checkpoints say ${n}`,
        );
    for (const cp of protocol.checkpoints) {
      if (cp.status === 'passed' && cp.checks.some((c) => !c.passed))
        problems.push(`${cp.id}: passed although a check failed`);
      if (cp.status === 'passed' && cp.steps.some((s) => s.status !== 'passed'))
        problems.push(`${cp.id}: passed although a step did not pass`);
      for (const id of cp.evidence)
        if (!evidenceIds.has(id)) problems.push(`${cp.id}: names evidence ${id} the record does not have`);
    }
    blocking ||= approval === 'Ikke godkendt';
  }
  if (result.outcome && result.outcome.blocking !== blocking)
    problems.push(
      `outcome.blocking is ${String(result.outcome.blocking)}, the protocols say ${String(blocking)}`,
    );
  return problems;
}

/** The problems as one message naming each file, for a warning or an error. */
export function describeProblems(problems: IntegrityProblem[], max = 5): string {
  const shown = problems.slice(0, max).map((p) => `${p.file}: ${p.message}`);
  if (problems.length > max) shown.push(`and ${problems.length - max} more`);
  return `does not match its record (integrity check): ${shown.join('; ')}`;
}
