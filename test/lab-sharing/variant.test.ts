// PLSP as the sender: the reference GP started as the lab-sharing variant "plsp" and tested with the profile that
// declares it passes every checkpoint, and the result records the variant; a profile that declares a variant the
// system does not run as fails the sender checkpoint.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runAsVariant, runReference, variantProfile } from '../support/run.ts';

const run = (runsAs: string, declared: string) =>
  runAsVariant('lab-sharing', 'reference-gp-plsp.yaml', runsAs, declared);

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

test('a system that does not send as the declared variant fails the sender checkpoints', async () => {
  const result = await run('gp-system', 'plsp');
  const failed = result.protocols[0]?.checkpoints.filter((c) => c.status === 'failed') ?? [];
  // The source's name (3.3.1.16) and its software (3.3.1.21) name the GP system, not PLSP.
  assert.deepEqual(
    failed.map((c) => c.id),
    ['LAB-3.3.1.16', 'LAB-3.3.1.21'],
  );
  assert.match(
    failed[0]?.message ?? '',
    /MessageHeader\.source\.name is "certbench reference GP system", expected "PLSP"/,
  );
});

const plspProfile = (variant: string | undefined) => variantProfile('reference-gp-plsp.yaml', variant);

test('the main command takes the variant from the profile: the PLSP profile passes against the reference GP', async () => {
  const { result } = await runReference({ profileFile: await plspProfile('plsp') });
  assert.equal(result.protocols[0]?.variant, 'plsp');
  assert.equal(result.protocols[0]?.approval, 'Godkendt');
});

test('a profile naming no variant, or an unknown one, stops the run before it starts', async () => {
  for (const [replacement, expected] of [
    ['pharmacy', /protocols\.lab-sharing\.variant.*"pharmacy" is not a variant of lab-sharing/s],
    [undefined, /protocols\.lab-sharing\.variant.*choose the variant tested: gp-system or plsp/s],
  ] as const) {
    await assert.rejects(runReference({ profileFile: await plspProfile(replacement) }), (error: Error) => {
      assert.match(`${error.message} ${JSON.stringify(error)}`, expected);
      return true;
    });
  }
});
