import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { coverageLine, coverageSteps } from '../../protocols/coverage.ts';
import { loadProtocols } from '../../protocols/load.ts';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../run/package-root.ts';

/** Lints every protocol; problems surface as InvalidInputError (exit 3) through the CLI. */
export async function lintCommand(env: RunEnvironment, root?: string, steps = false): Promise<number> {
  const catalogue = await loadProtocols(root ? resolve(env.cwd, root) : PACKAGE_ROOT);
  for (const m of catalogue.manifests) {
    env.stdout.write(
      `ok ${m.id} ${m.version}: ${m.checkpoints.length} checkpoints, ${catalogue.scenarios.get(m.id)?.length ?? 0} scenarios\n`,
    );
    const official = catalogue.official.get(m.id);
    if (official) env.stdout.write(`   ${coverageLine(official.coverage)}\n`);
    if (official && steps)
      for (const line of coverageSteps(official.coverage)) env.stdout.write(`     ${line}\n`);
  }
  return EXIT.ok;
}
