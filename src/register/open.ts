// Opening the register: an embedded PGlite database in a folder (the default; nothing to install), or a PostgreSQL
// server by URL (MedCom's central register). Both speak the same SQL through Kysely, and both are migrated to the
// current schema on open.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import v8 from 'node:v8';
import type { Dialect } from 'kysely';
import { HarnessError, InvalidInputError } from '../errors/index.ts';
import { takeLock } from '../output/lock-file.ts';
import { Kysely, Migrator, PostgresDialect, pgliteDialect } from './kysely.ts';
import { registerMigrations } from './migrations.ts';
import type { RegisterDatabase } from './schema.ts';

export interface Register {
  db: Kysely<RegisterDatabase>;
  engine: 'pglite' | 'postgres';
  /** Where it is, for messages: the folder, or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

const POSTGRES_URL = /^postgres(?:ql)?:\/\//;
/**
 * PGlite starts PostgreSQL with 128 MB of shared buffers, all of it resident in the WebAssembly heap. One process
 * reading and writing a register of the steering group's size needs far less: its files stay in the operating
 * system's page cache, so 16 MB cost no measurable time and keep the status report under 200 MB (issue 20).
 */
const EMBEDDED_SETTINGS = ['shared_buffers = 16MB'];
const LOCK_FILE = 'certbench-register.lock';

/** `target` is a folder (created when missing) or a `postgres://` URL. */
export async function openRegister(target: string, cwd: string): Promise<Register> {
  return POSTGRES_URL.test(target) ? openPostgres(target) : openEmbedded(resolve(cwd, target));
}

/** The URL as it may be shown: the password never is. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

async function openPostgres(url: string): Promise<Register> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const location = displayUrl(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new HarnessError(`cannot reach the register at ${location}: ${(error as Error).message}`);
  }
  return migrated(new PostgresDialect({ pool }), 'postgres', location, () => Promise.resolve());
}

async function openEmbedded(dir: string): Promise<Register> {
  await mkdir(dir, { recursive: true });
  // PGlite's data folder must have one writer at a time; a second process waits for the lock, then gives up.
  const unlock = await lockFolder(dir);
  try {
    // Baseline compilation only: PostgreSQL compiled to WebAssembly costs about 50 MB less resident memory this way,
    // and queries of the size the register runs are not slower. Applies to WebAssembly compiled after this point.
    v8.setFlagsFromString('--liftoff-only');
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGliteDialect } = pgliteDialect();
    // PGlite before 0.4 kept every database object in `template1`; registers made then open with their runs.
    const pglite = await PGlite.create(join(dir, 'pgdata'), {
      database: 'template1',
      postgresqlconf: EMBEDDED_SETTINGS,
    });
    return await migrated(new PGliteDialect(pglite), 'pglite', dir, unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function migrated(
  dialect: Dialect,
  engine: Register['engine'],
  location: string,
  release: () => Promise<void>,
): Promise<Register> {
  const db = new Kysely<RegisterDatabase>({ dialect });
  const { error, results } = await new Migrator({ db, provider: registerMigrations }).migrateToLatest();
  if (error) {
    await db.destroy();
    await release();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new HarnessError(
      `the register at ${location} could not be migrated (migration ${failed}): ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
  return {
    db,
    engine,
    location,
    close: async () => {
      await db.destroy();
      await release();
    },
  };
}

const LOCK_WAIT_MS = 30_000;
const LOCK_POLL_MS = 100;

/** Takes `<dir>/certbench-register.lock`, waiting a while for another process to finish with the register. */
async function lockFolder(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, LOCK_FILE);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const attempt = await takeLock(file);
    if ('release' in attempt) return attempt.release;
    if (Date.now() > deadline)
      throw new InvalidInputError([
        {
          file: dir,
          message: `the register is in use by process ${attempt.heldBy?.pid ?? 'unknown'} (${file}); try again when it has finished`,
        },
      ]);
    await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
  }
}
