import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { approvalEntries, type ApprovalsList, type VerifiedCertification } from '../../approvals/model.ts';
import { renderApprovalsHtml } from '../../approvals/html.ts';
import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import type { CertificationResult } from '../../result/types.ts';
import { CERTBENCH_VERSION } from '../../run/package-root.ts';
import { SIGNATURE_FILE } from '../../signing/files.ts';
import { verifyRun } from '../../signing/verify.ts';
import { findResultFiles } from '../../status/load.ts';
import { readTrustAnchors } from './verify.ts';

/**
 * `certbench approvals <folders…> --trust medcom.pem`: the public approvals list from the verified certifications
 * under the folders (approvals.da.html, approvals.en.html, approvals.json). Self-tests are ignored; a certification
 * that does not verify is left out and named, and the command then exits 7.
 */
export async function approvalsCommand(
  folders: string[],
  options: { trust?: string; out: string },
  env: RunEnvironment,
): Promise<number> {
  const anchors = await readTrustAnchors(options.trust, env);
  const out = resolve(env.cwd, options.out);
  const verified: VerifiedCertification[] = [];
  const refused: ApprovalsList['refused'] = [];
  for (const folder of folders)
    for (const file of await findResultFiles(resolve(env.cwd, folder))) {
      const runDir = dirname(file);
      const outcome = await verifyRun(runDir, anchors, env.clock.now());
      const result: CertificationResult | undefined = outcome.result;
      if (result?.run?.mode !== 'certify') continue;
      if (!outcome.ok) {
        refused.push({
          file: relative(env.cwd, file),
          failure: outcome.failure,
          at: outcome.name,
          reason: `${relative(env.cwd, outcome.file)}: ${outcome.message}`,
        });
        continue;
      }
      verified.push({
        result: outcome.result,
        signedAt: outcome.signedAt,
        signer: outcome.signer.subject,
        record: relative(out, file),
        signature: relative(out, join(runDir, SIGNATURE_FILE)),
      });
    }
  const list: ApprovalsList = {
    generatedAt: env.clock.now().toISOString().slice(0, 10),
    generator: `certbench ${CERTBENCH_VERSION}`,
    entries: approvalEntries(verified),
    refused,
  };
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'approvals.json'), `${JSON.stringify(list, null, 2)}\n`);
  for (const lang of ['da', 'en'] as const)
    await writeFile(join(out, `approvals.${lang}.html`), renderApprovalsHtml(list, lang));
  for (const r of refused) env.logger.warn(`left out ${r.file}: ${r.failure}: ${r.reason}`);
  env.logger.info(
    `certbench: approvals list of ${list.entries.length} entries from ${verified.length} verified certifications in ${options.out}`,
  );
  return refused.length > 0 ? EXIT.verificationFailed : EXIT.ok;
}
