import type { RunEnvironment } from '../../environment/environment.ts';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { HarnessError, InvalidInputError } from '../../errors/index.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { dryRunCertification, runCertification, type RunOptions } from '../../run/run-certification.ts';
import { BENCH_PHASES_ENV } from '../../run/timings.ts';
import type { ScenarioSelection } from '../../selection/select.ts';
import { RESULT_FILE_NAME } from '../../status/load.ts';
import { writeCiJobSummary } from '../ci-job-summary.ts';
import { registerTarget, withRegister } from '../../register/target.ts';

export interface RunCommandOptions {
  profile?: string;
  sutUrl?: string;
  counterpartsUrl?: string;
  referenceGp?: boolean;
  fault: string[];
  protocol?: string[];
  all?: boolean;
  waivers?: string;
  plan?: string;
  fhirPackages?: string;
  asOf?: string;
  rerun?: string;
  driver?: 'http' | 'manual';
  assessor?: string;
  resume?: boolean;
  mode: 'self-test' | 'certify';
  out: string;
  strict?: boolean;
  html: boolean;
  summary: boolean;
  signKey?: string;
  signCert?: string;
  signPassphraseEnv?: string;
  /** Record the run in this register at its end (a folder or a postgres:// URL). */
  register?: string;
  /** Feature files, each optionally with :line (cucumber's positional arguments). */
  features?: string[];
  tags?: string;
  checkpoint?: string[];
  name?: string;
  dryRun?: boolean;
}

export async function runCommand(options: RunCommandOptions, env: RunEnvironment): Promise<number> {
  if (options.fault.length > 0 && !options.referenceGp)
    env.logger.warn('--fault only applies with --reference-gp; ignored');
  const runOptions = runOptionsOf(options);
  if (options.dryRun) {
    env.stdout.write(await dryRunCertification(runOptions, env));
    return EXIT.ok;
  }
  const { result, timings } = await runCertification(runOptions, env);
  // npm run bench asks where the time went (scripts/bench.ts).
  const phasesFile = env.env[BENCH_PHASES_ENV];
  if (phasesFile) await writeFile(phasesFile, JSON.stringify(timings));
  env.logger.info(
    `certbench: ${result.outcome.summary} (exit ${result.outcome.exitCode}); result in ${options.out}/certification-result.json`,
  );
  await writeCiJobSummary(env, options.out);
  const register = registerTarget(options.register, env);
  if (register !== undefined) await recordInRegister(register, options.out, env);
  return result.outcome.exitCode;
}

/** Records the written result; a record the register cannot take is a harness error, the run's files stay. */
async function recordInRegister(target: string, out: string, env: RunEnvironment): Promise<void> {
  const file = resolve(env.cwd, out, RESULT_FILE_NAME);
  const outcome = await withRegister(target, env, async (register) => {
    const { importFile } = await import('../../register/import.ts');
    return importFile(register.db, file, 'run');
  });
  if (typeof outcome !== 'string')
    throw new HarnessError(`the run could not be recorded in the register: ${outcome.reason}`);
  env.logger.info(`certbench: run ${outcome === 'added' ? 'recorded in' : 'already in'} the register`);
}

/** The command line's selection of scenarios, cucumber-style; undefined when it selects nothing in particular. */
function selectionOf(options: RunCommandOptions): ScenarioSelection | undefined {
  const selection: ScenarioSelection = {
    ...(options.tags !== undefined ? { tags: options.tags } : {}),
    ...(options.checkpoint?.length ? { checkpoints: options.checkpoint } : {}),
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.features?.length ? { locations: options.features } : {}),
  };
  return Object.keys(selection).length > 0 ? selection : undefined;
}

function runOptionsOf(options: RunCommandOptions): RunOptions {
  const selection = selectionOf(options);
  return {
    ...(options.profile ? { profileFile: options.profile } : {}),
    ...(options.sutUrl ? { sutUrl: options.sutUrl } : {}),
    ...(options.counterpartsUrl ? { counterpartsUrl: options.counterpartsUrl } : {}),
    ...(options.referenceGp ? { referenceGp: { faults: options.fault } } : {}),
    protocols: options.protocol && !options.all ? options.protocol : 'all',
    ...(options.waivers ? { waiversFile: options.waivers } : {}),
    ...(options.signKey || options.signCert || options.signPassphraseEnv
      ? {
          signing: {
            ...(options.signKey ? { key: options.signKey } : {}),
            ...(options.signCert ? { cert: options.signCert } : {}),
            ...(options.signPassphraseEnv ? { passphraseEnv: options.signPassphraseEnv } : {}),
          },
        }
      : {}),
    ...(options.plan ? { planFile: options.plan } : {}),
    ...(options.fhirPackages ? { fhirPackages: options.fhirPackages } : {}),
    ...(options.rerun ? { rerunOf: options.rerun } : {}),
    ...(options.driver ? { driver: options.driver } : {}),
    ...(options.assessor ? { assessor: options.assessor } : {}),
    ...(options.resume ? { resume: true } : {}),
    ...(options.asOf ? { asOf: parseAsOf(options.asOf) } : {}),
    mode: options.mode,
    outDir: options.out,
    strict: Boolean(options.strict),
    html: options.html,
    summary: options.summary,
    ...(selection ? { selection } : {}),
  };
}

function parseAsOf(value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()))
    throw new InvalidInputError([{ file: '--as-of', message: `"${value}" is not a date YYYY-MM-DD` }]);
  return date;
}
