// `certbench validate <file>`: prints every issue, exit 0 without errors and 1 with errors; unreadable input and a
// missing package are invalid input.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { validateCommand } from '../../src/cli/commands/validate.ts';
import { InvalidInputError } from '../../src/errors/index.ts';
import { quietEnvironment } from '../support/run.ts';
import { tempDir, writeTemp } from '../support/temp.ts';
import { CONDITIONLIST_BUNDLE, EXAMPLES, sharedTestCache } from './support.ts';

const cache = sharedTestCache();
const env = () => quietEnvironment({ CERTBENCH_FHIR_PACKAGES: cache });

test('a conforming document: exit 0, the profile and package named', async () => {
  const e = env();
  const code = await validateCommand(join(EXAMPLES, 'conditionlist-example-1-minimal.json'), {}, e);
  assert.equal(code, 0);
  assert.match(
    e.output(),
    new RegExp(`against ${CONDITIONLIST_BUNDLE} \\(package medcom\\.fhir\\.dk\\.conditionlist#1\\.0\\.1`),
  );
  assert.match(e.output(), /^valid: 0 errors, \d+ warnings/m);
});

test('an invalid document: exit 1 and the error with its location and element', async () => {
  const e = env();
  const code = await validateCommand(
    join(EXAMPLES, 'conditionlist-receive-invalid-selftest.json'),
    { profile: CONDITIONLIST_BUNDLE },
    e,
  );
  assert.equal(code, 1);
  assert.match(e.output(), /error Bundle\.entry\[3\]\.resource\.category: .*\[Condition\.category:status\]/);
  assert.match(e.output(), /^INVALID: 1 errors/m);
});

test('--fhir-packages overrides the environment', async () => {
  const e = quietEnvironment({ CERTBENCH_FHIR_PACKAGES: '/nonexistent/never-written' });
  const code = await validateCommand(
    join(EXAMPLES, 'homecareobservation-r1-3.3.1.1-basic.json'),
    { fhirPackages: cache },
    e,
  );
  assert.equal(code, 0);
  // The newest shipped HomeCareObservation package defines the profile, and the earlier example conforms to it.
  assert.match(e.output(), /package medcom\.fhir\.dk\.homecareobservation#1\.2\.1/);
});

test('unreadable input is invalid input', async () => {
  const dir = await tempDir();
  await assert.rejects(validateCommand(join(dir, 'absent.json'), {}, env()), InvalidInputError);
  await assert.rejects(
    validateCommand(await writeTemp(dir, 'x.json', '{ not json'), {}, env()),
    InvalidInputError,
  );
  await assert.rejects(
    validateCommand(await writeTemp(dir, 'y.json', '{"a":1}'), {}, env()),
    /no resourceType/,
  );
});

test('a profile no package defines is invalid input', async () => {
  const file = join(EXAMPLES, 'conditionlist-example-1-minimal.json');
  await assert.rejects(
    validateCommand(file, { profile: 'http://example.org/StructureDefinition/unknown' }, env()),
    (e: unknown) => e instanceof InvalidInputError && /no FHIR package .* defines/.test(e.message),
  );
});

test('a missing package is invalid input naming the package and version', async () => {
  const folder = await tempDir('certbench-fhir-missing-');
  const dir = join(folder, 'example.ig#1.0.0', 'package');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'example.ig',
      version: '1.0.0',
      canonical: 'http://example.org/ig',
      dependencies: { 'example.absent': '2.3.4' },
    }),
  );
  const url = 'http://example.org/ig/StructureDefinition/p';
  await writeFile(
    join(dir, '.index.json'),
    JSON.stringify({
      'index-version': 1,
      files: [{ filename: 'StructureDefinition-p.json', resourceType: 'StructureDefinition', url }],
    }),
  );
  await assert.rejects(
    validateCommand(
      join(EXAMPLES, 'conditionlist-example-1-minimal.json'),
      { profile: url, fhirPackages: folder },
      env(),
    ),
    (e: unknown) =>
      e instanceof InvalidInputError && /example\.absent version 2\.3\.4 is missing/.test(e.message),
  );
});
