import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * True when this code runs as JavaScript compiled into dist/ (`npm run build`), false when it runs from the
 * TypeScript sources under tsx (tests, development). The compiled tree mirrors the sources one folder deeper.
 */
export const COMPILED = import.meta.url.endsWith('.js');

/** The certbench installation folder: protocols, features and steps ship there, whatever the user's cwd. */
export const PACKAGE_ROOT = join(
  dirname(fileURLToPath(import.meta.url)),
  ...(COMPILED ? ['..'] : []),
  '..',
  '..',
);

/** The step definitions cucumber imports, relative to PACKAGE_ROOT: compiled ones when the CLI runs compiled. */
export const STEP_FILES = COMPILED ? 'dist/steps/**/*.js' : 'steps/**/*.ts';

export const CERTBENCH_VERSION = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
