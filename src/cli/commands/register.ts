import { resolve } from 'node:path';
import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { InvalidInputError, type InputIssue } from '../../errors/index.ts';
import { REGISTER_ENV, registerTarget, withRegister } from '../../register/target.ts';
import { CERTBENCH_VERSION } from '../../run/package-root.ts';
import { readTrustAnchors } from './verify.ts';

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

/** Options of `certbench register serve`. */
export interface RegisterServeOptions {
  register?: string;
  submitters: string;
  host: string;
  port: string;
  /** Trust anchor (PEM) the live status page checks signers against. */
  trust?: string;
}

/** `certbench register serve`: the register server, until SIGINT or SIGTERM. */
export async function registerServeCommand(
  options: RegisterServeOptions,
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
  const anchors = options.trust ? await readTrustAnchors(options.trust, env) : undefined;
  return withRegister(target, env, async (register) => {
    const server = await startRegisterServer({
      register,
      submitters,
      host: options.host,
      port,
      clock: env.clock,
      generator: `certbench ${CERTBENCH_VERSION}`,
      ...(anchors ? { anchors } : {}),
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
