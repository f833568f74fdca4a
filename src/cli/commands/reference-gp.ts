import { FAULTS, listFaults, startReferenceGp } from '../../../reference-gp/index.ts';
import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { InvalidInputError } from '../../errors/index.ts';

export interface ReferenceGpOptions {
  host: string;
  port: string;
  fault: string[];
  listFaults?: boolean;
}

/** Starts the reference GP system until SIGINT/SIGTERM; the bearer token comes from CERTBENCH_REFERENCE_GP_TOKEN. */
export async function referenceGpCommand(options: ReferenceGpOptions, env: RunEnvironment): Promise<number> {
  if (options.listFaults) {
    env.stdout.write(
      listFaults()
        .map((f) => `${f.name.padEnd(36)} ${f.kind.padEnd(10)} ${f.description}`)
        .join('\n') + '\n',
    );
    return EXIT.ok;
  }
  const unknown = options.fault.filter((f) => !(f in FAULTS));
  if (unknown.length > 0)
    throw new InvalidInputError([
      { file: '--fault', message: `unknown fault ${unknown.join(', ')}; see --list-faults` },
    ]);
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidInputError([{ file: '--port', message: 'must be a port number' }]);
  const token = env.env['CERTBENCH_REFERENCE_GP_TOKEN'];
  const gp = await startReferenceGp({
    host: options.host,
    port,
    faults: options.fault,
    ...(token ? { token } : {}),
  });
  env.stdout.write(
    `reference GP system listening on ${gp.url}${token ? ' (bearer token from CERTBENCH_REFERENCE_GP_TOKEN)' : ' (no auth)'}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await gp.stop();
  return EXIT.ok;
}
