// The reference GP against dsj-gmv2: every automatic checkpoint that can run passes, the checkpoints waiting for
// national infrastructure are pending with their reason, both in certification-result.json and in the Allure
// results, and a fault is reported with what the SUT did wrong.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { FAULTS, type FaultName } from '../../reference-gp/index.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { checkpoints, fastReferenceProfile, runReference } from '../support/run.ts';

interface ManifestCheckpoint {
  id: string;
  mode: string;
  notTestable?: string;
}
const MANIFEST = parse(readFileSync(join(PACKAGE_ROOT, 'protocols', 'dsj-gmv2.yaml'), 'utf8')) as {
  checkpoints: ManifestCheckpoint[];
};
const PENDING = MANIFEST.checkpoints.filter((c) => c.notTestable !== undefined);

async function run(faults: string[] = [], variant = 'cda') {
  return runReference({
    profileFile: await fastReferenceProfile(`  dsj-gmv2: { variant: ${variant} }\n`),
    protocols: ['dsj-gmv2'],
    faults,
  });
}

interface AllureResult {
  name: string;
  status: string;
  statusDetails?: { message?: string };
  labels: { name: string; value: string }[];
}

describe('dsj-gmv2 against the reference GP', () => {
  it('passes every runnable automatic checkpoint and reports the others pending with their reason', async () => {
    const { result, outDir } = await run();
    const all = checkpoints(result);
    assert.deepEqual(
      all
        .filter((c) => c.mode === 'automatic' && c.status !== 'passed' && !PENDING.some((p) => p.id === c.id))
        .map((c) => `${c.id} ${c.status} ${c.message ?? ''}`),
      [],
    );
    assert.ok(PENDING.length >= 4, 'the protocol declares its not-yet-testable checkpoints');
    assert.equal(result.protocols[0]?.approval, 'Delvist godkendt');

    // certification-result.json as written, not only the object in memory.
    const written = JSON.parse(
      readFileSync(join(outDir, 'certification-result.json'), 'utf8'),
    ) as CertificationResult;
    const allure = readdirSync(join(outDir, 'allure-results'))
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(readFileSync(join(outDir, 'allure-results', f), 'utf8')) as AllureResult);
    for (const cp of PENDING) {
      const reason = cp.notTestable ?? '';
      const inResult = checkpoints(written).find((c) => c.id === cp.id);
      assert.equal(inResult?.status, 'pending', cp.id);
      assert.equal(inResult.message, `not yet testable: ${reason}`);
      const inAllure = allure.find((a) => a.name.startsWith(`${cp.id} `));
      assert.equal(inAllure?.status, 'skipped', cp.id);
      assert.equal(inAllure.statusDetails?.message, `Pending: not yet testable: ${reason}`);
      assert.deepEqual(
        inAllure.labels.find((l) => l.name === 'verdict'),
        { name: 'verdict', value: 'pending' },
      );
    }
  });

  it('couples to GMv2 in the FHIR variant as well as in CDA', async () => {
    const { result } = await run([], 'fhir');
    const coupling = checkpoints(result).filter((c) => /^DSJ-3\.3\.[34]\./.test(c.id));
    assert.equal(coupling.length, 7);
    assert.deepEqual(
      coupling.filter((c) => c.status !== 'passed').map((c) => `${c.id} ${c.message ?? ''}`),
      [],
    );
  });

  it('reports a fault with the element, the expectation and what was found', async () => {
    const { result } = await run([
      'dsj-attachment-size-in-kilobytes',
      'dsj-pdf-questionnaire-values',
      'dsj-pscr-stale-alcohol',
    ]);
    const failed = Object.fromEntries(
      checkpoints(result)
        .filter((c) => c.status === 'failed')
        .map((c) => [c.id, c.message ?? '']),
    );
    assert.match(failed['DSJ-3.3.2.6'] ?? '', /decodes to \d+ bytes, OriginalObjectSize says \d+/);
    assert.match(failed['DSJ-3.3.2.9'] ?? '', /"Alkohol \(genstande pr\. uge\): 1" is not shown/);
    assert.match(failed['DSJ-3.3.4.1'] ?? '', /drinks per week \(228958009\) is 0 \(integer\), expected 1/);
    assert.deepEqual(result.harnessErrors, []);
  });
});

describe('the DSJ fault catalogue', () => {
  it('covers every runnable automatic checkpoint and names only real ones', () => {
    const faults = (Object.keys(FAULTS) as FaultName[]).filter((f) => FAULTS[f].protocol === 'dsj-gmv2');
    const broken = new Set(faults.flatMap((f) => FAULTS[f].breaks as readonly string[]));
    const runnable = MANIFEST.checkpoints.filter(
      (c) => c.mode === 'automatic' && c.notTestable === undefined,
    );
    assert.deepEqual(
      runnable.filter((c) => !broken.has(c.id)).map((c) => c.id),
      [],
    );
    const ids = new Set(MANIFEST.checkpoints.map((c) => c.id));
    assert.deepEqual(
      [...broken].filter((id) => !ids.has(id)),
      [],
    );
    assert.deepEqual(
      [...broken].filter((id) => PENDING.some((p) => p.id === id)),
      [],
      'no fault claims a pending checkpoint',
    );
  });
});
