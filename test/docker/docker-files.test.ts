// The container files cannot be built here (no Docker engine), so what can be checked without one is checked:
// the Dockerfile passes the linter (npm run lint), copies everything the package ships, runs as a non-root user,
// and the compose file builds that Dockerfile and runs the main job.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { SutProfile } from '../../src/profile/schema.ts';
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
  assert.ok(user && user !== 'root' && !/^0(:|$)/.test(user), `last USER is ${String(user)}`);
  // The program itself, so that its first line (#!/usr/bin/env -S … node …) gives Node its settings.
  assert.match(dockerfile, /^ENTRYPOINT \["\/opt\/certbench\/bin\/certbench\.js"\]/m);
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

const compose = parse(readFileSync(join(PACKAGE_ROOT, 'docker/compose.yaml'), 'utf8')) as {
  services: Record<string, { command?: string[]; volumes?: string[]; ports?: string[] }>;
};
const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
const vendorProfile = parse(
  readFileSync(join(PACKAGE_ROOT, 'examples/vendor-profile.yaml'), 'utf8'),
) as SutProfile;

test('the user owns the reports folder the volume is mounted on, and the default run writes there', () => {
  const uid = /useradd [^\n]*--uid (\d+) certbench/.exec(dockerfile)?.[1];
  const user = [...dockerfile.matchAll(/^USER (\S+)/gm)].at(-1)?.[1];
  assert.ok(uid, 'the image makes a user with a fixed uid');
  assert.equal(user, `${uid}:${uid}`, 'USER is that uid (numeric: runAsNonRoot can check it)');
  assert.match(dockerfile, /mkdir -p \/work\/reports /, 'the reports folder exists in the image');
  assert.match(dockerfile, new RegExp(`chown -R ${uid}:${uid} /work `), 'and belongs to the user');
  assert.match(dockerfile, /^WORKDIR \/work$/m);
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
  const out = cmd[cmd.indexOf('--out') + 1] ?? '';
  assert.ok(out.startsWith('/work/reports/'), `the default run writes under /work/reports (${out})`);
  const certbench = compose.services['certbench'];
  assert.deepEqual(certbench?.command, cmd, 'compose runs the image default');
  assert.ok(certbench.volumes?.includes('reports:/work/reports'), 'the named volume is the owned folder');
});

test('the report is served where the README and the compose file say', () => {
  const cmd = compose.services['certbench']?.command ?? [];
  const out = cmd[cmd.indexOf('--out') + 1] ?? '';
  const served = compose.services['report'];
  const mount = served?.volumes?.find((v) => v.startsWith('reports:'))?.split(':')[1];
  assert.equal(mount, '/usr/share/nginx/html', 'nginx serves the reports volume as its root');
  const host = served?.ports?.[0]?.split(':')[0];
  const url = `http://localhost:${host}/${out.slice('/work/reports/'.length)}/allure-report/`;
  assert.ok(readme.includes(url), `the README gives ${url}`);
  assert.ok(readFileSync(join(PACKAGE_ROOT, 'docker/compose.yaml'), 'utf8').includes(url));
});

test("the counterparts' port is exposed, published and the one the example profile binds", () => {
  const port = String(vendorProfile.counterparts.bindPort);
  assert.equal(vendorProfile.counterparts.bindHost, '0.0.0.0', 'reachable from outside the container');
  assert.match(dockerfile, new RegExp(`^EXPOSE ${port}$`, 'm'));
  assert.ok(compose.services['certbench']?.ports?.includes(`${port}:${port}`), 'compose publishes it');
  const dockerRun = readme.match(/docker run [^\n`]*/g) ?? [];
  assert.ok(dockerRun.length > 0, 'the README shows docker run');
  for (const command of dockerRun) {
    if (!/ run --profile/.test(command)) continue;
    assert.match(command, new RegExp(`-p ${port}:${port}`), `${command}: publishes the counterparts' port`);
    assert.match(
      command,
      /--user "\$\(id -u\):\$\(id -g\)"/,
      `${command}: writes the mounted folder as its owner`,
    );
    assert.match(command, new RegExp(`-e ${vendorProfile.automation.auth?.tokenEnv ?? '?'} `), command);
  }
});

test('every runtime dependency is imported by what the image ships', () => {
  const { dependencies, overrides } = JSON.parse(
    readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'),
  ) as {
    dependencies: Record<string, string>;
    overrides: Record<string, string>;
  };
  const shipped = ['bin', 'src', 'steps', 'reference-gp'].flatMap((dir) =>
    readdirSync(join(PACKAGE_ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|js)$/.test(f))
      .map((f) => readFileSync(join(PACKAGE_ROOT, dir, f), 'utf8')),
  );
  for (const name of Object.keys(dependencies)) {
    // A dependency that "overrides" puts in place of a dependency's own (`$name`) is used by that dependency.
    if (overrides[name] === `$${name}`) continue;
    const used = new RegExp(`['"]${name.replace('/', '\\/')}(/[^'"]*)?['"]`);
    assert.ok(
      shipped.some((text) => used.test(text)),
      `${name} is a runtime dependency that nothing imports`,
    );
  }
});
