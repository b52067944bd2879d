import type { EntityManager, ObjectLiteral, QueryResult } from 'typeorm';

/** How a repository reaches the database: at top level, or inside an open transaction. */
export interface Session {
  /**
   * Runs `work` with an entity manager. `atomic` work runs in a transaction of its own at
   * top level; inside a transaction it simply joins it.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, atomic?: boolean): Promise<T>;
}

/** Rows per multi-row statement: far below every driver's bound-parameter limit. */
export const CHUNK = 500;

/**
 * Ids per `IN (...)` list of a read: one query for a 1,000-member room's board, and far
 * under every bound-parameter limit (SQLite 3.32+ 32,766; PostgreSQL and MySQL 65,535).
 */
export const READ_CHUNK = 5_000;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The last item for each key: one multi-row upsert may not touch a row twice (PostgreSQL). */
export function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/** Runs one statement and returns the driver's affected-row count (insert, update, delete). */
export async function execute(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  // The top-level manager has no runner of its own; a borrowed one goes back to the pool.
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = (await runner.query(sql, parameters, true)) as QueryResult;
    return result.affected ?? 0;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/**
 * `INSERT ... ON CONFLICT DO NOTHING` (SQLite, PostgreSQL) / `INSERT IGNORE` (MySQL) of
 * many rows in one statement; returns how many rows were new.
 */
export async function insertIgnore<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: new () => E,
  rows: E[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const [sql, parameters] = manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(rows)
    .orIgnore()
    .updateEntity(false)
    .getQueryAndParameters();
  return execute(manager, sql, parameters);
}
