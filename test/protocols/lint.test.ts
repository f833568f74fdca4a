import assert from 'node:assert/strict';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { InvalidInputError } from '../../src/errors/index.ts';
import { loadProtocols } from '../../src/protocols/load.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { tempDir } from '../support/temp.ts';

/** A copy of the real protocols and features, to break. */
async function copyOfProtocols(): Promise<string> {
  const root = await tempDir();
  await cp(join(PACKAGE_ROOT, 'protocols'), join(root, 'protocols'), { recursive: true });
  await cp(join(PACKAGE_ROOT, 'features'), join(root, 'features'), { recursive: true });
  return root;
}

async function lintErrors(root: string): Promise<string> {
  const error = await loadProtocols(root).then(
    () => assert.fail('lint should fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof InvalidInputError, String(error));
  return error.message;
}

async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = text.replace(from, to);
  assert.notEqual(next, text, `edit did not apply to ${file}`);
  await writeFile(file, next);
}

test('the shipped protocols pass lint', async () => {
  const catalogue = await loadProtocols(PACKAGE_ROOT);
  const diagnosekort = catalogue.manifests.find((m) => m.id === 'diagnosekort');
  assert.ok(diagnosekort && diagnosekort.checkpoints.length >= 25);
  assert.equal(catalogue.scenarios.get('diagnosekort')?.length, diagnosekort.checkpoints.length);
});

test('a checkpoint without a scenario and a scenario with an unknown checkpoint both fail', async () => {
  const root = await copyOfProtocols();
  await edit(
    join(root, 'features/diagnosekort/01-s1-1-one-diagnosis.feature'),
    '@cp:DK-3.3.1.4',
    '@cp:DK-9.9.9',
  );
  const message = await lintErrors(root);
  assert.match(message, /checkpoint DK-3\.3\.1\.4 has no scenario/);
  assert.match(message, /01-s1-1-one-diagnosis\.feature:\d+: @cp:DK-9\.9\.9 is not a checkpoint/);
});

test('duplicate ids, unknown tags, unknown use cases and missing tags fail', async () => {
  const root = await copyOfProtocols();
  const manifest = join(root, 'protocols/diagnosekort.yaml');
  await edit(manifest, 'id: DK-3.3.1.5\n', 'id: DK-3.3.1.4\n');
  await edit(manifest, /useCase: S1-6\n {4}grade: F3/, 'useCase: S9\n    grade: F3');
  const feature = join(root, 'features/diagnosekort/02-s1-2-more-diagnoses.feature');
  await edit(feature, '@cp:DK-3.3.2.2', '@cp:DK-3.3.2.2 @wip');
  await edit(feature, '  @cp:DK-3.3.2.3\n', '');
  const message = await lintErrors(root);
  assert.match(message, /duplicate checkpoint id "DK-3\.3\.1\.4"/);
  assert.match(message, /unknown use case "S9"/);
  assert.match(message, /unknown tag @wip/);
  assert.match(message, /must have exactly one @cp: tag, has 0/);
});

test('coverage of the official protocol: an official step without checkpoint or reason, an id without its step number, an own check not provisional', async () => {
  const root = await copyOfProtocols();
  const manifest = join(root, 'protocols/diagnosekort.yaml');
  // DK-3.3.1.9 now claims another step: 3.3.1.9 is left uncovered, and its id no longer carries its step.
  await edit(manifest, /officialSteps:\n {6}- 3\.3\.1\.9\n/, 'officialSteps:\n      - 3.3.1.8\n');
  await edit(manifest, / {6}- 3\.3\.1\.12\n/, '      - 3.9.9.9\n');
  const cb1 = /(id: DK-CB-1\n(?:.*\n){4}) {4}provisional:\n {6}source:\n(?: {8}.*\n)+/;
  await edit(manifest, cb1, '$1');
  const message = await lintErrors(root);
  assert.match(
    message,
    /official step 3\.3\.1\.9 of Test protocol for Sending a ConditionList 1\.0\.2 has no checkpoint and no reason/,
  );
  assert.match(message, /DK-3\.3\.1\.9 must carry the number of one of its official steps \(3\.3\.1\.8\)/);
  assert.match(message, /3\.9\.9\.9 is not a step of protocols\/official\/conditionlist-send-1\.0\.2\.yaml/);
  assert.match(message, /official step 3\.3\.1\.12 .* has no checkpoint and no reason/);
  assert.match(message, /DK-CB-1 goes beyond .*: mark it provisional with its source/);
});

test('a manifest that breaks the schema names the field', async () => {
  const root = await copyOfProtocols();
  await edit(join(root, 'protocols/diagnosekort.yaml'), 'grade: F4', 'grade: F5');
  await mkdir(join(root, 'x'), { recursive: true });
  const message = await lintErrors(root);
  assert.match(message, /diagnosekort\.yaml:\d+: checkpoints\[\d+\]\.grade/);
});
