import { resolve } from 'node:path';
import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { InvalidInputError, type InputIssue } from '../../errors/index.ts';
// The register (kysely, PGlite or pg, fastify) is imported when a register is used, not by `status` over a folder.
import type { Register } from '../../register/index.ts';
import { CERTBENCH_VERSION } from '../../run/package-root.ts';

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
  const { openRegister } = await import('../../register/index.ts');
  const register = await openRegister(target, env.cwd);
  try {
    return await work(register);
  } finally {
    await register.close();
  }
}

/** `certbench register import <folders…>`: every result under the folders, each once. */
export async function registerImportCommand(
  folders: string[],
  options: { register?: string },
  env: RunEnvironment,
): Promise<number> {
  const target = registerTarget(options.register, env);
  if (!target)
    throw new InvalidInputError([
      { file: '--register', message: `give a folder or a postgres:// URL (or set ${REGISTER_ENV})` },
    ]);
  const { importFolders } = await import('../../register/index.ts');
  const summary = await withRegister(target, env, (register) =>
    importFolders(
      register.db,
      folders.map((f) => resolve(env.cwd, f)),
      'import',
      (file, outcome) => env.logger.debug(`${outcome}: ${file}`),
    ),
  );
  for (const skip of summary.skipped) env.logger.warn(`skipped ${skip.file}: ${skip.reason}`);
  env.logger.info(
    `certbench: ${summary.added} runs added to the register, ${summary.known} already there, ${summary.skipped.length} skipped`,
  );
  return EXIT.ok;
}

/** `certbench register serve`: the register server, until SIGINT or SIGTERM. */
export async function registerServeCommand(
  options: { register?: string; submitters: string; host: string; port: string },
  env: RunEnvironment,
): Promise<number> {
  const target = registerTarget(options.register, env);
  const port = Number(options.port);
  const issues: InputIssue[] = [];
  if (!target)
    issues.push({
      file: '--register',
      message: `give a folder or a postgres:// URL (or set ${REGISTER_ENV})`,
    });
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    issues.push({ file: '--port', message: `"${options.port}" is not a port number` });
  if (!target || issues.length > 0) throw new InvalidInputError(issues);
  const { loadSubmitters } = await import('../../register/submitters.ts');
  const { startRegisterServer } = await import('../../register/server.ts');
  const submitters = await loadSubmitters(resolve(env.cwd, options.submitters));
  return withRegister(target, env, async (register) => {
    const server = await startRegisterServer({
      register,
      submitters,
      host: options.host,
      port,
      clock: env.clock,
      generator: `certbench ${CERTBENCH_VERSION}`,
    });
    env.logger.info(
      `certbench: register ${register.location} served at ${server.url} (POST /api/v1/submissions, GET /status)`,
    );
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    await server.close();
    return EXIT.ok;
  });
}
