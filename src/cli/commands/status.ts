import type { X509Certificate } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { InvalidInputError, type InputIssue } from '../../errors/index.ts';
import { FileSystemWriter } from '../../projections/writer.ts';
import { CERTBENCH_VERSION } from '../../run/package-root.ts';
import { dayOf, isDay } from '../../status/dates.ts';
import { loadResultsFolder, type SkippedFile } from '../../status/load.ts';
import { buildStatusModel } from '../../status/model.ts';
import { chromiumPath, pdfBrowserMissing } from '../../status/pdf.ts';
import { writeStatusPdf, writeStatusReport } from '../../status/report.ts';
import type { StatusLanguage } from '../../status/texts.ts';
import type { LoadedResult } from '../../status/types.ts';
import { refusedSignature, type SignatureCheck } from '../../signing/check.ts';
import { REGISTER_ENV, registerTarget, withRegister } from '../../register/target.ts';

/** Options of `certbench status`; dates are `YYYY-MM-DD`. */
export interface StatusCommandOptions {
  /** Folder the pages and the Markdown summary are written to. */
  out: string;
  /** The last meeting: changes since this day are listed. */
  since?: string;
  /** Waivers no longer in force on this day are highlighted. */
  nextMeeting?: string;
  /** The report's day. @default today (the environment's clock, UTC) */
  asOf?: string;
  /** Which HTML pages to write. @default 'both' */
  lang?: 'da' | 'en' | 'both';
  /** Build the report from this register (a folder or a postgres:// URL) instead of a folder of results. */
  register?: string;
  /** Also print the report (status page and system pages) into `status.<lang>.pdf` with Chromium. */
  pdf?: boolean;
  /**
   * Trust anchor (PEM, MedCom's certificate): signers are checked and only verified certifications count. Without it
   * signatures are shown "not checked"; a broken signature is refused either way.
   */
  trust?: string;
}

const LANGUAGES = { da: ['da'], en: ['en'], both: ['da', 'en'] } as const satisfies Record<
  string,
  readonly StatusLanguage[]
>;

/**
 * Reads every `certification-result.json` under `resultsDir` (or the runs of the register) and writes the status report (`status.da.html`,
 * `status.en.html`, `status.md`) into `options.out`. Files that are not results of this schema are skipped with a
 * warning; bad dates or options are invalid input (exit 3).
 */
export async function statusCommand(
  resultsDir: string | undefined,
  options: StatusCommandOptions,
  env: RunEnvironment,
): Promise<number> {
  const issues: InputIssue[] = [];
  const day = (flag: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    if (isDay(value)) return value;
    issues.push({ file: flag, message: `"${value}" is not a date YYYY-MM-DD` });
    return undefined;
  };
  const asOf = day('--as-of', options.asOf) ?? dayOf(env.clock.now());
  const since = day('--since', options.since);
  const nextMeeting = day('--next-meeting', options.nextMeeting);
  if (since && since > asOf)
    issues.push({ file: '--since', message: `${since} lies after the report day ${asOf}` });
  if (nextMeeting && nextMeeting < asOf)
    issues.push({ file: '--next-meeting', message: `${nextMeeting} lies before the report day ${asOf}` });
  const lang = options.lang ?? 'both';
  if (!Object.hasOwn(LANGUAGES, lang))
    issues.push({ file: '--lang', message: `"${String(lang)}" is not one of da, en, both` });
  const register = registerTarget(options.register, env);
  if (resultsDir !== undefined && register !== undefined)
    issues.push({ file: '--register', message: 'give either a folder of results or --register, not both' });
  else if (resultsDir === undefined && register === undefined)
    issues.push({
      file: 'resultsDir',
      message: `give a folder of results or --register (or set ${REGISTER_ENV})`,
    });
  else if (resultsDir !== undefined) {
    const isFolder = await stat(resolve(env.cwd, resultsDir)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isFolder) issues.push({ file: resultsDir, message: 'is not a folder of certification results' });
  }
  const browser = chromiumPath(env.env);
  const noBrowser = options.pdf ? pdfBrowserMissing(browser) : undefined;
  if (noBrowser) issues.push({ file: '--pdf', message: noBrowser });
  if (issues.length > 0) throw new InvalidInputError(issues, 'invalid status report options');
  // The certificate reader (node-forge) only when signers are checked.
  const anchors =
    options.trust === undefined
      ? undefined
      : await (await import('./verify.ts')).readTrustAnchors(options.trust, env);

  const out = resolve(env.cwd, options.out);
  const { results, tampered } =
    register === undefined
      ? await fromFolder(resolve(env.cwd, resultsDir ?? '.'), env, anchors)
      : {
          results: await withRegister(register, env, async (r) => {
            const { loadRegisterResults } = await import('../../register/status-source.ts');
            return loadRegisterResults(r.db, { asOf }, anchors);
          }),
          tampered: [],
        };
  if (results.length === 0)
    env.logger.warn(
      `no certification results ${resultsDir === undefined ? 'in the register' : `under ${resultsDir}`}`,
    );
  const model = buildStatusModel(results, {
    asOf,
    ...(since ? { since } : {}),
    ...(nextMeeting ? { nextMeeting } : {}),
    outDir: out,
    generator: `certbench ${CERTBENCH_VERSION}`,
    signaturesChecked: anchors !== undefined,
  });
  const files = await writeStatusReport(model, new FileSystemWriter(out), LANGUAGES[lang]);
  // The meeting papers' language: Danish whenever it is written.
  if (options.pdf) files.push(await writeStatusPdf(model, out, LANGUAGES[lang][0], browser));
  for (const file of files) env.stdout.write(`${join(options.out, file)}\n`);
  env.logger.info(
    `certbench: status of ${model.systems.length} systems × ${model.protocols.length} protocol versions from ${model.counted} results`,
  );
  // A run that does not match its record is left out of the report and fails the command, so it cannot go unseen.
  if (tampered.length > 0) {
    env.logger.warn(
      `certbench: ${tampered.length} result(s) left out because they do not match their run: ${tampered.map((s) => relative(env.cwd, s.file)).join(', ')}`,
    );
    return EXIT.invalidInput;
  }
  // A certification whose signature does not hold is marked on the pages and fails the command, as in approvals.
  const refused = results.filter(
    (r) => r.result.run.mode === 'certify' && refusedSignature(r.signature, anchors !== undefined),
  );
  for (const r of refused)
    env.logger.warn(`certification refused: ${relative(env.cwd, r.file)}: ${signatureWords(r.signature)}`);
  if (anchors === undefined && results.some((r) => r.signature && r.signature.state !== 'not-signed'))
    env.logger.warn("signers not checked: give --trust with the trust anchor (MedCom's certificate)");
  return refused.length > 0 ? EXIT.verificationFailed : EXIT.ok;
}

function signatureWords(signature: SignatureCheck | undefined): string {
  if (signature?.state === 'not-verified')
    return `${signature.failure}: ${signature.file}: ${signature.detail}`;
  return signature?.state === 'not-signed' ? 'not signed' : 'signature not verified';
}

async function fromFolder(
  dir: string,
  env: RunEnvironment,
  anchors: readonly X509Certificate[] | undefined,
): Promise<{ results: LoadedResult[]; tampered: SkippedFile[] }> {
  const { results, skipped, unverified } = await loadResultsFolder(dir, anchors);
  for (const skip of skipped) env.logger.warn(`skipped ${relative(env.cwd, skip.file)}: ${skip.reason}`);
  for (const file of unverified)
    env.logger.warn(
      `not verified ${relative(env.cwd, file)}: the run has no integrity.json (made before 0.1)`,
    );
  return { results, tampered: skipped.filter((s) => s.integrity) };
}
