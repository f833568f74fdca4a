// The register server over real sockets: tokens and roles, all-or-nothing submissions of real evidence packages
// (a reference run's), tampering and broken uploads refused with nothing stored, and the live status page.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openRegister, type Register } from '../../src/register/index.ts';
import { startRegisterServer, type RunningRegisterServer } from '../../src/register/server.ts';
import { loadSubmitters, type Submitter } from '../../src/register/submitters.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { startLocalPostgres, type LocalPostgres } from '../support/postgres.ts';
import { runReference } from '../support/run.ts';
import { tempDir } from '../support/temp.ts';

const TOKENS = {
  medcom: 'medcom-secret-token',
  vendor: 'vendor-secret-token',
  other: 'other-secret-token',
  reader: 'reader-token',
};
const sha = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');
const SUBMITTERS: Submitter[] = [
  { name: 'medcom-testcamp', role: 'medcom', tokenSha256: sha(TOKENS.medcom) },
  { name: 'reference-ci', role: 'vendor', vendor: 'MedCom (certbench)', tokenSha256: sha(TOKENS.vendor) },
  { name: 'eg-ci', role: 'vendor', vendor: 'EG A/S', systems: ['Clinea'], tokenSha256: sha(TOKENS.other) },
  { name: 'styregruppen', role: 'reader', tokenSha256: sha(TOKENS.reader) },
];

/** The evidence package with its record changed and SHA256SUMS made anew: another, honest package. */
function repackaged(zip: Uint8Array, change: (record: CertificationResult) => void): Buffer {
  const files = unzipSync(zip);
  const record = JSON.parse(
    strFromU8(files['certification-result.json'] ?? new Uint8Array()),
  ) as CertificationResult;
  change(record);
  files['certification-result.json'] = strToU8(`${JSON.stringify(record, null, 2)}\n`);
  delete files['SHA256SUMS'];
  const sums = Object.entries(files).map(([name, content]) => `${sha(content)}  ${name}`);
  files['SHA256SUMS'] = strToU8(`${sums.join('\n')}\n`);
  return Buffer.from(zipSync(files));
}

async function submit(
  url: string,
  body: Uint8Array,
  token?: string,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${url}/api/v1/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/zip', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(body),
  });
  return { status: response.status, body: await response.text() };
}

async function runIds(register: Register): Promise<string[]> {
  const rows = await register.db.selectFrom('records').select('run_id').orderBy('run_id').execute();
  return rows.map((r) => r.run_id);
}

let zip: Buffer;
let postgres: LocalPostgres | undefined;
before(async () => {
  const { outDir } = await runReference({ protocols: ['diagnosekort'] });
  zip = await readFile(join(outDir, 'test-protocol', 'diagnosekort-evidence.zip'));
  postgres = await startLocalPostgres();
});
after(() => postgres?.stop());

for (const engine of ['PGlite', 'PostgreSQL'] as const)
  describe(`the register server on ${engine}`, () => {
    let register: Register;
    let server: RunningRegisterServer;
    // Made here, not with tempDir: an `after` registered inside a hook would remove the folder when the hook ends.
    let folder: string | undefined;
    before(async () => {
      folder = await mkdtemp(join(tmpdir(), 'certbench-register-server-'));
      const target = engine === 'PGlite' ? join(folder, 'register') : await postgres!.newDatabase();
      register = await openRegister(target, PACKAGE_ROOT);
      server = await startRegisterServer({
        register,
        submitters: SUBMITTERS,
        host: '127.0.0.1',
        port: 0,
        clock: { now: () => new Date() },
        generator: 'certbench test',
        maxPackageBytes: 20 * 2 ** 20,
      });
    });
    after(async () => {
      await server.close();
      await register.close();
      if (folder) await rm(folder, { recursive: true, force: true });
    });

    test('tokens and roles: a vendor submits self-tests of its own systems only; MedCom certifies', async () => {
      assert.equal((await submit(server.url, zip)).status, 401);
      assert.equal((await submit(server.url, zip, 'not-a-token')).status, 401);
      const certification = repackaged(zip, (r) => {
        r.run.mode = 'certify';
        r.run.id = `${r.run.id}-certify`;
      });
      const vendorCertifies = await submit(server.url, certification, TOKENS.vendor);
      assert.equal(vendorCertifies.status, 403);
      assert.match(vendorCertifies.body, /only MedCom submits certifications/);
      const otherVendor = await submit(server.url, zip, TOKENS.other);
      assert.equal(otherVendor.status, 403);
      assert.match(otherVendor.body, /submits for EG A\/S, not for MedCom \(certbench\)/);
      const otherSystem = repackaged(zip, (r) => {
        r.sut.vendor = 'EG A/S';
        r.sut.system = 'Clinea Cloud';
        r.run.id = `${r.run.id}-eg`;
      });
      assert.equal((await submit(server.url, otherSystem, TOKENS.other)).status, 403);
      assert.equal((await submit(server.url, zip, TOKENS.reader)).status, 403);
      assert.deepEqual(await runIds(register), [], 'nothing refused was stored');

      const added = await submit(server.url, zip, TOKENS.vendor);
      assert.equal(added.status, 201, added.body);
      const again = await submit(server.url, zip, TOKENS.vendor);
      assert.equal(again.status, 200);
      assert.match(again.body, /"known"/);
      assert.equal((await submit(server.url, certification, TOKENS.medcom)).status, 201);
      const [selfTest] = await runIds(register);
      assert.equal((await runIds(register)).length, 2);
      // The same run id with other content: never overwritten.
      const edited = repackaged(zip, (r) => {
        r.outcome.summary = 'edited';
      });
      assert.equal((await submit(server.url, edited, TOKENS.vendor)).status, 409);

      const download = await fetch(`${server.url}/api/v1/runs/${selfTest}/package`, {
        headers: { authorization: `Bearer ${TOKENS.medcom}` },
      });
      assert.equal(download.status, 200);
      assert.equal(sha(new Uint8Array(await download.arrayBuffer())), sha(zip), 'the package as submitted');
    });

    test('tampered, truncated and aborted uploads are refused and leave no trace', async () => {
      const before = await runIds(register);
      const files = unzipSync(zip);
      const evidence = Object.keys(files).find((name) => name.startsWith('evidence/'));
      assert.ok(evidence);
      const changed = new Uint8Array(files[evidence] ?? new Uint8Array());
      changed[10] = (changed[10] ?? 0) ^ 1;
      const tampered = Buffer.from(zipSync({ ...files, [evidence]: changed }));
      const fresh = (r: CertificationResult): void => {
        r.run.id = `${r.run.id}-fresh`;
      };
      const tamperedFresh = Buffer.from(
        zipSync({ ...unzipSync(repackaged(zip, fresh)), [evidence]: changed }),
      );
      for (const body of [tampered, tamperedFresh]) {
        const refused = await submit(server.url, body, TOKENS.vendor);
        assert.equal(refused.status, 400);
        assert.match(refused.body, /does not match its SHA-256 in SHA256SUMS/);
      }
      const truncated = await submit(server.url, repackaged(zip, fresh).subarray(0, 5000), TOKENS.vendor);
      assert.equal(truncated.status, 400);
      assert.match(truncated.body, /not a readable ZIP file|is missing/);
      // A client that drops the connection half-way through its upload.
      const whole = repackaged(zip, fresh);
      await new Promise<void>((resolve) => {
        const { hostname, port } = new URL(server.url);
        const req = httpRequest({
          host: hostname,
          port,
          method: 'POST',
          path: '/api/v1/submissions',
          headers: {
            'content-type': 'application/zip',
            'content-length': whole.length,
            authorization: `Bearer ${TOKENS.vendor}`,
          },
        });
        req.on('error', () => resolve());
        req.write(whole.subarray(0, Math.floor(whole.length / 2)), () => {
          req.destroy();
          resolve();
        });
      });
      assert.deepEqual(await runIds(register), before, 'nothing stored from any of them');
      const ok = await submit(server.url, whole, TOKENS.vendor);
      assert.equal(ok.status, 201, 'the server serves on after an aborted upload');
    });

    test('the live status page: for MedCom and readers, not for vendors; a self-test is not an approval', async () => {
      const vendor = await fetch(`${server.url}/status`, {
        headers: { authorization: `Bearer ${TOKENS.vendor}` },
      });
      assert.equal(vendor.status, 403);
      const anonymous = await fetch(`${server.url}/status`);
      assert.equal(anonymous.status, 401);
      assert.match(anonymous.headers.get('www-authenticate') ?? '', /Basic realm="certbench register"/);
      const basic = Buffer.from(`styregruppen:${TOKENS.reader}`).toString('base64');
      const page = await fetch(`${server.url}/status.en.html`, {
        headers: { authorization: `Basic ${basic}` },
      });
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /certbench reference GP system/);
      assert.match(html, /Diagnosekort/);
      for (const token of Object.values(TOKENS)) assert.ok(!html.includes(token), 'no token on the page');
    });
  });

test('the submitters file is checked: unknown fields, a vendor without its vendor, a bad hash', async () => {
  const dir = await tempDir();
  const file = join(dir, 'submitters.yaml');
  await writeFile(
    file,
    [
      'certbench: 1',
      'submitters:',
      '  - name: a',
      '    role: vendor',
      `    tokenSha256: ${sha('x')}`,
      '  - name: b',
      '    role: medcom',
      '    tokenSha256: nope',
      '    colour: blue',
      '',
    ].join('\n'),
  );
  await assert.rejects(loadSubmitters(file), (error: Error) => {
    assert.match(
      error.message,
      /submitters\.yaml:3: submitters\[0\]\.vendor: a vendor submitter names its vendor/,
    );
    assert.match(error.message, /submitters\.yaml:8: submitters\[1\]\.tokenSha256: the SHA-256 of the token/);
    assert.match(error.message, /submitters\.yaml:9: submitters\[1\]: unknown field "colour"/);
    return true;
  });
});
