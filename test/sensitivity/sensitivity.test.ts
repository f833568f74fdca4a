// The sensitivity rule (design: "The reference GP system"): the conforming reference system passes every checkpoint
// of every protocol, every checkpoint fails under at least one named fault (a manual one on its observable part, which
// an automatic run judges through the automation API), and every fault is caught by at least one checkpoint.
// Checkpoints not yet testable (pending with their reason) are the exception. To keep it fast, each fault runs only the checkpoints it claims to break (a test
// plan defers the rest of its protocol), so every claim is checked and every checkpoint must be claimed by a fault
// that really fails it. The matrix (checkpoint -> faults that fail it) is printed as diagnostics.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { FAULTS, type FaultName } from '../../reference-gp/index.ts';
import type { CheckpointResult } from '../../src/result/types.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { ASSESSOR_ONLY } from '../../src/checks/pending-reasons.ts';
import { checkpoints, fastReferenceProfile, referenceClaims, runReference } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

interface SutClaims {
  protocols: Record<string, unknown>;
}

/** The reference profile with every protocol the main command claims (profiles/reference-gp.yaml). */
const allProtocols = () => fastReferenceProfile(referenceClaims());
const PROTOCOLS = Object.keys(
  (parse(readFileSync(join(PACKAGE_ROOT, 'profiles', 'reference-gp.yaml'), 'utf8')) as SutClaims).protocols,
);

test('the main profile claims every protocol certbench ships', () => {
  const shipped = readdirSync(join(PACKAGE_ROOT, 'protocols'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length));
  assert.deepEqual([...PROTOCOLS].sort(), shipped.sort());
});

test('the conforming reference GP system passes every checkpoint (manual ones on their observable part)', async () => {
  const { result } = await runReference({ profileFile: await allProtocols() });
  const notPassed = checkpoints(result).filter(
    (c) => c.status !== 'passed' && !notTestableIds().has(c.id) && !assessorOnly(c),
  );
  assert.deepEqual(
    notPassed.map((c) => `${c.id}: ${c.status} ${c.message ?? ''}`),
    [],
  );
  assert.deepEqual(
    result.protocols.map((p) => [p.id, p.approval]),
    // A protocol with checkpoints not yet testable, or that only the assessor can judge (pending with their reason),
    // is at best Delvist godkendt in an automatic run.
    result.protocols.map((p) => [
      p.id,
      checkpointIds(p.id, true).length > 0 || p.checkpoints.some(assessorOnly)
        ? 'Delvist godkendt'
        : 'Godkendt',
    ]),
  );
  assert.deepEqual(
    result.protocols.map((p) => p.id),
    PROTOCOLS,
  );
  assert.equal(result.outcome.exitCode, 0);
});

/** Checkpoint ids of a protocol, from its manifest; with `notTestable`, only those marked not yet testable. */
function checkpointIds(protocol: string, notTestable = false): string[] {
  const manifest = parse(readFileSync(join(PACKAGE_ROOT, 'protocols', `${protocol}.yaml`), 'utf8')) as {
    checkpoints: { id: string; notTestable?: string }[];
  };
  return manifest.checkpoints.filter((c) => !notTestable || c.notTestable !== undefined).map((c) => c.id);
}

/** Checkpoints no run can judge yet: reported pending with their reason, so no fault can fail them. */
let notTestable: Set<string> | undefined;
function notTestableIds(): Set<string> {
  notTestable ??= new Set(PROTOCOLS.flatMap((p) => checkpointIds(p, true)));
  return notTestable;
}

/**
 * A manual checkpoint with nothing observable (an explanation to the assessor, a recommendation no observation
 * shows) is pending in an automatic run: no fault can fail it, and a manual run's assessor judges it.
 */
function assessorOnly(c: CheckpointResult): boolean {
  return c.status === 'pending' && c.mode === 'manual' && (c.message ?? '').startsWith(ASSESSOR_ONLY);
}

/** The profile, claiming the variant a fault can only show in (e.g. an EHMI envelope fault: variant ehmi). */
async function asVariant(profileFile: string, fault: FaultName): Promise<string> {
  const info: { protocol: string; variant?: string } = FAULTS[fault];
  if (info.variant === undefined) return profileFile;
  const claims = referenceClaims().replace(
    new RegExp(`^  ${info.protocol}: .*$`, 'm'),
    `  ${info.protocol}: ${JSON.stringify({ variant: info.variant })}`,
  );
  return fastReferenceProfile(claims);
}

/** A test plan deferring every checkpoint of the protocol the fault does not claim to break. */
async function onlyClaimed(dir: string, fault: FaultName): Promise<string | undefined> {
  const { protocol, breaks } = FAULTS[fault];
  const others = checkpointIds(protocol).filter((id) => !(breaks as readonly string[]).includes(id));
  if (others.length === 0) return undefined;
  const plan = `plan:\n  id: sensitivity\n  defer:\n    - checkpoints: ${JSON.stringify(others)}\n      reason: not claimed by ${fault}\n`;
  return writeTemp(dir, `${fault}.yaml`, plan);
}

for (const protocol of PROTOCOLS)
  test(`${protocol}: every checkpoint fails under a named fault, and every fault is caught`, async (t) => {
    const profileFile = await allProtocols();
    const dir = await tempDir();
    const failedBy = new Map<string, FaultName[]>();
    const caught = new Map<FaultName, string[]>();
    const harness: string[] = [];
    // Manual checkpoints count too: in an automatic run their observable part is judged, and must be able to fail.
    const judged = new Set<string>();
    // What only the assessor can judge is pending in the conforming run already: no fault can fail it.
    const conforming = await runReference({ profileFile, protocols: [protocol] });
    const assessorOnlyIds = new Set(
      checkpoints(conforming.result)
        .filter(assessorOnly)
        .map((c) => c.id),
    );
    const faults = (Object.keys(FAULTS) as FaultName[]).filter((f) => FAULTS[f].protocol === protocol);
    for (const fault of faults) {
      const planFile = await onlyClaimed(dir, fault);
      const { result } = await runReference({
        profileFile: await asVariant(profileFile, fault),
        faults: [fault],
        protocols: [FAULTS[fault].protocol],
        ...(planFile ? { planFile } : {}),
      });
      for (const c of checkpoints(result))
        if (!notTestableIds().has(c.id) && !assessorOnlyIds.has(c.id)) judged.add(c.id);
      const failed = checkpoints(result)
        .filter((c) => c.status === 'failed')
        .map((c) => c.id);
      harness.push(...result.harnessErrors.map((h) => `${fault}: ${h.checkpointId ?? ''} ${h.message}`));
      caught.set(fault, failed);
      for (const id of failed) failedBy.set(id, [...(failedBy.get(id) ?? []), fault]);
    }
    for (const id of judged)
      t.diagnostic(`${id} fails under: ${(failedBy.get(id) ?? []).join(', ') || 'NOTHING'}`);
    assert.deepEqual(harness, [], 'a fault of the SUT must never look like a harness error');
    assert.deepEqual(
      [...judged].filter((id) => !failedBy.has(id)),
      [],
      'checkpoints that no fault can fail',
    );
    assert.deepEqual(
      [...caught].filter(([, ids]) => ids.length === 0).map(([f]) => f),
      [],
      'faults that no checkpoint catches (a gap in the protocol)',
    );
    const missed = faults.flatMap((fault) =>
      FAULTS[fault].breaks
        .filter((id) => !(caught.get(fault) ?? []).includes(id))
        .map((id) => `${fault} should break ${id}`),
    );
    assert.deepEqual(missed, [], 'the fault catalogue claims checkpoints the run does not fail');
  });
