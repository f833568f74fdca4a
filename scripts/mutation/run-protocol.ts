// One certbench run of one protocol (in one variant) against the built-in reference GP system, in this process:
// the test that decides whether a mutant of the reference GP is killed (some checkpoint not passed) or survives.
// Also a command for measuring: `tsx scripts/mutation/run-protocol.ts <protocol> [variant]`.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fastReferenceProfileYaml } from '../../reference-gp/test-profile.ts';
// Loaded with this module, not when a run starts it (run-certification imports it lazily): its module-level code
// must run before any test, so Stryker sees those mutants as static and tests each in a fresh process.
import '../../reference-gp/index.ts';
import { parse } from 'yaml';
import { makeEnvironment } from '../../src/environment/environment.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { runCertification } from '../../src/run/run-certification.ts';

/** What the conforming reference GP gets in this run: anything else is a kill. */
export type Baseline = Map<string, string>;

const quiet = () =>
  new Writable({
    write: (_chunk, _encoding, done) => {
      done();
    },
  });

/** The reference GP's claim of the protocol (profiles/reference-gp.yaml: use cases, variant), as the run makes it. */
function claimOf(protocol: string, variant: string | undefined): string {
  const profile = parse(readFileSync(join(PACKAGE_ROOT, 'profiles', 'reference-gp.yaml'), 'utf8')) as {
    protocols: Record<string, Record<string, unknown> | null>;
  };
  const claim = { ...(profile.protocols[protocol] ?? {}), ...(variant ? { variant } : {}) };
  return JSON.stringify(claim);
}

/**
 * Runs the protocol as the reference GP claims it; `variant` replaces the claim's variant. `failFast` skips the
 * scenarios after the first failed one (they are pending): enough to see that a mutant is killed.
 */
export async function runProtocol(
  protocol: string,
  variant?: string,
  options: { failFast?: boolean } = {},
): Promise<Map<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'certbench-mutation-'));
  try {
    const extra = protocol === 'diagnosekort' ? '' : `  ${protocol}: ${claimOf(protocol, variant)}\n`;
    const profileFile = join(dir, 'profile.yaml');
    await writeFile(
      profileFile,
      fastReferenceProfileYaml({ vendor: 'MedCom (certbench)', system: 'mutant', version: '1.0.0' }, extra),
    );
    const { result } = await runCertification(
      {
        profileFile,
        referenceGp: { faults: [] },
        protocols: [protocol],
        mode: 'self-test',
        outDir: join(dir, 'out'),
        strict: false,
        html: false,
        summary: false,
        ...(options.failFast ? { failFast: true } : {}),
      },
      makeEnvironment({ stdout: quiet(), stderr: quiet(), env: { ...process.env } }),
    );
    return new Map(
      result.protocols
        .flatMap((p) => p.checkpoints)
        .map((c) => [c.id, `${c.status} ${c.message ?? ''}`.trim()]),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Whether a run stopped at its first failed scenario showed the mutant: some checkpoint failed (or broke) where the
 * conforming system's did not. Otherwise the differences may be only the scenarios the stop skipped.
 */
export function failedUnlikeBaseline(baseline: Baseline, now: Map<string, string>): boolean {
  return [...now].some(
    ([id, outcome]) =>
      /^(failed|harness-error)\b/.test(outcome) &&
      (baseline.get(id) ?? '').split(' ')[0] !== outcome.split(' ')[0],
  );
}

/** The checkpoints whose outcome differs from the conforming system's. */
export function differences(baseline: Baseline, now: Map<string, string>): string[] {
  const ids = new Set([...baseline.keys(), ...now.keys()]);
  return [...ids]
    .filter((id) => (baseline.get(id) ?? '').split(' ')[0] !== (now.get(id) ?? 'missing').split(' ')[0])
    .map((id) => `${id}: ${now.get(id) ?? 'missing'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [protocol = 'intelligent-indbakke', variant] = process.argv.slice(2);
  const started = Date.now();
  const first = await runProtocol(protocol, variant);
  const firstMs = Date.now() - started;
  const again = Date.now();
  await runProtocol(protocol, variant);
  const statuses = [...first.values()].map((v) => v.split(' ')[0]);
  console.log(
    `${protocol}${variant ? `@${variant}` : ''}: ${first.size} checkpoints (${statuses.filter((s) => s === 'passed').length} passed); first run ${firstMs} ms, second ${Date.now() - again} ms`,
  );
}
