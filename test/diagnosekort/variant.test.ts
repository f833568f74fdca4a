// PLSP alone (the Diagnosekort variant "plsp"): the same flow and checks, the result records the variant, and a
// testcamp operator is told to hand each change of the card over to PLSP instead of working in a GP system.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forVariant } from '../../src/driver/manual/variant-texts.ts';
import { fastReferenceProfile, runReference } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';
import { readFileSync } from 'node:fs';

test('PLSP alone passes every Diagnosekort checkpoint, and the result records the variant', async () => {
  const profile = readFileSync(await fastReferenceProfile(), 'utf8').replace(
    'diagnosekort: { variant: gp-system }',
    'diagnosekort: { variant: plsp }',
  );
  assert.match(profile, /variant: plsp/);
  const { result } = await runReference({
    profileFile: await writeTemp(await tempDir(), 'plsp.yaml', profile),
    protocols: ['diagnosekort'],
  });
  const diagnosekort = result.protocols[0];
  assert.equal(diagnosekort?.variant, 'plsp');
  assert.deepEqual(
    diagnosekort.checkpoints.filter((c) => c.status !== 'passed').map((c) => `${c.id} ${c.message ?? ''}`),
    [],
  );
});

test('with PLSP alone the operator hands changes of the card over to PLSP; sharing and other protocols are as they were', () => {
  const texts = {
    title: { da: 'Registrér diagnose', en: 'Register a diagnosis' },
    text: { da: 'Registrér …', en: 'Register …' },
  };
  const plsp = { diagnosekort: 'plsp' };
  const handedOver = forVariant('diagnosekort.register-diagnosis', texts, plsp);
  assert.match(handedOver.text.da, /^PLSP testes alene: aflevér ændringen til PLSP/);
  assert.match(handedOver.text.en, /hand the change over to PLSP the way the GP system does/);
  assert.match(handedOver.title.en, /\(hand over to PLSP\)$/);
  assert.deepEqual(forVariant('diagnosekort.share', texts, plsp), texts);
  assert.deepEqual(forVariant('lab.register-result', texts, plsp), texts);
  assert.deepEqual(
    forVariant('diagnosekort.register-diagnosis', texts, { diagnosekort: 'gp-system' }),
    texts,
  );
});
