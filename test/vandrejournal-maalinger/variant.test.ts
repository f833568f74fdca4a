// The FHIR variant: the reference GP tested with the profile declaring the SDS FHIR draft passes every checkpoint
// and the result records the variant; a system that sends the other format than declared fails the format
// checkpoints; and under the FHIR variant every fault of the catalogue breaks what it claims, as the sensitivity
// test shows for the CDA variant the main profile claims.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAULTS, type FaultName } from '../../reference-gp/index.ts';
import {
  checkpoints,
  fastReferenceProfile,
  runAsVariant,
  runReference,
  variantProfile,
} from '../support/run.ts';

const PROTOCOL = 'vandrejournal-maalinger';
const run = (runsAs: string, declared: string) =>
  runAsVariant(PROTOCOL, 'reference-gp-fhir.yaml', runsAs, declared);

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
  const { result } = await runReference({
    profileFile: await variantProfile('reference-gp-fhir.yaml', 'fhir'),
  });
  assert.equal(result.protocols[0]?.variant, 'fhir');
  assert.equal(result.protocols[0]?.approval, 'Godkendt');
});

test('under the FHIR variant every pregnancy fault breaks the checkpoints it claims', async () => {
  const profileFile = await fastReferenceProfile(`  ${PROTOCOL}: { variant: fhir }\n`);
  // A fault of the CDA variant only (e.g. the CDA narrative) has nothing to break in FHIR.
  const faults = (Object.keys(FAULTS) as FaultName[]).filter(
    (f) => FAULTS[f].protocol === PROTOCOL && (FAULTS[f] as { variant?: string }).variant !== 'cda',
  );
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
