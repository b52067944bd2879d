import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KaeruError } from '@kaeru/core';
import { Database, OPEN_READONLY, OPEN_READWRITE } from 'sqlite3';
import { MIGRATIONS_TABLE } from './migrations';
import { SOURCE } from './schema';

/** What a backup or restore did, for the CLI to print. */
export interface SqliteCopyResult {
  bytes: number;
  ms: number;
  /** Restore only: where the database it replaced was kept. */
  previous?: string;
}

const fail = (message: string, context: Record<string, unknown> = {}, cause?: unknown): KaeruError =>
  new KaeruError('storage_failed', message, SOURCE, context, cause === undefined ? undefined : { cause });

function open(file: string, mode: number): Promise<Database> {
  return new Promise((resolve, reject) => {
    const db = new Database(file, mode, (error) => (error ? reject(fail(`cannot open ${file}: ${error.message}`, { file }, error)) : resolve(db)));
  });
}

const run = (db: Database, sql: string, params: unknown[] = []): Promise<void> =>
  new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
const all = <T>(db: Database, sql: string, params: unknown[] = []): Promise<T[]> =>
  new Promise((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
const close = (db: Database): Promise<void> => new Promise((resolve) => db.close(() => resolve()));

/** Refuses anything that is not an intact kaeru database, before it can replace one. */
async function checkKaeruDatabase(db: Database, file: string): Promise<void> {
  const [check] = await all<{ quick_check: string }>(db, 'PRAGMA quick_check');
  if (check?.quick_check !== 'ok') throw fail(`${file} is damaged (quick_check: ${check?.quick_check ?? 'no answer'})`, { file });
  const tables = await all(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]);
  if (tables.length === 0) throw fail(`${file} is not a kaeru database (no ${MIGRATIONS_TABLE} table)`, { file });
}

const stamp = (): string => new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Copies a live SQLite database to `to` with `VACUUM INTO`: one read transaction, so the
 * copy is a consistent snapshot even while a bot writes (WAL lets it go on writing), and
 * unlike copying the file it never misses what still sits in the `-wal` file. Written to
 * a temporary name and renamed, so `to` is either absent or complete. Refuses to overwrite.
 */
export async function backupSqlite(file: string, to: string): Promise<SqliteCopyResult> {
  const started = Date.now();
  if (!existsSync(file)) throw fail(`no SQLite database at ${file}`, { file });
  if (existsSync(to)) throw fail(`${to} already exists: give a new file name (a backup never overwrites)`, { to });
  mkdirSync(dirname(to), { recursive: true });
  const partial = join(dirname(to), `.${basename(to)}.partial-${process.pid}`);
  const db = await open(file, OPEN_READWRITE);
  try {
    await run(db, 'PRAGMA busy_timeout = 5000');
    await checkKaeruDatabase(db, file);
    await run(db, 'VACUUM INTO ?', [partial]);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error instanceof KaeruError ? error : fail(`backup of ${file} failed: ${(error as Error).message}`, { file, to }, error);
  } finally {
    await close(db);
  }
  renameSync(partial, to);
  return { bytes: statSync(to).size, ms: Date.now() - started };
}

/**
 * Replaces the database `file` with the backup `from`. Offline: it takes SQLite's
 * exclusive lock first, which fails while any process (a running bot) has the file open,
 * so it refuses instead of pulling the data from under a live bot. The database it
 * replaces is first kept next to it as `<file>.before-restore-<time>`. The copy goes
 * through SQLite's backup API inside that lock, so `-wal` and `-shm` stay coherent.
 */
export async function restoreSqlite(from: string, file: string): Promise<SqliteCopyResult> {
  const started = Date.now();
  if (!existsSync(from)) throw fail(`no backup at ${from}`, { from });
  const source = await open(from, OPEN_READONLY);
  try {
    await checkKaeruDatabase(source, from);
  } finally {
    await close(source);
  }
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    copyFileSync(from, file);
    return { bytes: statSync(file).size, ms: Date.now() - started };
  }
  const target = await open(file, OPEN_READWRITE);
  try {
    // No busy_timeout: a lock held by someone else is the answer, not something to wait for.
    await run(target, 'PRAGMA locking_mode = EXCLUSIVE');
    try {
      await run(target, 'BEGIN EXCLUSIVE');
      await run(target, 'COMMIT');
    } catch (error) {
      throw fail(
        `${file} is in use by another process (a running kaeru?): stop every bot using it, then restore (restore is offline)`,
        { file },
        error,
      );
    }
    const previous = `${file}.before-restore-${stamp()}`;
    await run(target, 'VACUUM INTO ?', [previous]);
    await backupInto(target, from);
    return { bytes: statSync(file).size, ms: Date.now() - started, previous };
  } finally {
    await close(target);
  }
}

/** The sqlite3 module's backup API (untyped in its .d.ts): copies `from` over `db`'s main database. */
interface SqliteBackup {
  step(pages: number, callback: (error: Error | null) => void): void;
  finish(callback?: (error: Error | null) => void): void;
  readonly completed: boolean;
  readonly failed: boolean;
}

function backupInto(db: Database, from: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // filenameIsDest = false: `from` is the source, this connection the destination.
    const backup = (db as unknown as { backup(...args: unknown[]): SqliteBackup }).backup(from, 'main', 'main', false, (error: Error | null) => {
      if (error) return reject(fail(`restore from ${from} failed: ${error.message}`, { from }, error));
      backup.step(-1, (stepError) => {
        const done = backup.completed && !backup.failed;
        backup.finish(() => (stepError || !done ? reject(fail(`restore from ${from} failed: ${stepError?.message ?? 'incomplete copy'}`, { from }, stepError)) : resolve()));
      });
    });
  });
}
