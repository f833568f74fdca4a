// Cucumber's habits on `certbench run`: --tags, --checkpoint, --name, features/…:line and --dry-run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { InvalidInputError } from '../../src/errors/index.ts';
import { EXIT } from '../../src/errors/exit-codes.ts';
import { loadProtocols } from '../../src/protocols/load.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { selectCheckpoints, type ScenarioSelection } from '../../src/selection/select.ts';
import { checkpoint, checkpoints, runReference } from '../support/run.ts';

const FEATURE = 'features/diagnosekort/01-s1-1-one-diagnosis.feature';

async function select(selection: ScenarioSelection): Promise<string[]> {
  const catalogue = await loadProtocols(PACKAGE_ROOT);
  const manifests = catalogue.manifests.filter((m) => m.id === 'diagnosekort');
  const found = selectCheckpoints(manifests, catalogue.scenarios, selection, PACKAGE_ROOT, PACKAGE_ROOT);
  return [...(found?.ids ?? [])].sort();
}

test('a tag expression selects over checkpoint, use case and protocol tags', async () => {
  const s11 = await select({ tags: '@usecase:S1-1' });
  assert.ok(s11.length > 5 && s11.every((id) => id.startsWith('DK-3.3.1.')), s11.join(' '));
  assert.deepEqual(
    await select({ tags: '@usecase:S1-1 and not @cp:DK-3.3.1.1' }),
    s11.filter((id) => id !== 'DK-3.3.1.1'),
  );
  assert.deepEqual(await select({ tags: '@cp:DK-3.3.1.2 or @cp:DK-3.3.1.3' }), ['DK-3.3.1.2', 'DK-3.3.1.3']);
  assert.ok((await select({ tags: '@protocol:diagnosekort' })).length > 50);
});

test('--checkpoint, --name and feature:line select as cucumber does, and combine', async () => {
  assert.deepEqual(await select({ checkpoints: ['DK-3.3.1.4'] }), ['DK-3.3.1.4']);
  assert.deepEqual(await select({ name: 'tidligere klinik$' }), ['DK-3.3.1.2', 'DK-3.3.1.3']);
  assert.deepEqual(await select({ locations: [`${FEATURE}:17`] }), ['DK-3.3.1.2'], 'the scenario on line 17');
  assert.deepEqual(await select({ locations: [`${FEATURE}:19`] }), ['DK-3.3.1.2'], 'a line inside it');
  assert.ok((await select({ locations: [FEATURE] })).length > 5, 'a whole file');
  assert.deepEqual(await select({ locations: [FEATURE], name: 'tidligere' }), [
    'DK-3.3.1.2',
    'DK-3.3.1.3',
    'DK-3.3.1.5',
  ]);
});

test('a selection that cannot be understood, or selects nothing, is an input error naming it', async () => {
  const inputError = (pattern: RegExp) => (e: unknown) =>
    e instanceof InvalidInputError && pattern.test(e.message);
  await assert.rejects(
    select({ tags: '@cp:(' }),
    inputError(/--tags: Tag expression "@cp:\(" could not be parsed/),
  );
  await assert.rejects(
    select({ checkpoints: ['DK-9.9.9'] }),
    inputError(/--checkpoint: no such checkpoint .*DK-9\.9\.9/),
  );
  await assert.rejects(select({ name: '(' }), inputError(/--name: /));
  await assert.rejects(
    select({ locations: [`${FEATURE}:1`] }),
    inputError(/:1: no scenario on or before line 1/),
  );
  await assert.rejects(
    select({ locations: ['features/nope.feature'] }),
    inputError(/no scenario of the protocols/),
  );
  await assert.rejects(select({ tags: '@cp:DK-9.9.9' }), inputError(/selects no checkpoint/));
});

test('a selected run judges what it selects; what it leaves out is pending, never passed', async () => {
  const { result } = await runReference({
    protocols: ['diagnosekort'],
    selection: { checkpoints: ['DK-3.3.1.2', 'DK-3.3.1.3'] },
  });
  assert.equal(checkpoint(result, 'DK-3.3.1.3').status, 'passed');
  const rest = checkpoints(result).filter((c) => !['DK-3.3.1.2', 'DK-3.3.1.3'].includes(c.id));
  assert.ok(rest.length > 50);
  for (const c of rest.filter((c) => c.status !== 'not-applicable')) {
    assert.equal(c.status, 'pending', c.id);
    assert.match(
      c.message ?? '',
      /^(not selected in this run \(--checkpoint DK-3\.3\.1\.2 DK-3\.3\.1\.3\)|not yet testable)/,
      c.id,
    );
  }
  assert.equal(result.protocols[0]?.approval, 'Delvist godkendt');
  assert.deepEqual(result.harnessErrors, []);
});

test('--dry-run lists what would run and why the rest would not, and starts nothing', () => {
  const run = spawnSync(
    process.execPath,
    [
      join(PACKAGE_ROOT, 'bin/certbench.js'),
      'run',
      '--reference-gp',
      '--protocol',
      'diagnosekort',
      '--tags',
      '@usecase:S1-1',
      '--dry-run',
    ],
    { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } },
  );
  assert.equal(run.status, EXIT.ok, run.stderr);
  assert.match(run.stdout, /^diagnosekort 1\.0\.2$/m);
  assert.match(run.stdout, /^ {2}\+ DK-3\.3\.1\.2 +run {2}Et Diagnosekort/m);
  assert.match(run.stdout, /^ {2}- DK-3\.3\.2\.1 +not selected \(--tags "@usecase:S1-1"\)/m);
  assert.match(run.stdout, /\d+ checkpoint\(s\) would run; nothing was started \(--dry-run\)\.$/m);
  const bad = spawnSync(
    process.execPath,
    [join(PACKAGE_ROOT, 'bin/certbench.js'), 'run', '--reference-gp', '--tags', 'and', '--dry-run'],
    { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } },
  );
  assert.equal(bad.status, EXIT.invalidInput);
  assert.match(bad.stderr, /--tags: /);
});
