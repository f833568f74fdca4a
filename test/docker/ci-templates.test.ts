// The CI templates cannot run here (no GitHub, no GitLab), so every name they use is checked against what it
// names: certbench's commands and options (from its own --help), the token variable of the example profile, the
// JUnit file a run writes, the npm cache, and a certbench pin that is a commit, never an invented tag.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { writeCiJobSummary } from '../../src/cli/ci-job-summary.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { quietEnvironment } from '../support/run.ts';
import { writeTemp } from '../support/temp.ts';

const TEMPLATES = readdirSync(join(PACKAGE_ROOT, 'ci-templates'))
  .filter((f) => f.endsWith('.yml'))
  .map((f) => ({ file: f, text: readFileSync(join(PACKAGE_ROOT, 'ci-templates', f), 'utf8') }));

const tokenEnv = (
  parse(readFileSync(join(PACKAGE_ROOT, 'examples/vendor-profile.yaml'), 'utf8')) as {
    automation: { auth: { tokenEnv: string } };
  }
).automation.auth.tokenEnv;

const helpCache = new Map<string, string>();
function help(command: string): string {
  let text = helpCache.get(command);
  if (text === undefined) {
    text = execFileSync(process.execPath, [join(PACKAGE_ROOT, 'bin/certbench.js'), command, '--help'], {
      encoding: 'utf8',
    });
    helpCache.set(command, text);
  }
  return text;
}

/** Every certbench invocation in a template: the command and its --options. */
function invocations(text: string): { command: string; options: string[]; line: string }[] {
  return [...text.matchAll(/certbench\.js (\w[\w-]*)([^\n]*)/g)].map((m) => ({
    command: m[1] ?? '',
    options: [...(m[2] ?? '').matchAll(/(?:^|\s)(--[a-z][\w-]*)/g)].map((o) => o[1] ?? ''),
    line: m[0],
  }));
}

test('there are self-hosted and service-container templates for GitHub Actions and GitLab', () => {
  assert.deepEqual(TEMPLATES.map((t) => t.file).sort(), [
    'github-actions-self-hosted.yml',
    'github-actions-service.yml',
    'gitlab-ci-self-hosted.yml',
    'gitlab-ci-service.yml',
  ]);
});

test('every certbench command and option a template uses exists in the CLI', () => {
  for (const { file, text } of TEMPLATES) {
    assert.doesNotThrow(() => parse(text), `${file} is valid YAML`);
    const calls = invocations(text);
    assert.deepEqual(
      [...new Set(calls.map((c) => c.command))].sort(),
      ['check', 'run'],
      `${file}: check, then run`,
    );
    for (const call of calls) {
      for (const option of call.options)
        assert.match(help(call.command), new RegExp(`\\s${option}\\b`), `${file}: ${call.line}: ${option}`);
    }
  }
});

test('one token variable everywhere: the example profile, the templates, the README and the compose file', () => {
  assert.equal(tokenEnv, 'CERTBENCH_SUT_TOKEN');
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const compose = readFileSync(join(PACKAGE_ROOT, 'docker/compose.yaml'), 'utf8');
  for (const { file, text } of TEMPLATES) {
    assert.match(text, new RegExp(`${tokenEnv}: \\$\\{\\{ secrets\\.${tokenEnv} \\}\\}|masked`), file);
    assert.match(text, new RegExp(`tokenEnv: ${tokenEnv}|automation\\.auth\\.tokenEnv`), file);
  }
  for (const [name, text] of [
    ...TEMPLATES.map((t) => [t.file, t.text]),
    ['README.md', readme],
    ['compose', compose],
  ])
    for (const variable of text?.match(/\b[A-Z][A-Z_]*_TOKEN\b/g) ?? [])
      assert.ok(
        variable === tokenEnv || variable === 'CERTBENCH_REFERENCE_GP_TOKEN',
        `${String(name)} names the token variable ${variable}, not ${tokenEnv}`,
      );
});

test('certbench is pinned to a commit the vendor names, never to a tag that does not exist', () => {
  const tags = execFileSync('git', ['tag', '--list'], { cwd: PACKAGE_ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const { file, text } of TEMPLATES) {
    for (const ref of text.matchAll(/\bref: (.+)$/gm))
      assert.ok(
        ref[1] === '${{ vars.CERTBENCH_COMMIT }}' || tags.includes(ref[1] ?? ''),
        `${file}: ref ${ref[1]}`,
      );
    assert.match(text, /CERTBENCH_COMMIT/, `${file} pins certbench by commit`);
    assert.doesNotMatch(text, /\bv\d+\.\d+\.\d+\b/, `${file} names a version tag`);
  }
});

test('JUnit shows in the CI system: GitLab reports it, GitHub gets the summary; npm is cached', () => {
  for (const { file, text } of TEMPLATES) {
    const out = /certbench\.js run [^\n]*--out (\S+)/.exec(text)?.[1];
    assert.ok(out, `${file} names the output folder`);
    if (file.startsWith('gitlab')) {
      const job = (
        parse(text) as Record<
          string,
          {
            artifacts: { reports: { junit: string } };
            cache: { paths: string[] };
            variables: Record<string, string>;
          }
        >
      )['certbench'];
      assert.equal(
        job?.artifacts.reports.junit,
        `${out}/junit.xml`,
        `${file}: reports:junit is the run's JUnit`,
      );
      assert.equal(job.variables['npm_config_cache'], '$CI_PROJECT_DIR/.npm');
      assert.deepEqual(job.cache.paths, ['.npm/'], `${file}: npm's cache folder is cached`);
    } else {
      assert.match(text, new RegExp(`${out}/junit\\.xml`), `${file} keeps the JUnit file`);
      assert.match(text, /cache: npm\n\s+cache-dependency-path: \.certbench\/package-lock\.json/, file);
      assert.match(text, /path: \.certbench\n/, `${file}: certbench is checked out where the cache looks`);
    }
  }
});

test('the service templates reach the SUT by its service name and tell it where certbench is', () => {
  for (const { file, text } of TEMPLATES.filter((t) => t.file.includes('service'))) {
    const alias = file.startsWith('gitlab')
      ? /alias: (\S+)/.exec(text)?.[1]
      : /services:\n\s+(\w+):/.exec(text)?.[1];
    for (const call of invocations(text)) {
      assert.match(call.line, new RegExp(`--sut-url http://${alias}:8080`), `${file}: ${call.line}`);
      assert.match(call.line, /--counterparts-url "\$CERTBENCH_COUNTERPARTS_URL"/, `${file}: ${call.line}`);
    }
    assert.match(
      text,
      /CERTBENCH_COUNTERPARTS_URL=?"?http:\/\/\$\(hostname -I \| cut -d' ' -f1\):8443/,
      file,
    );
    assert.match(text, /counterparts\.bindPort 8443/, `${file} says which port the profile binds`);
  }
});

test('in GitHub Actions the run writes its summary into the job summary', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'certbench-ci-'));
  await writeTemp(dir, 'summary.txt', 'diagnosekort 1.0.2 Godkendt\n');
  const target = join(dir, 'step-summary.md');
  await writeCiJobSummary({ ...quietEnvironment({ GITHUB_STEP_SUMMARY: target }), cwd: dir }, '.');
  assert.match(
    await readFile(target, 'utf8'),
    /### certbench\n\n```text\ndiagnosekort 1\.0\.2 Godkendt\n```/,
  );
});

test("the project's own CI runs exactly the README's test command, which finds or installs Chromium and PostgreSQL itself", () => {
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const command = /^(npm ci && npm test)\s+#/m.exec(readme)?.[1];
  assert.ok(command, "the README's quick start gives the test command");
  const ci = readFileSync(join(PACKAGE_ROOT, '.ci/run'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#') && !/^(set|cd) /.test(line));
  assert.deepEqual(ci, [command], '.ci/run runs the command and nothing else');
  const { scripts } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  assert.match(scripts['test'] ?? '', /npm run test:unit$/);
  assert.equal(scripts['test:unit'], 'node scripts/run-tests.js');
  const runner = readFileSync(join(PACKAGE_ROOT, 'scripts/run-tests.js'), 'utf8');
  assert.match(runner, /spawnSync\('bash', \[need\.script\]/, 'the test runner runs the install scripts');
  assert.match(runner, /script: 'scripts\/install-chromium\.sh'/, 'the test runner installs Chromium');
  assert.match(runner, /script: 'scripts\/install-postgresql\.sh'/, 'and PostgreSQL for the register tests');
  assert.match(runner, /existsSync\('\/usr\/bin\/chromium'\)/, 'only when it is missing');
});
