import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InvalidInputError } from '../errors/index.ts';
import { verifyRunFolder } from '../integrity/run-integrity.ts';
import type { SutProfile } from '../profile/schema.ts';
import type { LoadedManifest } from '../protocols/schema.ts';
import {
  RESULT_SCHEMA_VERSION,
  type CertificationResult,
  type CheckpointResult,
  type CheckpointStatus,
  type EvidenceRecord,
} from '../result/types.ts';

/**
 * What a re-run tests again; everything else is carried over from the earlier run. Waived checkpoints failed
 * underneath, and their waiver may have lapsed since, so they are tested again too.
 */
const RETESTED: ReadonlySet<CheckpointStatus> = new Set(['failed', 'pending', 'harness-error', 'waived']);

export interface Rerun {
  previous: CertificationResult;
  previousDir: string;
  /** Checkpoints to run again. */
  retest: Set<string>;
  /** Checkpoints whose earlier result stands, by id. */
  carried: Map<string, CheckpointResult>;
}

/**
 * Reads an earlier run for a re-run of its failed and pending checkpoints. The earlier run must be of the same
 * system and version and of the same protocol versions, or its results would not mean the same thing.
 */
export async function loadRerun(
  previousDir: string,
  outDir: string,
  profile: SutProfile,
  manifests: LoadedManifest[],
): Promise<Rerun> {
  const file = join(previousDir, 'certification-result.json');
  if (resolve(previousDir) === resolve(outDir)) {
    throw new InvalidInputError([
      { file: '--out', message: 'a re-run must write to another folder than the run it re-tests' },
    ]);
  }
  let previous: CertificationResult;
  try {
    previous = JSON.parse(await readFile(file, 'utf8')) as CertificationResult;
  } catch (error) {
    throw new InvalidInputError([
      { file, message: `cannot read the earlier run: ${(error as Error).message}` },
    ]);
  }
  // Carried-over verdicts count as this run's: an earlier run that does not match its record cannot lend them.
  const tampered = (await verifyRunFolder(previousDir, previous)).filter((p) => p.kind !== 'unverified');
  if (tampered.length > 0)
    throw new InvalidInputError(
      tampered.map((p) => ({ file: p.file, message: p.message })),
      'the earlier run does not match its record (integrity check)',
    );
  const issues: string[] = [];
  if (previous.schemaVersion !== RESULT_SCHEMA_VERSION)
    issues.push(
      `schemaVersion ${JSON.stringify((previous as { schemaVersion?: unknown }).schemaVersion)} is not ${String(RESULT_SCHEMA_VERSION)}`,
    );
  const sut = previous.sut;
  if (sut.vendor !== profile.vendor || sut.system !== profile.system || sut.version !== profile.version) {
    issues.push(
      `it tested ${sut.vendor} ${sut.system} ${sut.version}, the profile is ${profile.vendor} ${profile.system} ${profile.version}`,
    );
  }
  for (const m of manifests) {
    const earlier = previous.protocols.find((p) => p.id === m.id);
    if (!earlier) issues.push(`it did not run ${m.id}`);
    else if (earlier.version !== m.version)
      issues.push(`it ran ${m.id} ${earlier.version}, this certbench has ${m.version}`);
  }
  if (issues.length > 0)
    throw new InvalidInputError(
      issues.map((message) => ({ file, message })),
      'cannot re-run',
    );
  const checkpoints = previous.protocols
    .filter((p) => manifests.some((m) => m.id === p.id))
    .flatMap((p) => p.checkpoints);
  const retest = new Set(checkpoints.filter((c) => RETESTED.has(c.status)).map((c) => c.id));
  if (retest.size === 0)
    throw new InvalidInputError([
      { file, message: 'the earlier run has no failed or pending checkpoint to re-run' },
    ]);
  const carried = new Map(
    checkpoints
      .filter((c) => !retest.has(c.id))
      .map((c) => [c.id, { ...c, carriedFrom: c.carriedFrom ?? previous.run.id }]),
  );
  return { previous, previousDir, retest, carried };
}

/** Copies the evidence of carried-over checkpoints into the new run folder, so the new record stands alone. */
export async function carryEvidence(rerun: Rerun, outDir: string): Promise<EvidenceRecord[]> {
  const ids = new Set([...rerun.carried.values()].flatMap((c) => c.evidence));
  const records = rerun.previous.evidence.filter((e) => ids.has(e.id));
  for (const record of records) {
    await mkdir(dirname(join(outDir, record.file)), { recursive: true });
    await copyFile(join(rerun.previousDir, record.file), join(outDir, record.file));
  }
  return records;
}
