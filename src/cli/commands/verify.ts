import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { InvalidInputError } from '../../errors/index.ts';
import { certificatesOf } from '../../signing/keys.ts';
import { verifyRun } from '../../signing/verify.ts';
import type { X509Certificate } from 'node:crypto';

/** The trust anchors (PEM, one or more certificates), e.g. MedCom's certificate. */
export async function readTrustAnchors(
  file: string | undefined,
  env: RunEnvironment,
): Promise<X509Certificate[]> {
  if (!file)
    throw new InvalidInputError([
      { file: '--trust', message: "give the trust anchor (MedCom's certificate, PEM)" },
    ]);
  const path = resolve(env.cwd, file);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new InvalidInputError([{ file, message: 'cannot be read' }]);
  });
  return certificatesOf(text, file);
}

/** `certbench verify <run folder | evidence package> --trust anchor.pem`: exit 0 verified, 7 not. */
export async function verifyCommand(
  target: string,
  options: { trust?: string },
  env: RunEnvironment,
): Promise<number> {
  const anchors = await readTrustAnchors(options.trust, env);
  const outcome = await verifyRun(resolve(env.cwd, target), anchors, env.clock.now());
  if (!outcome.ok) {
    env.stderr.write(`certbench: NOT VERIFIED (${outcome.failure}): ${outcome.file}: ${outcome.message}\n`);
    return EXIT.verificationFailed;
  }
  const { run, sut } = outcome.result;
  env.stdout.write(
    `verified: run ${run.id} (${run.mode === 'certify' ? 'certification' : 'self-test'}) of ${sut.vendor} ${sut.system} ${sut.version}, signed ${outcome.signedAt} by ${outcome.signer.subject}\n`,
  );
  if (outcome.note) env.stdout.write(`note: ${outcome.note}\n`);
  return EXIT.ok;
}
