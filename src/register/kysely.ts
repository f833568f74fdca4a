// Kysely's values, loaded from its CommonJS build. Its ES module build is some 400 files, which cost the status report
// about 50 ms and 8 MB more to load than the CommonJS build; kysely-pglite-dialect loads the CommonJS build too, so
// only one copy is in memory. The types still come from Kysely's own declarations.
import { createRequire } from 'node:module';
import type * as KyselyModule from 'kysely';
import type * as PGliteDialectModule from 'kysely-pglite-dialect';

const load = createRequire(import.meta.url);
const kysely = load('kysely') as typeof KyselyModule;

export const { Kysely, Migrator, PostgresDialect, sql } = kysely;
export type Kysely<DB> = KyselyModule.Kysely<DB>;

/** The PGlite dialect, from the same CommonJS world as Kysely itself. */
export function pgliteDialect(): typeof PGliteDialectModule {
  return load('kysely-pglite-dialect') as typeof PGliteDialectModule;
}
