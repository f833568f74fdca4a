// The container files cannot be built here (no Docker engine), so what can be checked without one is checked:
// the Dockerfile passes the linter (npm run lint), copies everything the package ships, runs as a non-root user,
// and the compose file builds that Dockerfile and runs the main job.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';

const dockerfile = readFileSync(join(PACKAGE_ROOT, 'docker/Dockerfile'), 'utf8');

test('the image copies every folder and file the package ships, and nothing is missing on disk', () => {
  const { files } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    files: string[];
  };
  const copied = [...dockerfile.matchAll(/^COPY (\S+) /gm)].map((m) => m[1]?.replace(/\/$/, ''));
  for (const entry of files) {
    const name = entry.replace(/\/$/, '');
    assert.ok(existsSync(join(PACKAGE_ROOT, name)), `package.json files lists ${name}, which does not exist`);
    assert.ok(copied.includes(name), `docker/Dockerfile does not COPY ${name}`);
  }
});

test('the image runs as a non-root user with certbench as entry point', () => {
  const user = [...dockerfile.matchAll(/^USER (\S+)/gm)].at(-1)?.[1];
  assert.ok(user && user !== 'root' && user !== '0', `last USER is ${String(user)}`);
  assert.match(dockerfile, /^ENTRYPOINT \["node", "\/opt\/certbench\/bin\/certbench\.js"\]/m);
  assert.match(dockerfile, /npm ci --omit=dev/);
});

test('compose builds the Dockerfile, runs the main job and serves the report from the shared volume', () => {
  const compose = parse(readFileSync(join(PACKAGE_ROOT, 'docker/compose.yaml'), 'utf8')) as {
    services: Record<
      string,
      { build?: { context: string; dockerfile: string }; command?: string[]; volumes?: string[] }
    >;
  };
  const certbench = compose.services['certbench'];
  assert.ok(certbench?.build);
  assert.ok(existsSync(join(PACKAGE_ROOT, 'docker', certbench.build.context, certbench.build.dockerfile)));
  assert.deepEqual(certbench.command?.slice(0, 2), ['run', '--reference-gp']);
  const volume = certbench.volumes?.[0]?.split(':')[0];
  assert.ok(
    compose.services['report']?.volumes?.some((v) => v.startsWith(`${volume}:`)),
    'the report server mounts the reports volume',
  );
});

test('the CI templates run certbench with a profile, the SUT URL and token from secrets, and keep JUnit', () => {
  for (const file of ['ci-templates/github-actions.yml', 'ci-templates/gitlab-ci.yml']) {
    const text = readFileSync(join(PACKAGE_ROOT, file), 'utf8');
    assert.doesNotThrow(() => parse(text), `${file} is valid YAML`);
    assert.match(
      text,
      /bin\/certbench\.js run\s+--profile \S+\s+--sut-url "\$\{?\{? ?\S*CERTBENCH_SUT_URL/,
      file,
    );
    assert.match(text, /CERTBENCH_SUT_TOKEN/, file);
    assert.match(text, /junit\.xml/, file);
    assert.ok(!/token:\s*['"]?[A-Za-z0-9]{16,}/.test(text), `${file} must not hold a token`);
  }
});
