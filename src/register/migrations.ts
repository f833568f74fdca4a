// The register's schema, one migration per version, applied in name order at every open (Kysely's Migrator keeps
// what ran in kysely_migration). Never edit a migration that has shipped: add the next one.
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { sql } from './kysely.ts';

const migrations: Record<string, Migration> = {
  '0001-initial': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('records')
        .addColumn('record_sha256', 'text', (c) => c.primaryKey())
        .addColumn('run_id', 'text', (c) => c.notNull().unique())
        .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('self-test', 'certify')`))
        .addColumn('driver', 'text', (c) => c.notNull())
        .addColumn('vendor', 'text', (c) => c.notNull())
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('system_version', 'text', (c) => c.notNull())
        .addColumn('started_at', 'timestamptz', (c) => c.notNull())
        .addColumn('finished_at', 'timestamptz', (c) => c.notNull())
        .addColumn('waivers_judged_at', 'text')
        .addColumn('harness_errors', 'integer', (c) => c.notNull())
        .addColumn('exit_code', 'integer', (c) => c.notNull())
        .addColumn('certbench_version', 'text', (c) => c.notNull())
        .addColumn('record_location', 'text', (c) => c.notNull())
        .addColumn('allure_report', 'text')
        .addColumn('submitted_by', 'text', (c) => c.notNull())
        .addColumn('registered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createIndex('records_system_finished')
        .on('records')
        .columns(['vendor', 'system', 'finished_at'])
        .execute();
      await db.schema
        .createTable('protocol_runs')
        .addColumn('record_sha256', 'text', (c) =>
          c.notNull().references('records.record_sha256').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('protocol_id', 'text', (c) => c.notNull())
        .addColumn('variant', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('standard_name', 'text', (c) => c.notNull())
        .addColumn('standard_version', 'text', (c) => c.notNull())
        .addColumn('approval', 'text', (c) => c.notNull())
        .addColumn('passed', 'integer', (c) => c.notNull())
        .addColumn('failed', 'integer', (c) => c.notNull())
        .addColumn('waived', 'integer', (c) => c.notNull())
        .addColumn('pending', 'integer', (c) => c.notNull())
        .addColumn('not_applicable', 'integer', (c) => c.notNull())
        .addColumn('harness_error', 'integer', (c) => c.notNull())
        .addColumn('remarks', 'jsonb', (c) => c.notNull())
        .addPrimaryKeyConstraint('protocol_runs_pk', ['record_sha256', 'position'])
        .execute();
      await db.schema
        .createIndex('protocol_runs_protocol')
        .on('protocol_runs')
        .columns(['protocol_id', 'variant', 'version'])
        .execute();
      await db.schema
        .createTable('checkpoint_verdicts')
        .addColumn('record_sha256', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('checkpoint_id', 'text', (c) => c.notNull())
        .addColumn('official_steps', 'jsonb', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('waiver_id', 'text')
        .addColumn('waiver_expires', 'text')
        .addPrimaryKeyConstraint('checkpoint_verdicts_pk', ['record_sha256', 'position', 'checkpoint_id'])
        .addForeignKeyConstraint(
          'checkpoint_verdicts_protocol',
          ['record_sha256', 'position'],
          'protocol_runs',
          ['record_sha256', 'position'],
          (c) => c.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('checkpoint_verdicts_status')
        .on('checkpoint_verdicts')
        .columns(['status', 'record_sha256'])
        .execute();
      await db.schema
        .createTable('applied_waivers')
        .addColumn('record_sha256', 'text', (c) =>
          c.notNull().references('records.record_sha256').onDelete('cascade'),
        )
        .addColumn('waiver_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('approved_by', 'text', (c) => c.notNull())
        .addColumn('granted', 'text', (c) => c.notNull())
        .addColumn('expires', 'text', (c) => c.notNull())
        .addColumn('checkpoints', 'jsonb', (c) => c.notNull())
        .addColumn('applied_to', 'jsonb', (c) => c.notNull())
        .addPrimaryKeyConstraint('applied_waivers_pk', ['record_sha256', 'waiver_id'])
        .execute();
    },
  },
  '0002-packages': {
    // Submissions to the register server keep their evidence package in the same transaction as the run, so a
    // submission is all there or not there at all.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('packages')
        .addColumn('record_sha256', 'text', (c) =>
          c.primaryKey().references('records.record_sha256').onDelete('cascade'),
        )
        .addColumn('package_sha256', 'text', (c) => c.notNull())
        .addColumn('bytes', 'bytea', (c) => c.notNull())
        .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
    },
  },
  '0003-checkpoint-titles': {
    // The status report lists each cell's failed, waived and pending checkpoints with number, title and grade, in
    // the protocol's order, as it does from a folder.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('checkpoint_verdicts').addColumn('title', 'text').execute();
      await db.schema.alterTable('checkpoint_verdicts').addColumn('ordinal', 'integer').execute();
    },
  },
  '0004-signatures': {
    // The signature of each run as checked when it came in (the evidence is at hand then): not signed, intact (with
    // the signature, whose chain the status report checks against the reader's trust anchor), or not verified and
    // why. Null: registered before 0004 (a new import of the same record fills it in).
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('records')
        .addColumn('signature_state', 'text', (c) =>
          c.check(sql`signature_state in ('not-signed', 'intact', 'not-verified')`),
        )
        .execute();
      for (const column of ['signature_jws', 'signature_failure', 'signature_file', 'signature_detail'])
        await db.schema.alterTable('records').addColumn(column, 'text').execute();
    },
  },
};

/** The shipped migrations, for Kysely's Migrator. */
export const registerMigrations: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
