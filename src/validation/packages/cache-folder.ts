import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Environment variable naming the FHIR package cache folder. */
export const FHIR_PACKAGES_ENV = 'CERTBENCH_FHIR_PACKAGES';

/**
 * The FHIR package cache folder: an explicit folder (profile field or `--fhir-packages`) wins, then the
 * environment variable `CERTBENCH_FHIR_PACKAGES`, then the standard `~/.fhir/packages` shared with other FHIR tools.
 */
export function resolveCacheFolder(
  explicit: string | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
  home: string = homedir(),
): string {
  const chosen = explicit ?? env[FHIR_PACKAGES_ENV];
  return chosen ? resolve(cwd, chosen) : join(home, '.fhir', 'packages');
}
