// The GMv2 format is the protocol variant: a system that shares CDA while its profile declares the FHIR draft
// fails the PRF checkpoint with both formats named; the result records the variant.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { startReferenceGp } from '../../reference-gp/index.ts';
import { runCertification } from '../../src/run/run-certification.ts';
import { checkpoints, quietEnvironment } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const TOKEN = 'dsj-variant-token';

test('a system sharing CDA against a profile that declares fhir fails the PRF format check', async () => {
  const gp = await startReferenceGp({ token: TOKEN, variants: { 'dsj-gmv2': 'cda' } });
  try {
    const dir = await tempDir();
    const profile = [
      'certbench: 1',
      'vendor: MedCom (certbench)',
      'system: certbench reference GP system',
      'version: 1.0.0',
      'driver: http',
      'automation:',
      `  baseUrl: ${gp.url}`,
      '  auth: { type: bearer, tokenEnv: DSJ_TOKEN }',
      '  timeoutMs: 5000',
      'counterparts: { bindHost: 127.0.0.1, bindPort: 0, waitTimeoutMs: 400 }',
      'clockToleranceMs: 1000',
      'protocols:',
      '  dsj-gmv2: { variant: fhir }',
      '',
    ].join('\n');
    const { result } = await runCertification(
      {
        profileFile: await writeTemp(dir, 'fhir.yaml', profile),
        protocols: ['dsj-gmv2'],
        mode: 'self-test',
        outDir: join(dir, 'out'),
        strict: false,
        html: false,
        summary: false,
      },
      quietEnvironment({ DSJ_TOKEN: TOKEN }),
    );
    assert.equal(result.protocols[0]?.variant, 'fhir');
    const prf = checkpoints(result).find((c) => c.id === 'DSJ-3.3.3.1');
    assert.equal(prf?.status, 'failed');
    assert.match(prf.message ?? '', /the document is cda, the profile declares fhir/);
    assert.deepEqual(result.harnessErrors, []);
  } finally {
    await gp.stop();
  }
});
