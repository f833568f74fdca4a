// The status report and signatures: a certification whose signature does not hold (a forger changed the record) is refused and marked in its cell, on the system page and in the Markdown; without
// --trust an intact signature is "not checked", an unsigned certification is marked; with --trust only verified
// certifications count. The register records the signature when a run comes in and gives the same pages.
import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { registerImportCommand } from '../../src/cli/commands/register.ts';
import { statusCommand, type StatusCommandOptions } from '../../src/cli/commands/status.ts';
import { EXIT } from '../../src/errors/exit-codes.ts';
import { openRegister } from '../../src/register/index.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import type { Signer } from '../../src/signing/keys.ts';
import { writeSignature } from '../../src/signing/sign.ts';
import { issued, rootCa, type TestIdentity } from '../support/pki.ts';
import { tempDir } from '../support/temp.ts';
import { capturingEnvironment, run } from './builders.ts';
import { chromiumMissing, dumpDom, screenshot } from './chromium.ts';

const NOW = '2026-11-25T08:00:00Z';
// Made at the top: `after` (which removes them) registered inside `before` would run right after that hook.
const results = await tempDir('certbench-status-signatures-');
const anchor = join(await tempDir('certbench-anchor-'), 'medcom.pem');
const SHOTS = process.env['CERTBENCH_SCREENSHOTS'];

function signerOf(id: TestIdentity): Signer {
  return { key: createPrivateKey(id.keyPem), chain: [new X509Certificate(id.certPem)], alg: 'PS256' };
}

async function writeRun(result: CertificationResult, signer?: Signer): Promise<string> {
  const dir = join(results, result.run.id);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'certification-result.json'), JSON.stringify(result, null, 2));
  if (signer) await writeSignature(dir, result, signer, new Date());
  return dir;
}

before(async () => {
  const root = rootCa('MedCom test root');
  const medcom = signerOf(issued(root, 'MedCom certificering'));
  const stranger = signerOf(issued(rootCa('Someone else'), 'Not MedCom'));
  await writeFile(anchor, root.certPem);
  const clinea = (at: string) => run({ at, mode: 'certify' }).result as CertificationResult;
  await writeRun(clinea('2026-10-01'), medcom);
  // The forger: a newer certification changed after signing (integrity.json is unsigned: a forger rewrites or drops
  // it, as these builder runs have none), so only the signature can tell.
  const forged = clinea('2026-11-01');
  const forgedDir = await writeRun(forged, medcom);
  forged.sut.version = '4.2.1';
  await writeFile(join(forgedDir, 'certification-result.json'), JSON.stringify(forged, null, 2));
  // An unsigned certification, a certification signed by someone else's key, and an unsigned self-test.
  await writeRun(
    run({ vendor: 'CGM', system: 'XMO', at: '2026-10-15', mode: 'certify' }).result as CertificationResult,
  );
  await writeRun(
    run({ vendor: 'Novax A/S', system: 'Novax', at: '2026-10-20', mode: 'certify' })
      .result as CertificationResult,
    stranger,
  );
  await writeRun(
    run({ vendor: 'CGM', system: 'XMO', at: '2026-09-01', protocols: [{ approval: 'Ikke godkendt' }] })
      .result as CertificationResult,
  );
});

async function status(
  source: { folder: string } | { register: string },
  extra: Partial<StatusCommandOptions> = {},
): Promise<{ code: number; out: string; pages: Record<string, string>; output: string }> {
  const out = join(await tempDir('certbench-status-signatures-out-'), 'status');
  const env = capturingEnvironment(NOW);
  const options = { out, ...extra };
  const code =
    'folder' in source
      ? await statusCommand(source.folder, options, env)
      : await statusCommand(undefined, { ...options, register: source.register }, env);
  const pages: Record<string, string> = {};
  for (const name of (await readdir(out, { recursive: true })).filter((n) => /\.(html|md)$/.test(n)).sort())
    pages[name] = await readFile(join(out, name), 'utf8');
  return { code, out, pages, output: env.output() };
}

/** The opening tag of the cell of a system's Diagnosekort 1.0.0. */
function cellOf(page: string, system: string): string {
  const match = new RegExp(`<td[^>]*data-system="${system}"[^>]*data-protocol="diagnosekort"[^>]*>`).exec(
    page,
  );
  assert.ok(match, `the cell of ${system}`);
  return match[0];
}

test('without --trust: a broken signature is refused and marked, the others are marked "not checked" or "not signed"', async () => {
  const { code, pages, output } = await status({ folder: results });
  assert.equal(code, EXIT.verificationFailed, output);
  assert.match(output, /certification refused: .*record-changed: certification-result\.json/);
  assert.match(output, /signers not checked: give --trust/);
  const da = pages['status.da.html'] ?? '';
  assert.match(da, /data-signatures="not-checked"\s+data-refused="1"/);
  assert.match(da, /Signaturerne er ikke kontrolleret mod et tillidsanker/);
  // Clinea: the older, intact certification counts, marked; the forged one beside it, refused.
  const clinea = cellOf(da, 'Clinea');
  assert.match(clinea, /data-approval="Godkendt"/);
  assert.match(clinea, /data-signature="not-checked"/);
  assert.match(da, /Nyere certificering 01\.11\.2026 afvist/);
  assert.match(
    da,
    /data-failure="record-changed"[^>]*>[\s\S]*?Signaturen holder ikke: resultatet er ændret efter signeringen/,
  );
  assert.match(cellOf(da, 'XMO'), /data-signature="not-signed"/);
  assert.match(cellOf(da, 'Novax'), /data-approval="Godkendt"[^>]*data-signature="not-checked"/);
  assert.match(
    pages['status.en.html'] ?? '',
    /Signature does not verify: the result was changed after it was signed/,
  );
  const system = pages['systems/eg-a-s-clinea.da.html'] ?? '';
  assert.match(system, /<th scope="col">Signatur<\/th>/);
  assert.match(system, /Afvist – tæller ikke \(angiver Godkendt\)/);
  assert.match(system, /data-signature="not-verified"/);
  assert.match(pages['status.md'] ?? '', /Signaturen holder ikke: resultatet er ændret efter signeringen/);
});

test('with --trust only verified certifications count: unsigned and foreign-signed ones are refused', async () => {
  const { code, pages, output } = await status({ folder: results }, { trust: anchor });
  assert.equal(code, EXIT.verificationFailed, output);
  const da = pages['status.da.html'] ?? '';
  assert.match(da, /data-signatures="checked"\s+data-refused="3"/);
  assert.match(cellOf(da, 'Clinea'), /data-approval="Godkendt"[^>]*data-signature="verified"/);
  // XMO: the unsigned certification does not count; its self-test is what the cell shows.
  assert.match(cellOf(da, 'XMO'), /data-approval="Ikke godkendt"\s+data-mode="self-test"/);
  assert.match(da, /Nyere certificering 15\.10\.2026 afvist/);
  const novax = cellOf(da, 'Novax');
  assert.match(novax, /data-approval="not-tested"[^>]*data-signature="not-verified"/);
  assert.match(novax, /sig-refused/);
  assert.match(da, /underskriverens certifikat er ikke udstedt af tillidsankeret/);
  assert.match(da, /data-totals="certify"[\s\S]*?data-approval="Godkendt"[^>]*>[\s\S]*?<strong>1<\/strong>/);

  const missing = chromiumMissing();
  if (missing) assert.fail(missing);
  const { out } = await status({ folder: results }, { trust: anchor });
  const dom = await dumpDom(join(out, 'status.da.html'));
  assert.match(dom, /class="sig sig-not-verified"/);
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await screenshot(join(out, 'status.da.html'), join(SHOTS, 'status-signatures.da.png'), '1400,1300');
    await screenshot(
      join(out, 'systems', 'eg-a-s-clinea.da.html'),
      join(SHOTS, 'status-signatures-system.da.png'),
      '1300,900',
    );
  }
});

test('the register records each signature when the run comes in and gives the same pages, with and without --trust', async () => {
  const register = join(await tempDir('certbench-register-signatures-'), 'register');
  const env = capturingEnvironment();
  assert.equal(await registerImportCommand([results], { register }, env), EXIT.ok, env.output());
  // Runs registered before migration 0004 have no signature state: importing them again fills it in.
  const opened = await openRegister(register, PACKAGE_ROOT);
  try {
    await opened.db
      .updateTable('records')
      .set({ signature_state: null, signature_jws: null, signature_failure: null })
      .execute();
  } finally {
    await opened.close();
  }
  const notChecked = await status({ register });
  assert.match(notChecked.pages['status.da.html'] ?? '', /data-signature="not-checked"/);
  assert.doesNotMatch(notChecked.pages['status.da.html'] ?? '', /data-signature="not-signed"/);
  assert.equal(await registerImportCommand([results], { register }, env), EXIT.ok, env.output());
  for (const extra of [{}, { trust: anchor }]) {
    const folder = await status({ folder: results }, extra);
    const fromRegister = await status({ register }, extra);
    assert.equal(fromRegister.code, folder.code);
    assert.match(folder.pages['status.da.html'] ?? '', /data-signature="not-verified"/);
    assert.deepEqual(fromRegister.pages, folder.pages);
  }
});
