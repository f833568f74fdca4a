import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { InvalidInputError } from '../../src/errors/index.ts';
import { loadProfile, resolveToken } from '../../src/profile/load.ts';
import { tempDir, writeTemp } from '../support/temp.ts';

const VALID = `certbench: 1
vendor: EG A/S
system: Clinea
version: 4.2.1
automation:
  baseUrl: https://sut.example.test
  auth:
    type: bearer
    tokenEnv: SUT_TOKEN
protocols:
  diagnosekort:
    useCases: [S1.A1]
`;

async function issuesOf(text: string): Promise<InvalidInputError['issues']> {
  const file = await writeTemp(await tempDir(), 'profile.yaml', text);
  const error = await loadProfile(file).then(
    () => assert.fail('expected an input error'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof InvalidInputError, String(error));
  return error.issues;
}

test('a valid profile is normalised with defaults', async () => {
  const file = await writeTemp(await tempDir(), 'profile.yaml', VALID);
  const profile = await loadProfile(file);
  assert.equal(profile.vendor, 'EG A/S');
  assert.equal(profile.driver, 'http');
  assert.equal(profile.automation.timeoutMs, 10_000);
  assert.equal(profile.counterparts.bindHost, '127.0.0.1');
  assert.deepEqual(profile.protocols['diagnosekort'], { useCases: ['S1.A1'] });
  assert.match(profile.sha256, /^[0-9a-f]{64}$/);
});

test('malformed YAML names the file and line', async () => {
  const issues = await issuesOf('certbench: 1\nvendor: [unclosed\nsystem: x\n');
  assert.match(issues[0]?.file ?? '', /profile\.yaml$/);
  assert.ok((issues[0]?.line ?? 0) >= 2, JSON.stringify(issues));
  assert.match(issues[0]?.message ?? '', /not valid YAML/);
});

test('an unknown field names the field and its line', async () => {
  const issues = await issuesOf(VALID.replace('version: 4.2.1', 'version: 4.2.1\nvendorr: typo'));
  const unknown = issues.find((i) => /unknown field/.test(i.message));
  assert.ok(unknown, JSON.stringify(issues));
  assert.match(unknown.message, /"vendorr"/);
  assert.equal(unknown.line, 5);
});

test('a wrong value names the field and what was expected', async () => {
  const issues = await issuesOf(
    VALID.replace('https://sut.example.test', 'not a url').replace('SUT_TOKEN', 'abc-secret'),
  );
  const fields = issues.map((i) => i.field);
  assert.ok(fields.includes('automation.baseUrl'), JSON.stringify(issues));
  const token = issues.find((i) => i.field === 'automation.auth.tokenEnv');
  assert.match(token?.message ?? '', /NAME of an environment variable/);
  assert.equal(token?.line, 9);
});

test('every problem is reported at once', async () => {
  const issues = await issuesOf('certbench: 2\nvendor: ""\n');
  assert.ok(issues.length >= 4, JSON.stringify(issues));
});

test('a missing token variable is an input error naming the variable', async () => {
  const file = await writeTemp(await tempDir(), 'profile.yaml', VALID);
  const profile = await loadProfile(file);
  assert.throws(
    () => resolveToken(profile, {}),
    (e: unknown) => e instanceof InvalidInputError && /SUT_TOKEN is not set/.test(e.message),
  );
  assert.equal(resolveToken(profile, { SUT_TOKEN: 'abc' }), 'abc');
});

test('fhirPackages is resolved against the profile folder', async () => {
  const dir = await tempDir();
  const file = await writeTemp(
    dir,
    'p.yaml',
    `certbench: 1
vendor: V
system: S
version: '1'
automation: { baseUrl: 'http://127.0.0.1:1' }
fhirPackages: cache/fhir
protocols: { diagnosekort: {} }
`,
  );
  const profile = await loadProfile(file);
  assert.equal(profile.fhirPackages, join(dir, 'cache', 'fhir'));
  assert.deepEqual(profile.automation.inboundUrls, {});
});
