// The results register against both real engines: PGlite in a folder, and a PostgreSQL server started from
// Debian's binaries. Import is idempotent and never overwrites, a record goes in whole or not at all, and the status
// report from the register is byte for byte the one from the folder.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { registerImportCommand } from '../../src/cli/commands/register.ts';
import { runCommand } from '../../src/cli/commands/run.ts';
import { statusCommand } from '../../src/cli/commands/status.ts';
import { importFolders, loadRegisterResults, openRegister } from '../../src/register/index.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import type { LoadedResult } from '../../src/status/types.ts';
import { capturingEnvironment, run } from '../status/builders.ts';
import { startLocalPostgres, type LocalPostgres } from '../support/postgres.ts';
import { fastReferenceProfile, quietEnvironment } from '../support/run.ts';
import { tempDir } from '../support/temp.ts';

/** Results of two vendors over time: certifications, self-tests, waivers, a harness error, a second version. */
function sampleResults(): CertificationResult[] {
  const specs: Parameters<typeof run>[0][] = [
    { at: '2026-09-01', mode: 'certify', protocols: [{ approval: 'Ikke godkendt' }] },
    {
      at: '2026-10-01',
      mode: 'certify',
      protocols: [{ approval: 'Delvist godkendt', waived: [{ id: 'W-1', expires: '2026-12-10' }] }],
      waivers: [{ id: 'W-1', expires: '2026-12-10', appliedTo: ['DK-9.0'] }],
    },
    { at: '2026-11-01', mode: 'self-test', protocols: [{ approval: 'Godkendt' }] },
    { at: '2026-11-02', harnessErrors: 1 },
    { at: '2026-11-03', protocols: [{ id: 'lab-sharing', version: '0.3.0', approval: 'Godkendt' }] },
    {
      vendor: 'CGM',
      system: 'XMO',
      at: '2026-10-15',
      mode: 'certify',
      protocols: [{ approval: 'Godkendt' }],
    },
    {
      vendor: 'CGM',
      system: 'XMO',
      at: '2026-11-20',
      protocols: [
        { approval: 'Godkendt', version: '1.0.2' },
        { id: 'kommunale-proevesvar', version: '1.2.1', approval: 'Delvist godkendt' },
      ],
    },
    // Waivers judged --as-of a later day (expired then), and a protocol with nothing judged.
    {
      vendor: 'Novax A/S',
      system: 'Novax',
      at: '2026-11-10',
      waiversJudgedAt: '2027-01-15T12:00:00.000Z',
      protocols: [
        { approval: 'Ikke godkendt' },
        { id: 'lab-sharing', version: '0.3.0', approval: 'Delvist godkendt', nothingJudged: true },
      ],
      waivers: [{ id: 'W-9', state: 'expired', expires: '2026-12-26', appliedTo: [] }],
    },
  ];
  return specs.map((spec) => run(spec).result as CertificationResult);
}

async function writeFolder(results: readonly CertificationResult[]): Promise<string> {
  const dir = await tempDir('certbench-register-results-');
  for (const result of results) {
    await mkdir(join(dir, result.run.id), { recursive: true });
    await writeFile(join(dir, result.run.id, 'certification-result.json'), JSON.stringify(result, null, 2));
  }
  return dir;
}

async function statusPages(
  source: { folder: string } | { register: string },
): Promise<Record<string, string>> {
  const out = join(await tempDir('certbench-register-status-'), 'status');
  const env = capturingEnvironment('2026-11-25T08:00:00Z');
  const options = { out, since: '2026-10-01', nextMeeting: '2026-12-16' };
  const code =
    'folder' in source
      ? await statusCommand(source.folder, options, env)
      : await statusCommand(undefined, { ...options, register: source.register }, env);
  assert.equal(code, 0, env.output());
  const pages: Record<string, string> = {};
  const names = (await readdir(out, { recursive: true })).filter((name) => /\.(html|md)$/.test(name));
  for (const name of names.sort()) pages[name] = await readFile(join(out, name), 'utf8');
  return pages;
}

let postgres: LocalPostgres | undefined;
before(async () => {
  postgres = await startLocalPostgres();
});
after(() => postgres?.stop());

const engines: { name: string; target: () => Promise<string> }[] = [
  { name: 'PGlite', target: async () => join(await tempDir('certbench-register-'), 'register') },
  {
    name: 'PostgreSQL',
    target: () => {
      assert.ok(postgres, 'the PostgreSQL server started');
      return postgres.newDatabase();
    },
  },
];

for (const engine of engines)
  describe(`the register on ${engine.name}`, () => {
    test('import twice is one run each; the status page equals the folder form', async () => {
      const folder = await writeFolder(sampleResults());
      const target = await engine.target();
      for (const expected of [
        '8 runs added to the register, 0 already',
        '0 runs added to the register, 8 already',
      ]) {
        const env = capturingEnvironment();
        assert.equal(await registerImportCommand([folder], { register: target }, env), 0);
        assert.match(env.output(), new RegExp(expected));
      }
      const register = await openRegister(target, PACKAGE_ROOT);
      try {
        const counts = await register.db
          .selectFrom('records')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(counts.n), 8);
        const verdicts = await register.db
          .selectFrom('checkpoint_verdicts')
          .select(['checkpoint_id', 'status', 'waiver_id'])
          .where('status', '=', 'waived')
          .execute();
        assert.deepEqual(verdicts, [{ checkpoint_id: 'DK-9.0', status: 'waived', waiver_id: 'W-1' }]);
        // For a report, only the runs it shows in detail come with their checkpoints: the certification of
        // 1 September was replaced by that of 1 October, so its failed checkpoints are not read.
        const openOf = (loaded: LoadedResult[]) =>
          loaded.map((l) => l.result.protocols.map((p) => p.checkpoints?.length ?? 0).join('+'));
        const whole = await loadRegisterResults(register.db, { details: 'all' });
        const forReport = await loadRegisterResults(register.db, { asOf: '2026-11-25' });
        const replaced = whole.findIndex((l) => l.result.run.finishedAt.startsWith('2026-09-01'));
        assert.notEqual(openOf(whole)[replaced], '0', 'the replaced run has open checkpoints');
        assert.equal(openOf(forReport)[replaced], '0');
        assert.ok(
          openOf(forReport).some((n) => n !== '0'),
          'the runs shown keep theirs',
        );
      } finally {
        await register.close();
      }
      const fromFolder = await statusPages({ folder });
      const fromRegister = await statusPages({ register: target });
      assert.match(fromFolder['status.da.html'] ?? '', /W-1/, 'the sample shows a waiver');
      assert.match(
        fromFolder['status.da.html'] ?? '',
        /Udløbet ved kørslen \(bedømt pr\. 15\. januar 2027\)/,
      );
      assert.match(fromFolder['status.da.html'] ?? '', /Intet bedømt: 50 afventer/);
      assert.match(fromFolder['status.da.html'] ?? '', /DK-3\.3\.1\.11 \(F2\)/, 'open checkpoints listed');
      assert.ok(fromFolder['systems/novax-a-s-novax.da.html'], 'the system pages are compared too');
      // The signature state is part of what is compared: these certifications are not signed, and no anchor given.
      assert.match(fromFolder['status.da.html'] ?? '', /data-signature="not-signed"/);
      assert.match(fromFolder['status.da.html'] ?? '', /data-signatures="not-checked"/);
      assert.deepEqual(fromRegister, fromFolder);
    });

    test('a record is registered whole or not at all, and a run is never overwritten', async () => {
      const [first, second] = sampleResults();
      assert.ok(first && second);
      const target = await engine.target();
      const register = await openRegister(target, PACKAGE_ROOT);
      try {
        assert.equal((await importFolders(register.db, [await writeFolder([first])])).added, 1);
        // The same run id with other content: refused, the registered record stays.
        const edited = {
          ...first,
          protocols: first.protocols.map((p) => ({ ...p, approval: 'Godkendt' as const })),
        };
        const conflict = await importFolders(register.db, [await writeFolder([edited])]);
        assert.equal(conflict.added, 0);
        assert.match(
          conflict.skipped[0]?.reason ?? '',
          /already registered with a different record.*never overwrites/,
        );
        // A record whose checkpoints break the schema half-way (the same id twice) leaves no row in any table.
        const broken = structuredClone(second);
        const protocol = broken.protocols[0];
        assert.ok(protocol);
        const checkpoint = {
          ...structuredClone(first.protocols[0]?.checkpoints[0] ?? waivedLike()),
          id: 'DK-1',
        };
        protocol.checkpoints = [checkpoint, checkpoint];
        const partial = await importFolders(register.db, [await writeFolder([broken])]);
        assert.equal(partial.added, 0);
        assert.match(partial.skipped[0]?.reason ?? '', /cannot be registered/);
        const loaded = await loadRegisterResults(register.db, { details: 'all' });
        assert.deepEqual(
          loaded.map((l) => [l.result.run.id, l.result.protocols.map((p) => p.approval)]),
          [[first.run.id, ['Ikke godkendt']]],
        );
        for (const table of ['protocol_runs', 'checkpoint_verdicts', 'applied_waivers'] as const) {
          const rows = await register.db.selectFrom(table).select('record_sha256').execute();
          assert.ok(
            rows.every((r) => r.record_sha256 === rows[0]?.record_sha256),
            `${table} holds only the first record`,
          );
        }
      } finally {
        await register.close();
      }
    });
  });

function waivedLike(): CertificationResult['protocols'][number]['checkpoints'][number] {
  return {
    id: 'DK-1',
    title: 't',
    useCase: 'S1',
    grade: 'F1',
    mode: 'automatic',
    requirements: [],
    status: 'passed',
    steps: [],
    checks: [],
    evidence: [],
    durationMs: 1,
  };
}

test('an import killed half-way leaves only whole runs, and the register opens again', async (t) => {
  const results = Array.from({ length: 150 }, (_, i) => {
    const [result] = sampleResults();
    assert.ok(result);
    return { ...result, run: { ...result.run, id: `run-killed-${i}` } };
  });
  const folder = await writeFolder(results);
  const target = join(await tempDir('certbench-register-'), 'register');
  // Migrate first, so the kill lands in the import itself.
  await (await openRegister(target, PACKAGE_ROOT)).close();
  const child = spawn(
    process.execPath,
    [join(PACKAGE_ROOT, 'bin', 'certbench.js'), 'register', 'import', folder, '--register', target],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CERTBENCH_DEBUG: '1' } },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Killed once the first run is committed (it says so), wherever the import is then.
  await new Promise<void>((resolve) => {
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (/debug: added: /.test(text)) resolve();
    });
    child.once('exit', () => resolve());
  });
  child.kill('SIGKILL');
  await exited;
  const register = await openRegister(target, PACKAGE_ROOT);
  try {
    const loaded = await loadRegisterResults(register.db, { details: 'all' });
    assert.ok(loaded.length >= 1, 'the run committed before the kill is there');
    for (const { result } of loaded) assert.equal(result.protocols.length, 1, `${result.run.id} is whole`);
    // Importing again completes it: the kill lost nothing that a second import cannot bring.
    const summary = await importFolders(register.db, [folder]);
    assert.equal(summary.added + summary.known, 150);
    assert.equal(summary.known, loaded.length);
    t.diagnostic(`${loaded.length} of 150 runs were in when the import was killed`);
  } finally {
    await register.close();
  }
});

test('run --register records the run at its end', async () => {
  const dir = await tempDir('certbench-register-run-');
  const target = join(dir, 'register');
  const env = quietEnvironment();
  const code = await runCommand(
    {
      profile: await fastReferenceProfile(),
      referenceGp: true,
      fault: [],
      protocol: ['diagnosekort'],
      mode: 'self-test',
      out: join(dir, 'run'),
      html: false,
      summary: false,
      register: target,
    },
    env,
  );
  assert.equal(code, 0, env.output());
  assert.match(env.output(), /run recorded in the register/);
  const register = await openRegister(target, PACKAGE_ROOT);
  try {
    const [loaded] = await loadRegisterResults(register.db, { details: 'all' });
    const record = JSON.parse(
      await readFile(join(dir, 'run', 'certification-result.json'), 'utf8'),
    ) as CertificationResult;
    assert.equal(loaded?.result.run.id, record.run.id);
    assert.deepEqual(
      loaded?.result.protocols.map((p) => [p.id, p.approval, p.counts]),
      record.protocols.map((p) => [p.id, p.approval, p.counts]),
    );
  } finally {
    await register.close();
  }
  // A copy of the run with one evidence file edited fails its integrity check and is not registered.
  const tampered = join(dir, 'tampered');
  await cp(join(dir, 'run'), tampered, { recursive: true });
  const record = JSON.parse(
    await readFile(join(tampered, 'certification-result.json'), 'utf8'),
  ) as CertificationResult;
  const evidence = record.evidence[0];
  assert.ok(evidence);
  await writeFile(join(tampered, evidence.file), `${await readFile(join(tampered, evidence.file), 'utf8')} `);
  const other = await openRegister(join(dir, 'other-register'), PACKAGE_ROOT);
  try {
    const summary = await importFolders(other.db, [tampered]);
    assert.equal(summary.added, 0);
    assert.match(summary.skipped[0]?.reason ?? '', /does not match its record/);
  } finally {
    await other.close();
  }
});
