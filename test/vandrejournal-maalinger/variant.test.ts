// The FHIR variant: the reference GP tested with the profile declaring the SDS FHIR draft passes every checkpoint
// and the result records the variant; a system that sends the other format than declared fails the format
// checkpoints; and under the FHIR variant every fault of the catalogue breaks what it claims, as the sensitivity
// test shows for the CDA variant the main profile claims.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FAULTS, startReferenceGp, type FaultName } from '../../reference-gp/index.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { runCertification } from '../../src/run/run-certification.ts';
import { checkpoints, fastReferenceProfile, quietEnvironment, runReference } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const PROTOCOL = 'vandrejournal-maalinger';
const TOKEN = 'pregnancy-variant-token';

/** Runs the protocol against a reference GP started as `runsAs`, with the FHIR profile declaring `declared`. */
async function run(runsAs: string, declared: string): Promise<CertificationResult> {
  const gp = await startReferenceGp({ token: TOKEN, variants: { [PROTOCOL]: runsAs } });
  try {
    const dir = await tempDir();
    const profile = readFileSync(join(PACKAGE_ROOT, 'profiles', 'reference-gp-fhir.yaml'), 'utf8')
      .replace('http://127.0.0.1:8080', gp.url)
      .replace(/waitTimeoutMs: \d+/, 'waitTimeoutMs: 400')
      .replace('variant: fhir', `variant: ${declared}`);
    const { result } = await runCertification(
      {
        profileFile: await writeTemp(dir, 'fhir.yaml', profile),
        protocols: [PROTOCOL],
        mode: 'self-test',
        outDir: join(dir, 'out'),
        strict: false,
        html: false,
        summary: false,
      },
      quietEnvironment({ CERTBENCH_REFERENCE_GP_TOKEN: TOKEN }),
    );
    return result;
  } finally {
    await gp.stop();
  }
}

test('with the FHIR draft as the format every checkpoint passes, and the result records the variant', async () => {
  const result = await run('fhir', 'fhir');
  const protocol = result.protocols[0];
  assert.equal(protocol?.variant, 'fhir');
  assert.deepEqual(
    protocol.checkpoints.filter((c) => c.status !== 'passed').map((c) => `${c.id} ${c.message ?? ''}`),
    [],
  );
  assert.equal(protocol.approval, 'Godkendt');
});

test('a system that sends CDA while its profile declares FHIR fails the format checkpoints', async () => {
  const result = await run('cda', 'fhir');
  const failed = result.protocols[0]?.checkpoints.filter((c) => c.status === 'failed') ?? [];
  assert.deepEqual(failed.map((c) => c.id).sort(), ['GM-3.3.1.2', 'GM-3.3.2.1', 'GM-3.4.3']);
  assert.match(failed[0]?.message ?? '', /the document is CDA, the profile declares FHIR/);
});

test('the main command takes the variant from the profile: the FHIR profile passes against the reference GP', async () => {
  const dir = await tempDir();
  const profile = readFileSync(join(PACKAGE_ROOT, 'profiles', 'reference-gp-fhir.yaml'), 'utf8').replace(
    /waitTimeoutMs: \d+/,
    'waitTimeoutMs: 400',
  );
  const { result } = await runCertification(
    {
      profileFile: await writeTemp(dir, 'fhir.yaml', profile),
      referenceGp: { faults: [] },
      protocols: 'all',
      mode: 'self-test',
      outDir: join(dir, 'out'),
      strict: false,
      html: false,
      summary: false,
    },
    quietEnvironment(),
  );
  assert.equal(result.protocols[0]?.variant, 'fhir');
  assert.equal(result.protocols[0]?.approval, 'Godkendt');
});

test('under the FHIR variant every pregnancy fault breaks the checkpoints it claims', async () => {
  const profileFile = await fastReferenceProfile(`  ${PROTOCOL}: { variant: fhir }\n`);
  const faults = (Object.keys(FAULTS) as FaultName[]).filter((f) => FAULTS[f].protocol === PROTOCOL);
  const missed: string[] = [];
  for (const fault of faults) {
    const { result } = await runReference({ profileFile, faults: [fault], protocols: [PROTOCOL] });
    assert.deepEqual(result.harnessErrors, [], fault);
    const failed = new Set(
      checkpoints(result)
        .filter((c) => c.status === 'failed')
        .map((c) => c.id),
    );
    for (const id of FAULTS[fault].breaks) if (!failed.has(id)) missed.push(`${fault} should break ${id}`);
  }
  assert.deepEqual(missed, []);
});
