import type { Readable, Writable } from 'node:stream';

/** Everything a run takes from the outside world; tests pass their own streams, env and clock. */
export interface RunEnvironment {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Where a manual run reads the operator's answers. */
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  logger: Logger;
  clock: Clock;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function makeEnvironment(overrides: Partial<RunEnvironment> = {}): RunEnvironment {
  const stdout = overrides.stdout ?? process.stdout;
  const stderr = overrides.stderr ?? process.stderr;
  const env = overrides.env ?? process.env;
  const debugOn = Boolean(env['CERTBENCH_DEBUG']);
  const logger: Logger = overrides.logger ?? {
    info: (m) => void stderr.write(`${m}\n`),
    warn: (m) => void stderr.write(`warning: ${m}\n`),
    debug: (m) => {
      if (debugOn) stderr.write(`debug: ${m}\n`);
    },
  };
  return {
    cwd: overrides.cwd ?? process.cwd(),
    env,
    stdin: overrides.stdin ?? process.stdin,
    stdout,
    stderr,
    logger,
    clock: overrides.clock ?? systemClock,
  };
}
