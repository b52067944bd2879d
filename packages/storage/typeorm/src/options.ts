import { ConfigError } from '@kaeru/core';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations';

/** Where the data lives: one SQLite file (the default backend) or a server by URL. */
export type TypeormStorageTarget = { type: 'sqlite'; file: string } | { type: 'postgres'; url: string } | { type: 'mysql'; url: string };

export type TypeormStorageOptions = TypeormStorageTarget & {
  /** Run pending migrations at `init()` (default `true`); when `false`, a pending one stops `init()`. */
  migrate?: boolean;
  /** Log every SQL statement (default `false`). */
  logging?: boolean;
};

/** How long a SQLite statement waits for another process's lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** Builds TypeORM's options; schema changes only through our migrations, never `synchronize`. */
export function toDataSourceOptions(options: TypeormStorageOptions): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    // Migrations run from `prepareSchema`, after the newer-schema check and under a lock.
    migrationsRun: false,
    synchronize: false,
    logging: options.logging ?? false,
  } as const;
  switch (options.type) {
    case 'sqlite': {
      if (!options.file) throw new ConfigError('storage.file', 'is empty', 'give the path of the SQLite file, e.g. "./kaeru.sqlite"');
      // TypeORM's sqlite driver creates the file's directory when it opens it.
      requireDriver('sqlite3', 'sqlite');
      return { ...common, type: 'sqlite', database: options.file, enableWAL: true, busyTimeout: SQLITE_BUSY_TIMEOUT_MS, driver: quietSqlite3() };
    }
    case 'postgres':
      requireUrl(options.url, 'postgres://user:password@127.0.0.1:5432/kaeru');
      requireDriver('pg', 'postgres');
      return { ...common, type: 'postgres', url: options.url };
    case 'mysql':
      requireUrl(options.url, 'mysql://user:password@127.0.0.1:3306/kaeru');
      requireDriver('mysql2', 'mysql');
      // utf8mb4 for emoji and 4-byte kanji; times never go through DATE columns, so no zone.
      return { ...common, type: 'mysql', url: options.url, charset: 'utf8mb4' };
    default:
      throw new ConfigError(
        'storage.type',
        `"${(options as { type?: unknown }).type}" is not a storage type`,
        'use "sqlite" (with file), "postgres" or "mysql" (with url)',
      );
  }
}

function requireUrl(url: string, example: string): void {
  if (!url) throw new ConfigError('storage.url', 'is empty', `give the database URL, e.g. "${example}"`);
}

/** The drivers are optional peers: say how to install a missing one instead of TypeORM's stack trace. */
function requireDriver(name: 'sqlite3' | 'pg' | 'mysql2', type: string): void {
  try {
    require.resolve(name);
  } catch {
    throw new ConfigError('storage.type', `"${type}" needs the ${name} driver, which is not installed`, `npm install ${name}`);
  }
}

/**
 * sqlite3 without its long-stack-trace mode. TypeORM calls `sqlite3.verbose()`, which wraps
 * every statement to capture a stack and `util.inspect` its arguments: a third of the CPU
 * of an inbound message on SQLite. This view of the module answers `verbose()` with itself.
 */
function quietSqlite3(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional peer, loaded only for SQLite
  const sqlite3 = require('sqlite3') as object;
  return Object.create(sqlite3, { verbose: { value: () => sqlite3 } });
}
