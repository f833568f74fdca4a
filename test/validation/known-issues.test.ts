// The known-issue list: data, checked like every certbench input; an active entry marks an issue suppressed (never
// drops it), an expired one suppresses nothing and is listed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidInputError } from '../../src/errors/index.ts';
import { applyKnownIssues } from '../../src/validation/known-issues/apply.ts';
import { KNOWN_ISSUES_FILE, loadKnownIssues } from '../../src/validation/known-issues/load.ts';
import { checkProfile } from '../../src/validation/profile-check.ts';
import { tempDir, writeTemp } from '../support/temp.ts';
import { CONDITIONLIST_BUNDLE, example, sharedTestCache } from './support.ts';

const cache = sharedTestCache();
const dir = await tempDir('certbench-known-');
const NOW = new Date('2026-11-25T12:00:00Z');

const entry = (expires: string) => `knownIssues:
  - id: KI-TEST-001
    pattern:
      elementId: '^Condition\\.category:status$'
      message: 'is missing'
    rationale: a test entry standing for a documented inconsistency in MedCom's sources
    approvedBy: certbench tests
    expires: ${expires}
`;

test("certbench's own known-issue list is valid", async () => {
  const list = await loadKnownIssues(KNOWN_ISSUES_FILE);
  assert.match(list.sha256, /^[0-9a-f]{64}$/);
  for (const e of list.entries) assert.ok(Date.parse(`${e.expires}T00:00:00Z`) > 0, e.id);
});

test('an active entry marks the issue suppressed, with its id; the issue is still reported', async () => {
  const file = await writeTemp(dir, 'active.yaml', entry('2027-01-01'));
  const check = await checkProfile(example('conditionlist-receive-invalid-selftest.json'), {
    profile: CONDITIONLIST_BUNDLE,
    package: 'medcom.fhir.dk.conditionlist#1.0.1',
    cacheFolder: cache,
    now: NOW,
    knownIssuesFile: file,
  });
  assert.deepEqual(check.errors, []);
  assert.equal(check.suppressed.length, 1);
  const suppressed = check.suppressed[0];
  assert.ok(suppressed);
  assert.equal(suppressed.severity, 'error');
  assert.equal(suppressed.elementId, 'Condition.category:status');
  assert.equal(suppressed.suppressedBy?.id, 'KI-TEST-001');
  assert.ok(check.issues.includes(suppressed), 'a suppressed issue stays in the list of issues');
});

test('an expired entry suppresses nothing and is listed as expired', async () => {
  const list = await loadKnownIssues(await writeTemp(dir, 'expired.yaml', entry('2026-11-25')));
  const issue = {
    severity: 'error' as const,
    code: 'slicing' as const,
    location: 'Bundle.entry[3].resource.category',
    elementId: 'Condition.category:status',
    message: 'Condition.category:status is missing',
  };
  const assessment = applyKnownIssues([issue], list.entries, NOW);
  assert.deepEqual(assessment.errors, [issue]);
  assert.deepEqual(assessment.suppressed, []);
  assert.deepEqual(assessment.expired, [
    { id: 'KI-TEST-001', expires: '2026-11-25', location: issue.location },
  ]);
});

test('a malformed list stops with file, line and field', async () => {
  const file = await writeTemp(
    dir,
    'bad.yaml',
    `knownIssues:
  - id: KI-1
    pattern: { message: '(' }
    rationale: too short
    expires: 2027-13-01
  - id: KI-1
    pattern: {}
    rationale: a long enough rationale for the entry to pass
    approvedBy: someone
    expires: 2027-01-01
`,
  );
  const error = await loadKnownIssues(file).then(
    () => assert.fail('expected invalid input'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof InvalidInputError);
  const fields = error.issues.map((i) => `${i.line ?? '?'} ${i.field ?? ''}`);
  assert.ok(fields.includes('3 knownIssues[0].pattern.message'), fields.join(', '));
  assert.ok(fields.includes('4 knownIssues[0].rationale'), fields.join(', '));
  assert.ok(
    fields.some((f) => f.endsWith('knownIssues[0].approvedBy')),
    fields.join(', '),
  );
  assert.ok(fields.includes('5 knownIssues[0].expires'), fields.join(', '));
  assert.ok(fields.includes('7 knownIssues[1].pattern'), fields.join(', '));
  assert.ok(error.issues.every((i) => i.file === file));
});

test('duplicate ids are refused', async () => {
  const twice = entry('2027-01-01') + entry('2027-01-01').replace('knownIssues:\n', '');
  await assert.rejects(
    loadKnownIssues(await writeTemp(dir, 'twice.yaml', twice)),
    /duplicate id KI-TEST-001/,
  );
});
