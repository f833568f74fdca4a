import { resolve } from 'node:path';
import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { loadTestcampConfig } from '../../testcamp/config.ts';
import { startTestcamp } from '../../testcamp/testcamp.ts';

/** Serves the testcamp console until SIGINT/SIGTERM; every run stops where it is and resumes on the next start. */
export async function testcampCommand(options: { config: string }, env: RunEnvironment): Promise<number> {
  const config = await loadTestcampConfig(resolve(env.cwd, options.config));
  const camp = await startTestcamp(config);
  env.stdout.write(
    `testcamp console on ${camp.url} with ${camp.slots.size} runs: ${[...camp.slots.keys()].join(', ')}\n` +
      'log in with the token of your role and run from the testcamp file (Ctrl-C stops; runs resume on the next start)\n',
  );
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await camp.stop();
  return EXIT.ok;
}
