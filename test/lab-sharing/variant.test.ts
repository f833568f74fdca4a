// PLSP as the sender: the reference GP started as the lab-sharing variant "plsp" and tested with the profile that
// declares it passes every checkpoint, and the result records the variant; a profile that declares a variant the
// system does not run as fails the sender checkpoint.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startReferenceGp } from '../../reference-gp/index.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { runCertification } from '../../src/run/run-certification.ts';
import { quietEnvironment, runReference } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const TOKEN = 'variant-test-token';

/** Runs lab-sharing against a reference GP started as `runsAs`, with the PLSP profile declaring `declared`. */
async function run(runsAs: string, declared: string): Promise<CertificationResult> {
  const gp = await startReferenceGp({ token: TOKEN, variants: { 'lab-sharing': runsAs } });
  try {
    const dir = await tempDir();
    const profile = readFileSync(join(PACKAGE_ROOT, 'profiles', 'reference-gp-plsp.yaml'), 'utf8')
      .replace('http://127.0.0.1:8080', gp.url)
      .replace(/waitTimeoutMs: \d+/, 'waitTimeoutMs: 400')
      .replace('variant: plsp', `variant: ${declared}`);
    const { result } = await runCertification(
      {
        profileFile: await writeTemp(dir, 'plsp.yaml', profile),
        protocols: ['lab-sharing'],
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

test('with PLSP as the sender every lab checkpoint passes, and the result records the variant', async () => {
  const result = await run('plsp', 'plsp');
  const lab = result.protocols[0];
  assert.equal(lab?.variant, 'plsp');
  assert.deepEqual(
    lab.checkpoints.filter((c) => c.status !== 'passed').map((c) => `${c.id} ${c.message ?? ''}`),
    [],
  );
  assert.equal(lab.approval, 'Godkendt');
});

test('a system that does not send as the declared variant fails the sender checkpoint', async () => {
  const result = await run('gp-system', 'plsp');
  const failed = result.protocols[0]?.checkpoints.filter((c) => c.status === 'failed') ?? [];
  assert.deepEqual(
    failed.map((c) => c.id),
    ['LAB-3.3.1.16'],
  );
  assert.match(
    failed[0]?.message ?? '',
    /MessageHeader\.source\.name is "certbench reference GP system", expected "PLSP"/,
  );
});

/** The PLSP profile with a short wait, its variant line replaced by `variantLine`. */
async function plspProfile(variantLine = 'variant: plsp'): Promise<string> {
  const text = readFileSync(join(PACKAGE_ROOT, 'profiles', 'reference-gp-plsp.yaml'), 'utf8')
    .replace(/waitTimeoutMs: \d+/, 'waitTimeoutMs: 400')
    .replace('variant: plsp', variantLine);
  return writeTemp(await tempDir(), 'plsp.yaml', text);
}

test('the main command takes the variant from the profile: the PLSP profile passes against the reference GP', async () => {
  const { result } = await runReference({ profileFile: await plspProfile() });
  assert.equal(result.protocols[0]?.variant, 'plsp');
  assert.equal(result.protocols[0]?.approval, 'Godkendt');
});

test('a profile naming no variant, or an unknown one, stops the run before it starts', async () => {
  for (const [replacement, expected] of [
    ['variant: pharmacy', /protocols\.lab-sharing\.variant.*"pharmacy" is not a variant of lab-sharing/s],
    ['useCases: []', /protocols\.lab-sharing\.variant.*choose the variant tested: gp-system or plsp/s],
  ] as const) {
    await assert.rejects(runReference({ profileFile: await plspProfile(replacement) }), (error: Error) => {
      assert.match(`${error.message} ${JSON.stringify(error)}`, expected);
      return true;
    });
  }
});
