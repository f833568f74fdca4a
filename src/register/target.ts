// Which register a command uses, and opening it for one piece of work. Kept apart from the register's other code so
// that a command that may use a register (run, status) loads the database drivers only when it does.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RunEnvironment } from '../environment/environment.ts';
import type { Register } from './open.ts';

/** The environment variable that may hold the register (a URL with a password stays out of the process list). */
export const REGISTER_ENV = 'CERTBENCH_REGISTER';

/** `--register` if given, else CERTBENCH_REGISTER; undefined when neither is set. */
export function registerTarget(option: string | undefined, env: RunEnvironment): string | undefined {
  const value = option ?? env.env[REGISTER_ENV];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Opens the register, runs `work`, and always closes it (the folder form holds a lock while open). An embedded
 * register's WebAssembly PostgreSQL keeps about 80 MB resident until its memory is collected, which V8 may not do
 * for a long while: it is collected here, so a status report of the steering group's size is rendered without it.
 */
export async function withRegister<T>(
  target: string,
  env: RunEnvironment,
  work: (register: Register) => Promise<T>,
): Promise<T> {
  const { value, engine } = await openForWork(target, env, work);
  if (engine === 'pglite') collectGarbage();
  return value;
}

async function openForWork<T>(
  target: string,
  env: RunEnvironment,
  work: (register: Register) => Promise<T>,
): Promise<{ value: T; engine: Register['engine'] }> {
  const { openRegister } = await import('./open.ts');
  const register = await openRegister(target, env.cwd);
  try {
    return { value: await work(register), engine: register.engine };
  } finally {
    await register.close();
  }
}

/** A full garbage collection now (V8's `gc`, made available for this call only); skipped where V8 refuses. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
  v8.setFlagsFromString('--no-expose-gc');
  if (typeof gc === 'function') (gc as () => void)();
}
