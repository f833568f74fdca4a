import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { checkProfile, type CheckProfileOptions } from '../../preflight/check-profile.ts';

/** Prints what passed; a failure is a ConnectionError (exit 6), turned into its message by main.ts. */
export async function checkCommand(options: CheckProfileOptions, env: RunEnvironment): Promise<number> {
  const lines = await checkProfile(options, env);
  env.stdout.write(`${lines.map((l) => `ok  ${l}`).join('\n')}\nThe SUT can be tested from here.\n`);
  return EXIT.ok;
}
