import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { startReferenceGp } from '../../reference-gp/index.ts';
import { fastReferenceProfileYaml } from '../../reference-gp/test-profile.ts';
import type { ReferenceGpOptions } from '../../reference-gp/server.ts';
import { Writable } from 'node:stream';
import { makeEnvironment, type RunEnvironment } from '../../src/environment/environment.ts';
import { runCertification, type RunOptions } from '../../src/run/run-certification.ts';
import type { CertificationResult, CheckpointResult } from '../../src/result/types.ts';
import { tempDir, writeTemp } from './temp.ts';

/** A run environment that keeps what certbench prints. */
export function quietEnvironment(
  env: Record<string, string | undefined> = {},
): RunEnvironment & { output(): string } {
  let text = '';
  const sink = new Writable({
    write: (chunk: Buffer, _e, done) => {
      text += chunk.toString();
      done();
    },
  });
  return Object.assign(makeEnvironment({ stdout: sink, stderr: sink, env }), { output: () => text });
}

/** The reference profile with short timeouts, so faults that hang cost little. */
export async function fastReferenceProfile(extra = ''): Promise<string> {
  return writeTemp(
    await tempDir(),
    'reference-fast.yaml',
    fastReferenceProfileYaml(
      { vendor: 'MedCom (certbench)', system: 'certbench reference GP system', version: '1.0.0' },
      extra,
    ),
  );
}

/**
 * The protocol claims of profiles/reference-gp.yaml (the main command's profile) except Diagnosekort, which the
 * fast profile claims already, as YAML lines for `fastReferenceProfile`.
 */
export function referenceClaims(): string {
  const profile = parse(readFileSync(join(PACKAGE_ROOT, 'profiles', 'reference-gp.yaml'), 'utf8')) as {
    protocols: Record<string, unknown>;
  };
  return Object.entries(profile.protocols)
    .filter(([id]) => id !== 'diagnosekort')
    .map(([id, claim]) => `  ${id}: ${JSON.stringify(claim ?? {})}\n`)
    .join('');
}

export async function runReference(
  options: Partial<RunOptions> & { faults?: string[]; env?: Record<string, string> } = {},
): Promise<{ result: CertificationResult; output: string; outDir: string }> {
  const outDir = await tempDir('certbench-run-');
  const env = quietEnvironment(options.env ?? {});
  const { result } = await runCertification(
    {
      profileFile: options.profileFile ?? (await fastReferenceProfile()),
      referenceGp: { faults: options.faults ?? [] },
      protocols: options.protocols ?? 'all',
      mode: 'self-test',
      outDir,
      strict: options.strict ?? false,
      html: options.html ?? false,
      summary: options.summary ?? true,
      ...(options.waiversFile ? { waiversFile: options.waiversFile } : {}),
      ...(options.planFile ? { planFile: options.planFile } : {}),
      ...(options.rerunOf ? { rerunOf: options.rerunOf } : {}),
      ...(options.driver ? { driver: options.driver } : {}),
      ...(options.assessor ? { assessor: options.assessor } : {}),
      ...(options.resume ? { resume: options.resume } : {}),
      ...(options.operatorFactory ? { operatorFactory: options.operatorFactory } : {}),
      ...(options.asOf ? { asOf: options.asOf } : {}),
    },
    env,
  );
  return { result, output: env.output(), outDir };
}

/** Runs protocols against a system already listening (e.g. a reference GP the test started), self-test, no HTML. */
export async function runAgainst(
  profileFile: string,
  protocols: string[],
  token: string,
): Promise<CertificationResult> {
  const dir = await tempDir();
  const { result } = await runCertification(
    {
      profileFile,
      protocols,
      mode: 'self-test',
      outDir: join(dir, 'out'),
      strict: false,
      html: false,
      summary: false,
    },
    quietEnvironment({ CERTBENCH_REFERENCE_GP_TOKEN: token }),
  );
  return result;
}

export function checkpoints(result: CertificationResult): CheckpointResult[] {
  return result.protocols.flatMap((p) => p.checkpoints);
}

export function checkpoint(result: CertificationResult, id: string): CheckpointResult {
  const found = checkpoints(result).find((c) => c.id === id);
  if (!found) throw new Error(`no checkpoint ${id}`);
  return found;
}

/**
 * A shipped profile of the reference GP (profiles/<file>) with a short wait, its `variant:` line set to `declared`
 * (removed when undefined). With `baseUrl`, the profile points at a reference GP started by the test instead of one
 * the run starts.
 */
export async function variantProfile(
  file: string,
  declared: string | undefined,
  baseUrl?: string,
): Promise<string> {
  let text = readFileSync(join(PACKAGE_ROOT, 'profiles', file), 'utf8')
    .replace(/waitTimeoutMs: \d+/, 'waitTimeoutMs: 400')
    .replace(/variant: \S+/, declared === undefined ? 'useCases: []' : `variant: ${declared}`);
  if (baseUrl) text = text.replace('http://127.0.0.1:8080', baseUrl);
  return writeTemp(await tempDir(), file, text);
}

/**
 * Runs `protocol` against a reference GP started as variant `runsAs`, with the profile `file` declaring
 * `declared`: shows what happens when a system does not send as its profile says.
 */
export async function runAsVariant(
  protocol: string,
  file: string,
  runsAs: string,
  declared: string,
): Promise<CertificationResult> {
  const token = 'variant-test-token';
  const gp = await startReferenceGp({ token, variants: { [protocol]: runsAs } });
  try {
    return await runAgainst(await variantProfile(file, declared, gp.url), [protocol], token);
  } finally {
    await gp.stop();
  }
}

/**
 * Runs `protocols` against a reference GP the test starts with `gp` (e.g. actions it lacks, a fixed variant), with the
 * fast profile claiming `claims` (YAML lines as for `fastReferenceProfile`).
 */
export async function runStartedReference(
  gp: Omit<ReferenceGpOptions, 'token'>,
  claims: string,
  protocols: string[],
): Promise<CertificationResult> {
  const token = 'started-reference-token';
  const started = await startReferenceGp({ ...gp, token });
  try {
    const yaml = fastReferenceProfileYaml(
      { vendor: 'MedCom (certbench)', system: 'certbench reference GP system', version: '1.0.0' },
      claims,
    ).replace('http://127.0.0.1:1', started.url);
    return await runAgainst(
      await writeTemp(await tempDir(), 'started-reference.yaml', yaml),
      protocols,
      token,
    );
  } finally {
    await started.stop();
  }
}
