// The CLI as `npm ci` installs it: compiled into dist/ by scripts/build.js (the `prepare` script), run by
// bin/certbench.js without tsx; and the fall-back to the TypeScript sources when dist/ is missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { EXIT } from '../../src/errors/exit-codes.ts';
import { typescriptStack } from '../../src/errors/typescript-stack.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { CERTBENCH_VERSION, PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { runNode as node } from '../support/node-process.ts';
import { tempDir } from '../support/temp.ts';

const CLI = join(PACKAGE_ROOT, 'bin', 'certbench.js');

/** Builds dist/ when it is missing or older than the sources (a developer's checkout; CI's npm ci built it). */
async function ensureBuilt(): Promise<void> {
  const probe = await node([CLI, '--version'], { CERTBENCH_RUN_FROM: 'dist' });
  if (probe.code === 0) return;
  const build = await node([join(PACKAGE_ROOT, 'scripts', 'build.js')]);
  assert.equal(build.code, 0, `npm run build failed:\n${build.stdout}${build.stderr}`);
}

test('compiled: one protocol against the reference GP system, from dist/ without tsx', async () => {
  await ensureBuilt();
  const out = await tempDir();
  const run = await node(
    [CLI, 'run', '--reference-gp', '--protocol', 'diagnosekort', '--no-html', '--out', out],
    { CERTBENCH_RUN_FROM: 'dist' },
  );
  assert.equal(run.code, EXIT.ok, run.stderr);
  assert.match(run.stdout, /diagnosekort [\d.]+: Godkendt/);
  const result = JSON.parse(
    await readFile(join(out, 'certification-result.json'), 'utf8'),
  ) as CertificationResult;
  const checkpoints = result.protocols.flatMap((p) => p.checkpoints);
  // The compiled steps ran (cucumber loaded dist/steps): checkpoints passed, none is a harness error.
  assert.ok(checkpoints.filter((c) => c.status === 'passed').length > 5, 'checkpoints passed');
  assert.deepEqual(result.harnessErrors, []);
});

test('compiled: a stack trace of dist/ code points at the TypeScript file and line', async () => {
  await ensureBuilt();
  const js = join(PACKAGE_ROOT, 'dist', 'src', 'errors', 'typescript-stack.js');
  const ts = join(PACKAGE_ROOT, 'src', 'errors', 'typescript-stack.ts');
  const lineIn = async (file: string) =>
    (await readFile(file, 'utf8')).split('\n').findIndex((l) => l.startsWith('function readMap(')) + 1;
  const stack = `Error: boom\n    at readMap (${pathToFileURL(js).href}:${await lineIn(js)}:1)\n    at node:internal/x:1:1`;
  const mapped = typescriptStack(stack);
  assert.ok(mapped.includes(`(${ts}:${await lineIn(ts)}:1)`), mapped);
  assert.ok(mapped.endsWith('at node:internal/x:1:1'), 'frames outside dist/ are left as they are');
});

test('without dist/, bin/certbench.js runs the TypeScript sources (and refuses to when told to run dist/)', async () => {
  // An installation without dist/: the entry point beside links to the sources and dependencies.
  const root = await tempDir();
  await mkdir(join(root, 'bin'));
  await cp(CLI, join(root, 'bin', 'certbench.js'));
  for (const name of ['src', 'steps', 'reference-gp', 'node_modules', 'package.json', 'tsconfig.json'])
    await symlink(join(PACKAGE_ROOT, name), join(root, name));
  const fromSource = await node([join(root, 'bin', 'certbench.js'), '--version']);
  assert.equal(fromSource.code, EXIT.ok, fromSource.stderr);
  assert.equal(fromSource.stdout.trim(), CERTBENCH_VERSION);
  const refused = await node([join(root, 'bin', 'certbench.js'), '--version'], {
    CERTBENCH_RUN_FROM: 'dist',
  });
  assert.equal(refused.code, EXIT.harnessError);
  assert.match(refused.stderr, /dist\/ is not built/);
});

test('started as a program, as npm start and the container start it, Node runs with the memory settings of its first line', async () => {
  const seen = join(await tempDir(), 'seen.json');
  // A module loaded before the CLI, through NODE_OPTIONS, writes what the process was started with.
  const probe = `import{writeFileSync}from'node:fs';writeFileSync(${JSON.stringify(seen)},JSON.stringify({execArgv:process.execArgv,arenas:process.env.MALLOC_ARENA_MAX}))`;
  const run = spawnSync(CLI, ['--version'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(probe)}` },
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), CERTBENCH_VERSION);
  const { execArgv, arenas } = JSON.parse(await readFile(seen, 'utf8')) as {
    execArgv: string[];
    arenas?: string;
  };
  assert.ok(execArgv.includes('--max-semi-space-size=8'), `execArgv ${execArgv.join(' ')}`);
  assert.equal(arenas, '2');
  const { scripts } = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  assert.match(scripts['start'] ?? '', /^bin\/certbench\.js run /, 'npm start runs the program');
});
