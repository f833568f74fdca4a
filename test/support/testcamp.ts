// Shared by the tests of manual runs and the testcamp console.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { JournalEvent } from '../../src/driver/manual/journal.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { checkpoints, runReference } from './run.ts';

/** The events of a manual run's journal in `outDir`. */
export function journalEvents(outDir: string): JournalEvent[] {
  return readFileSync(join(outDir, 'manual-journal.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JournalEvent);
}

/** The assessor's OK for every manual checkpoint of the Diagnosekort protocol. */
export function okForEveryManualCheckpoint(): Record<string, { decision: 'OK'; evidenceFiles: [] }> {
  const manifest = parse(readFileSync(join(PACKAGE_ROOT, 'protocols/diagnosekort.yaml'), 'utf8')) as {
    checkpoints: { id: string; mode: string }[];
  };
  return Object.fromEntries(
    manifest.checkpoints
      .filter((c) => c.mode === 'manual')
      .map((c) => [c.id, { decision: 'OK' as const, evidenceFiles: [] as [] }]),
  );
}

/** Where both judge (automatic checkpoints the manual run did not leave pending), a manual Diagnosekort run says what the automatic run says. */
export async function assertSameAsAutomatic(manualResult: CertificationResult): Promise<void> {
  const { result: automatic } = await runReference({ protocols: ['diagnosekort'] });
  const manual = new Map(checkpoints(manualResult).map((c) => [c.id, c.status]));
  const both = checkpoints(automatic).filter((c) => c.mode === 'automatic' && manual.get(c.id) !== 'pending');
  assert.ok(both.length > 30, `most automatic checkpoints are judged in the manual run too (${both.length})`);
  for (const c of both) assert.equal(manual.get(c.id), c.status, c.id);
}
