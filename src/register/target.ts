// Which register a command uses, and opening it for one piece of work. Kept apart from the register's other code so
// that a command that may use a register (run, status) loads the database drivers only when it does.
import type { RunEnvironment } from '../environment/environment.ts';
import type { Register } from './open.ts';

/** The environment variable that may hold the register (a URL with a password stays out of the process list). */
export const REGISTER_ENV = 'CERTBENCH_REGISTER';

/** `--register` if given, else CERTBENCH_REGISTER; undefined when neither is set. */
export function registerTarget(option: string | undefined, env: RunEnvironment): string | undefined {
  const value = option ?? env.env[REGISTER_ENV];
  return value === undefined || value === '' ? undefined : value;
}

/** Opens the register, runs `work`, and always closes it (the folder form holds a lock while open). */
export async function withRegister<T>(
  target: string,
  env: RunEnvironment,
  work: (register: Register) => Promise<T>,
): Promise<T> {
  const { openRegister } = await import('./open.ts');
  const register = await openRegister(target, env.cwd);
  try {
    return await work(register);
  } finally {
    await register.close();
  }
}
