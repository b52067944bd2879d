import { ConfigError, KaeruError } from '@kaeru/core';
import type { DataSource } from 'typeorm';
import { KNOWN_MIGRATION_NAMES, MIGRATIONS_TABLE } from './migrations';

export const SOURCE = 'storage-typeorm';

/**
 * Brings the schema up to date, or refuses to start. A migration recorded in the database
 * but unknown here means a newer kaeru upgraded it: running on would read tables this code
 * does not understand, so it stops with what to do instead. Returns the migrations it ran.
 */
export async function prepareSchema(dataSource: DataSource, migrate: boolean, where: string): Promise<string[]> {
  return withMigrationLock(dataSource, async () => {
    const applied = await appliedMigrations(dataSource);
    const unknown = applied.filter((name) => !KNOWN_MIGRATION_NAMES.includes(name));
    if (unknown.length > 0) {
      throw new KaeruError(
        'schema_newer_than_code',
        `the database ${where} has a schema newer than this code (unknown migrations: ${unknown.join(', ')}). ` +
          'It was upgraded by a newer kaeru: upgrade kaeru (@kaeru/storage-typeorm) to that version, ' +
          'or restore a backup taken with this version.',
        SOURCE,
        { unknown },
      );
    }
    const pending = KNOWN_MIGRATION_NAMES.filter((name) => !applied.includes(name));
    if (pending.length === 0) return [];
    if (!migrate) {
      throw new ConfigError('storage.migrate', `the database ${where} needs migrations (${pending.join(', ')})`, 'run `kaeru migrate`, or leave migrate on');
    }
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  });
}

async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable(MIGRATIONS_TABLE))) return [];
    const escape = (name: string) => dataSource.driver.escape(name);
    const rows = (await runner.query(`SELECT ${escape('name')} FROM ${escape(MIGRATIONS_TABLE)}`)) as { name: string }[];
    return rows.map((row) => row.name);
  } finally {
    await runner.release();
  }
}

/**
 * Several instances may start at once on one server database; a session lock lets one
 * migrate while the others wait and then find nothing pending. SQLite needs none: its
 * instances share one process, and its file lock serializes the rest.
 */
async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const type = dataSource.options.type;
  if (type !== 'postgres' && type !== 'mysql') return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    if (type === 'postgres') await runner.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATIONS_TABLE]);
    else {
      const [row] = (await runner.query('SELECT GET_LOCK(?, 300) AS locked', [MIGRATIONS_TABLE])) as { locked: unknown }[];
      if (Number(row?.locked) !== 1) throw new KaeruError('storage_failed', 'another instance held the migration lock for 5 minutes', SOURCE);
    }
    try {
      return await work();
    } finally {
      if (type === 'postgres') await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATIONS_TABLE]);
      else await runner.query('SELECT RELEASE_LOCK(?)', [MIGRATIONS_TABLE]);
    }
  } finally {
    await runner.release();
  }
}
