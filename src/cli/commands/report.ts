import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { InvalidInputError } from '../../errors/index.ts';
import { builtinProjections, runProjections } from '../../projections/index.ts';
import { FileSystemWriter } from '../../projections/writer.ts';
import { verifyRunFolder } from '../../integrity/run-integrity.ts';
import { generateAllureHtml } from '../../report/allure-html.ts';
import { RESULT_SCHEMA_VERSION, type CertificationResult } from '../../result/types.ts';
import { refusedSignature, signatureCheckOf, storedSignatureOfFolder } from '../../signing/check.ts';
import { readTrustAnchors } from './verify.ts';

/**
 * Rebuilds allure-results and the filled-in test protocol with its evidence package from the record (the record is
 * the truth) and generates the HTML report.
 */
export async function reportCommand(
  runDir: string,
  env: RunEnvironment,
  options: { trust?: string } = {},
): Promise<number> {
  const dir = resolve(env.cwd, runDir);
  const file = join(dir, 'certification-result.json');
  let result: CertificationResult;
  try {
    result = JSON.parse(await readFile(file, 'utf8')) as CertificationResult;
  } catch (error) {
    throw new InvalidInputError([
      { file, message: `cannot read the certification result: ${(error as Error).message}` },
    ]);
  }
  if (result.schemaVersion !== RESULT_SCHEMA_VERSION) {
    throw new InvalidInputError([
      {
        file,
        field: 'schemaVersion',
        message: `is ${JSON.stringify((result as { schemaVersion?: unknown }).schemaVersion)}, this certbench reads ${String(RESULT_SCHEMA_VERSION)}`,
      },
    ]);
  }
  const problems = await verifyRunFolder(dir, result);
  const mismatches = problems.filter((p) => p.kind !== 'unverified');
  if (mismatches.length > 0)
    throw new InvalidInputError(
      mismatches.map((p) => ({ file: p.file, message: p.message })),
      'the run folder does not match its record (integrity check); no report written',
    );
  for (const p of problems) env.logger.warn(`not verified: ${p.file}: ${p.message}`);
  const anchors = options.trust === undefined ? undefined : await readTrustAnchors(options.trust, env);
  const signature = signatureCheckOf(await storedSignatureOfFolder(dir), anchors);
  // A certification is rendered only when its signature holds (and, with --trust, its signer is MedCom's).
  if (result.run.mode === 'certify' && refusedSignature(signature, anchors !== undefined)) {
    env.stderr.write(
      `certbench: the certification is refused, no report written: ${
        signature.state === 'not-verified'
          ? `${signature.failure}: ${join(dir, signature.file)}: ${signature.detail}`
          : `${signature.state === 'not-signed' ? 'it is not signed' : 'its signature cannot be checked'} (--trust was given)`
      }\n`,
    );
    return EXIT.verificationFailed;
  }
  if (signature.state === 'not-verified')
    env.logger.warn(`the self-test's signature does not verify: ${signature.failure}: ${signature.detail}`);
  else if (result.run.mode === 'certify' && signature.state === 'not-signed')
    env.logger.warn('the certification is not signed');
  else if (signature.state === 'not-checked')
    env.logger.warn("the signer is not checked: give --trust with the trust anchor (MedCom's certificate)");
  await runProjections([builtinProjections['allure-results'], builtinProjections['test-protocol']], {
    result,
    writer: new FileSystemWriter(dir),
    stdout: env.stdout,
    env: env.env,
  });
  const report = await generateAllureHtml(dir, {
    reportName: `certbench: ${result.sut.vendor} ${result.sut.system} ${result.sut.version}`,
    warn: (message) => env.logger.warn(message),
  });
  env.stdout.write(`${report}\n`);
  return EXIT.ok;
}
