// Signed results verified offline: a certification run signed with a key MedCom's test root issued, verified from
// its folder and from its evidence package; one changed byte anywhere, a foreign or expired certificate, and an
// unsigned certification each fail, naming what; the approvals list holds verified certifications only; no key or
// passphrase appears in anything written.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { approvalsCommand } from '../../src/cli/commands/approvals.ts';
import { openRegister } from '../../src/register/index.ts';
import { startRegisterServer } from '../../src/register/server.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { reportCommand } from '../../src/cli/commands/report.ts';
import { statusCommand } from '../../src/cli/commands/status.ts';
import { InvalidInputError } from '../../src/errors/index.ts';
import { writeIntegrityManifest } from '../../src/integrity/run-integrity.ts';
import { loadProfile } from '../../src/profile/load.ts';
import { verifyCommand } from '../../src/cli/commands/verify.ts';
import { EXIT } from '../../src/errors/exit-codes.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { runCertification } from '../../src/run/run-certification.ts';
import { signRecord } from '../../src/signing/jws.ts';
import { loadSigner, signingOptionsOf } from '../../src/signing/keys.ts';
import { verifyRun } from '../../src/signing/verify.ts';
import { chromium, chromiumMissing } from '../status/chromium.ts';
import { encryptedKeyPem, issued, pkcs12, rootCa, type TestIdentity } from '../support/pki.ts';
import { fastReferenceProfile, quietEnvironment } from '../support/run.ts';

const PASSPHRASE = 'correct horse battery staple 7f3a';
let pki: { root: TestIdentity; signer: TestIdentity; stranger: TestIdentity; dir: string };
let signedRun: string;
let runOutput: string;
let profileSignedRun: string;
let profileRunOutput: string;

async function pemFiles(
  dir: string,
  name: string,
  id: TestIdentity,
  chain: string[] = [],
): Promise<{ key: string; cert: string }> {
  const key = join(dir, `${name}.key.pem`);
  const cert = join(dir, `${name}.cert.pem`);
  await writeFile(key, encryptedKeyPem(id, PASSPHRASE));
  await writeFile(cert, [id.certPem, ...chain].join(''));
  return { key, cert };
}

async function signedCertification(out: string, files: { key: string; cert: string }): Promise<string> {
  const env = quietEnvironment({ CERTBENCH_SIGN_PASSPHRASE: PASSPHRASE });
  await runCertification(
    {
      profileFile: await fastReferenceProfile(),
      referenceGp: { faults: [] },
      protocols: ['diagnosekort'],
      mode: 'certify',
      outDir: out,
      strict: false,
      html: false,
      summary: true,
      signing: { key: files.key, cert: files.cert, passphraseEnv: 'CERTBENCH_SIGN_PASSPHRASE' },
    },
    env,
  );
  return env.output();
}

// Made here, not with tempDir: an `after` registered inside a hook would remove the folder as the hook ends.
before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'certbench-signing-'));
  const root = rootCa('MedCom test root');
  pki = {
    root,
    signer: issued(root, 'MedCom certificering'),
    stranger: issued(rootCa('Someone else'), 'Not MedCom'),
    dir,
  };
  await writeFile(join(dir, 'medcom-root.pem'), root.certPem);
  signedRun = join(dir, 'signed');
  runOutput = await signedCertification(signedRun, await pemFiles(dir, 'signer', pki.signer));
  // Signed by the profile's signing entry alone: key and certificate relative to the profile, the passphrase's
  // variable named there.
  await pemFiles(dir, 'profile-signer', pki.signer);
  const profile = join(dir, 'signing-profile.yaml');
  await writeFile(
    profile,
    (await readFile(await fastReferenceProfile(), 'utf8')) +
      'signing:\n  key: profile-signer.key.pem\n  cert: profile-signer.cert.pem\n  passphraseEnv: PROFILE_SIGN_PASSPHRASE\n',
  );
  profileSignedRun = join(dir, 'profile-signed');
  const env = quietEnvironment({ PROFILE_SIGN_PASSPHRASE: PASSPHRASE });
  await runCertification(
    {
      profileFile: profile,
      referenceGp: { faults: [] },
      protocols: ['diagnosekort'],
      mode: 'certify',
      outDir: profileSignedRun,
      strict: false,
      html: false,
      summary: true,
    },
    env,
  );
  profileRunOutput = env.output();
});

after(() => rm(pki.dir, { recursive: true, force: true }));

const anchors = async () => {
  const { X509Certificate } = await import('node:crypto');
  return [new X509Certificate(pki.root.certPem)];
};

test('a signed certification verifies from its folder and from its evidence package', async () => {
  const files = await readdir(signedRun);
  assert.ok(files.includes('certification-result.jws') && files.includes('signer.pem'), files.join(', '));
  const folder = await verifyRun(signedRun, await anchors(), new Date());
  assert.equal(folder.ok, true, JSON.stringify(folder));
  const zip = join(signedRun, 'test-protocol', 'diagnosekort-evidence.zip');
  assert.ok(unzipSync(await readFile(zip))['certification-result.jws'], 'the package carries the signature');
  const pkg = await verifyRun(zip, await anchors(), new Date());
  assert.equal(pkg.ok, true, JSON.stringify(pkg));
  const env = quietEnvironment();
  assert.equal(await verifyCommand(signedRun, { trust: join(pki.dir, 'medcom-root.pem') }, env), EXIT.ok);
  assert.match(env.output(), /verified: run .* \(certification\) of MedCom \(certbench\)/);
});

test('one changed byte of an evidence file, the record or the signature fails verify, naming it', async () => {
  const record = JSON.parse(
    await readFile(join(signedRun, 'certification-result.json'), 'utf8'),
  ) as CertificationResult;
  const evidence = record.evidence[0];
  assert.ok(evidence);
  const cases: {
    name: string;
    file: string;
    change: (bytes: Buffer) => Buffer;
    failure: string;
    names: RegExp;
  }[] = [
    {
      name: 'evidence',
      file: evidence.file,
      change: flipLast,
      failure: 'evidence-changed',
      names: new RegExp(evidence.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    },
    {
      name: 'record',
      file: 'certification-result.json',
      change: (b) =>
        Buffer.from(b.toString('utf8').replace('"approval": "Godkendt"', '"approval": "Godkendt" ')),
      failure: 'unchanged',
      names: /./,
    },
    {
      name: 'record content',
      file: 'certification-result.json',
      change: (b) => Buffer.from(b.toString('utf8').replace('"failed": 0', '"failed": 1')),
      failure: 'record-changed',
      names: /certification-result\.json$/,
    },
    {
      name: 'signature',
      file: 'certification-result.jws',
      change: flipSignature,
      failure: 'signature-invalid',
      names: /certification-result\.jws$/,
    },
  ];
  for (const c of cases) {
    const copy = join(pki.dir, `tampered-${c.name.replace(/ /g, '-')}`);
    await cp(signedRun, copy, { recursive: true });
    const path = join(copy, c.file);
    await writeFile(path, c.change(await readFile(path)));
    const outcome = await verifyRun(copy, await anchors(), new Date());
    if (c.failure === 'unchanged') {
      // Whitespace is not content: the canonical form (RFC 8785) is what is signed.
      assert.equal(outcome.ok, true, `${c.name}: ${JSON.stringify(outcome)}`);
      continue;
    }
    assert.equal(outcome.ok, false, c.name);
    if (!outcome.ok) {
      assert.equal(outcome.failure, c.failure, `${c.name}: ${outcome.message}`);
      assert.match(outcome.file, c.names, c.name);
    }
  }
  // The evidence package: a changed evidence file, even with SHA256SUMS made to match, is not one the record signed.
  const zipFile = join(signedRun, 'test-protocol', 'diagnosekort-evidence.zip');
  const files = unzipSync(await readFile(zipFile));
  const name = Object.keys(files).find((n) => n.startsWith('evidence/'));
  assert.ok(name);
  files[name] = strToU8(`${new TextDecoder().decode(files[name])} `);
  const tampered = join(pki.dir, 'tampered.zip');
  await writeFile(tampered, zipSync(files));
  const outcome = await verifyRun(tampered, await anchors(), new Date());
  assert.equal(outcome.ok, false);
  if (!outcome.ok) {
    assert.equal(outcome.failure, 'evidence-changed');
    assert.ok(outcome.file.endsWith(name), outcome.file);
  }
  const env = quietEnvironment();
  assert.equal(
    await verifyCommand(
      join(pki.dir, 'tampered-signature'),
      { trust: join(pki.dir, 'medcom-root.pem') },
      env,
    ),
    EXIT.verificationFailed,
  );
  assert.match(env.output(), /NOT VERIFIED \(signature-invalid\): .*certification-result\.jws/);
});

test('a certificate that does not chain to the anchor, and an expired one, fail as such', async () => {
  const record = JSON.parse(
    await readFile(join(signedRun, 'certification-result.json'), 'utf8'),
  ) as CertificationResult;
  const cases = [
    {
      id: pki.stranger,
      failure: 'untrusted',
      message: /does not chain to the trust anchor/,
      loadedAt: new Date(),
    },
    {
      id: issued(pki.root, 'MedCom certificering 2023', {
        from: new Date('2023-01-01'),
        to: new Date('2024-01-01'),
      }),
      failure: 'expired',
      message: /was not valid when it signed .* valid .* to /,
      loadedAt: new Date('2023-06-01'),
    },
  ];
  for (const c of cases) {
    const folder = join(pki.dir, `signed-by-${c.failure}`);
    await cp(signedRun, folder, { recursive: true });
    const files = await pemFiles(pki.dir, c.failure, c.id);
    // Loaded as it was while valid; signed now.
    const signer = await loadSigner({ ...files, passphraseEnv: 'P' }, { P: PASSPHRASE }, c.loadedAt);
    await writeFile(join(folder, 'certification-result.jws'), await signRecord(record, signer, new Date()));
    const outcome = await verifyRun(folder, await anchors(), new Date());
    assert.equal(outcome.ok, false, c.failure);
    if (!outcome.ok) {
      assert.equal(outcome.failure, c.failure);
      assert.match(outcome.message, c.message);
    }
  }
});

test('PKCS#12: key and chain from one file, passphrase from the environment', async () => {
  const file = join(pki.dir, 'signer.p12');
  await writeFile(file, pkcs12(pki.signer, [pki.root.cert], PASSPHRASE));
  const signer = await loadSigner({ key: file, passphraseEnv: 'P' }, { P: PASSPHRASE });
  assert.equal(signer.chain.length, 2);
  assert.equal(signer.alg, 'PS256');
  await assert.rejects(loadSigner({ key: file, passphraseEnv: 'P' }, { P: 'wrong' }), /wrong passphrase/);
  await assert.rejects(loadSigner({ key: file, passphraseEnv: 'UNSET' }, {}), /UNSET is not set/);
  await assert.rejects(
    loadSigner({ key: file, passphraseEnv: 'P' }, { P: PASSPHRASE }, new Date('2040-01-01')),
    /the signing certificate is valid from .* not now/,
  );
});

test('approvals: verified certifications only; an unsigned certification is refused; a self-test never appears', async () => {
  const results = join(pki.dir, 'results');
  await mkdir(results, { recursive: true });
  await cp(signedRun, join(results, 'certified'), { recursive: true });
  const unsigned = join(results, 'unsigned');
  await cp(signedRun, unsigned, { recursive: true });
  await rm(join(unsigned, 'certification-result.jws'));
  const selfTest = join(results, 'self-test');
  await cp(signedRun, selfTest, { recursive: true });
  const record = JSON.parse(
    await readFile(join(selfTest, 'certification-result.json'), 'utf8'),
  ) as CertificationResult;
  record.run.mode = 'self-test';
  record.run.id = `${record.run.id}-self`;
  await writeFile(join(selfTest, 'certification-result.json'), JSON.stringify(record, null, 2));
  await writeIntegrityManifest(selfTest, record);

  const out = join(pki.dir, 'approvals');
  const env = quietEnvironment();
  const code = await approvalsCommand([results], { trust: join(pki.dir, 'medcom-root.pem'), out }, env);
  assert.equal(code, EXIT.verificationFailed, 'a refused certification makes the command fail');
  assert.match(env.output(), /left out .*unsigned.*unsigned: .*is missing: the run is not signed/);
  const list = JSON.parse(await readFile(join(out, 'approvals.json'), 'utf8')) as {
    entries: { approval: string; vendor: string; protocol: { id: string }; record: string }[];
    refused: { file: string }[];
  };
  assert.deepEqual(
    list.entries.map((e) => [e.protocol.id, e.vendor, e.approval, e.record]),
    [
      [
        'diagnosekort',
        'MedCom (certbench)',
        'Godkendt',
        join('..', 'results', 'certified', 'certification-result.json'),
      ],
    ],
  );
  assert.equal(list.refused.length, 1);
  const page = await readFile(join(out, 'approvals.da.html'), 'utf8');
  assert.match(page, /Godkendte systemer/);
  // The reason in the page's language: Danish on the Danish page, the English detail only on the English one.
  assert.match(
    page,
    /data-failure="unsigned"><code>[^<]*<\/code>: kørslen er ikke signeret \(<code>certification-result\.jws<\/code>\)/,
  );
  assert.ok(!page.includes('is missing'), 'no English reason on the Danish page');
  assert.match(
    await readFile(join(out, 'approvals.en.html'), 'utf8'),
    /the run is not signed \(<code>certification-result\.jws<\/code>\): .*is missing: the run is not signed/,
  );
  assert.match(page, /✔<\/span> Godkendt/);
  assert.ok(!page.includes('self'), 'no self-test on the page');

  const missing = chromiumMissing();
  if (missing) assert.fail(missing);
  const dom = await chromium(join(out, 'approvals.da.html'), ['--dump-dom']);
  assert.match(dom, /<td class="ok">/);
  const shots = process.env['CERTBENCH_SCREENSHOTS'];
  if (shots) {
    await mkdir(shots, { recursive: true });
    await chromium(join(out, 'approvals.da.html'), [
      `--screenshot=${join(shots, 'approvals.da.png')}`,
      '--window-size=1400,700',
    ]);
  }

  // The status report and the report over the same runs.
  const statusOut = join(pki.dir, 'status');
  const statusEnv = quietEnvironment();
  const statusCode = await statusCommand(
    results,
    { out: statusOut, trust: join(pki.dir, 'medcom-root.pem') },
    statusEnv,
  );
  assert.equal(statusCode, EXIT.verificationFailed, 'the unsigned certification is refused');
  assert.match(await readFile(join(statusOut, 'status.da.html'), 'utf8'), /Signatur verificeret/);
  const reportEnv = quietEnvironment();
  assert.equal(
    await reportCommand(join(results, 'certified'), reportEnv, { trust: join(pki.dir, 'medcom-root.pem') }),
    EXIT.ok,
    reportEnv.output(),
  );

  // No secret in anything the run, verify, approvals, status or report wrote or printed.
  const keyBody = pki.signer.keyPem.split('\n')[3] ?? 'unreachable';
  const written = [
    ...(await filesUnder(signedRun)),
    ...(await filesUnder(out)),
    ...(await filesUnder(statusOut)),
    ...(await filesUnder(join(results, 'certified'))),
    ...(await filesUnder(profileSignedRun)),
  ];
  for (const file of written) {
    const text = await readFile(file, 'latin1');
    assert.ok(!text.includes(PASSPHRASE), `passphrase in ${file}`);
    assert.ok(!text.includes(keyBody), `private key in ${file}`);
  }
  for (const output of [runOutput, profileRunOutput, env.output(), statusEnv.output(), reportEnv.output()]) {
    assert.ok(!output.includes(PASSPHRASE));
    assert.ok(!output.includes(keyBody));
  }
});

test('report and status refuse a certification whose signature does not hold; report --trust also an unsigned one', async () => {
  const trust = join(pki.dir, 'medcom-root.pem');
  // A forger changes the record and rewrites integrity.json (it is not signed), so only the signature tells.
  const forged = join(pki.dir, 'report-forged');
  await cp(signedRun, forged, { recursive: true });
  const record = JSON.parse(
    await readFile(join(forged, 'certification-result.json'), 'utf8'),
  ) as CertificationResult;
  record.sut.version = '9.9.9';
  await writeFile(join(forged, 'certification-result.json'), JSON.stringify(record, null, 2));
  await writeIntegrityManifest(forged, record);
  for (const options of [{}, { trust }]) {
    const env = quietEnvironment();
    assert.equal(await reportCommand(forged, env, options), EXIT.verificationFailed, JSON.stringify(options));
    assert.match(
      env.output(),
      /the certification is refused, no report written: record-changed: .*certification-result\.json/,
    );
  }
  const unsigned = join(pki.dir, 'report-unsigned');
  await cp(signedRun, unsigned, { recursive: true });
  await rm(join(unsigned, 'certification-result.jws'));
  const env = quietEnvironment();
  assert.equal(await reportCommand(unsigned, env, { trust }), EXIT.verificationFailed);
  assert.match(env.output(), /it is not signed \(--trust was given\)/);

  const statusEnv = quietEnvironment();
  const folder = join(pki.dir, 'status-forged');
  await cp(forged, join(folder, 'forged'), { recursive: true });
  const out = join(pki.dir, 'status-forged-out');
  assert.equal(await statusCommand(folder, { out }, statusEnv), EXIT.verificationFailed);
  const page = await readFile(join(out, 'status.da.html'), 'utf8');
  assert.match(page, /Signaturen holder ikke: resultatet er ændret efter signeringen/);
  assert.match(page, /data-approval="not-tested"/);
});

test('the profile names the signing key and the passphrase variable; the command line overrides', async () => {
  const outcome = await verifyRun(profileSignedRun, await anchors(), new Date());
  assert.equal(outcome.ok, true, JSON.stringify(outcome));
  const profile = {
    file: '/p/profile.yaml',
    signing: { key: '/p/k.pem', cert: '/p/c.pem', passphraseEnv: 'P' },
  };
  assert.deepEqual(signingOptionsOf(undefined, profile), {
    key: '/p/k.pem',
    cert: '/p/c.pem',
    passphraseEnv: 'P',
    origin: {
      key: { file: '/p/profile.yaml', field: 'signing.key' },
      cert: { file: '/p/profile.yaml', field: 'signing.cert' },
      passphraseEnv: { file: '/p/profile.yaml', field: 'signing.passphraseEnv' },
    },
  });
  // A key on the command line brings its own certificate; the passphrase variable is overridden on its own.
  const cli = signingOptionsOf({ key: '/cli/k.p12' }, profile);
  assert.equal(cli?.key, '/cli/k.p12');
  assert.equal(cli?.cert, undefined);
  assert.equal(cli?.passphraseEnv, 'P');
  assert.equal(signingOptionsOf({ passphraseEnv: 'Q' }, profile)?.passphraseEnv, 'Q');
  assert.equal(signingOptionsOf(undefined, { file: 'x' }), undefined);
  assert.throws(() => signingOptionsOf({ passphraseEnv: 'Q' }, { file: 'x' }), /signs nothing without a key/);
  // A variable that is not set names the profile and its field.
  await assert.rejects(
    loadSigner({ ...(signingOptionsOf(undefined, profile) ?? { key: '' }) }, {}),
    (error: unknown) =>
      error instanceof InvalidInputError &&
      error.issues[0]?.file === '/p/profile.yaml' &&
      error.issues[0]?.field === 'signing.passphraseEnv' &&
      /P is not set/.test(error.issues[0]?.message ?? ''),
  );
  // A malformed entry: file, line and field, like the rest of the profile; the passphrase itself is refused.
  const base = await readFile(await fastReferenceProfile(), 'utf8');
  const file = join(pki.dir, 'bad-signing.yaml');
  await writeFile(file, `${base}signing:\n  passphraseEnv: ${PASSPHRASE}\n  cert: c.pem\n  colour: blue\n`);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const error = await loadProfile(file).then(
    () => assert.fail('expected an input error'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof InvalidInputError, String(error));
  const byField = new Map(error.issues.map((i) => [i.field, i]));
  const passphrase = byField.get('signing.passphraseEnv');
  assert.match(passphrase?.message ?? '', /NAME of an environment variable/);
  assert.equal(passphrase?.line, lines.findIndex((l) => l.includes('passphraseEnv')) + 1);
  assert.ok(!(passphrase?.message ?? '').includes(PASSPHRASE), 'the error does not repeat the passphrase');
  assert.match(byField.get('signing.cert')?.message ?? '', /needs its key/);
  assert.ok(
    error.issues.some((i) => /colour/.test(`${i.field ?? ''} ${i.message}`)),
    JSON.stringify(error.issues),
  );
});

test('the register server records the signature of each submission; its live page checks signers with --trust', async () => {
  const register = await openRegister(join(pki.dir, 'server-register'), PACKAGE_ROOT);
  const token = 'medcom-token-for-signatures';
  const server = await startRegisterServer({
    register,
    submitters: [
      { name: 'medcom', role: 'medcom', tokenSha256: createHash('sha256').update(token).digest('hex') },
    ],
    host: '127.0.0.1',
    port: 0,
    clock: { now: () => new Date() },
    generator: 'certbench test',
    anchors: await anchors(),
  });
  try {
    const zip = await readFile(join(signedRun, 'test-protocol', 'diagnosekort-evidence.zip'));
    // The same package with its record changed and SHA256SUMS made anew: a consistent package, a broken signature.
    const files = unzipSync(zip);
    const record = JSON.parse(
      new TextDecoder().decode(files['certification-result.json']),
    ) as CertificationResult;
    record.run.id = `${record.run.id}-forged`;
    record.sut.version = '9.9.9';
    files['certification-result.json'] = strToU8(JSON.stringify(record, null, 2));
    const sums = Object.entries(files)
      .filter(([name]) => name !== 'SHA256SUMS')
      .map(([name, bytes]) => `${createHash('sha256').update(bytes).digest('hex')}  ${name}`);
    files['SHA256SUMS'] = strToU8(`${sums.join('\n')}\n`);
    for (const body of [zip, zipSync(files)]) {
      const response = await fetch(`${server.url}/api/v1/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/zip', authorization: `Bearer ${token}` },
        body: new Uint8Array(body),
      });
      assert.equal(response.status, 201, await response.text());
    }
    const rows = await register.db
      .selectFrom('records')
      .select(['run_id', 'signature_state', 'signature_failure', 'signature_file'])
      .orderBy('run_id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.signature_state, r.signature_failure, r.signature_file]),
      [
        ['intact', null, null],
        ['not-verified', 'record-changed', 'certification-result.json'],
      ],
    );
    const page = await fetch(`${server.url}/status.da.html`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.text());
    assert.match(page, /data-signatures="checked"/);
    assert.match(page, /Signatur verificeret/);
    assert.match(page, /Signaturen holder ikke: resultatet er ændret efter signeringen/);
  } finally {
    await server.close();
    await register.close();
  }
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function flipLast(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[copy.length - 2] = (copy[copy.length - 2] ?? 0) ^ 1;
  return copy;
}

function flipSignature(bytes: Buffer): Buffer {
  const text = bytes.toString('utf8').trim();
  const last = text.at(-3) === 'A' ? 'B' : 'A';
  return Buffer.from(`${text.slice(0, -3)}${last}${text.slice(-2)}\n`);
}
