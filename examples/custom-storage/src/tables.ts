import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Declaration, DeclarationChange, Job, Member, Room } from '@kaeru/core';

/** What one row of each table holds; every row carries its own key fields. */
export interface Rows {
  members: Member;
  rooms: Room;
  declarations: Declaration;
  /** All changes of one member's date, oldest first (never empty). */
  history: DeclarationChange[];
  /** One holiday scope, its dates sorted. */
  holidays: { scope: string; dates: string[] };
  jobs: Job;
  inbound: { eventId: string; at: string };
  adapterData: { namespace: string; key: string; value: string };
}
export type TableName = keyof Rows;
export type Tables = { [N in TableName]: Map<string, Rows[N]> };

/** A key made of two strings; JSON keeps any pair apart, whatever characters the ids hold. */
export const pair = (a: string, b: string): string => JSON.stringify([a, b]);

/** How each table finds a row's key again when it is loaded from its file. */
const keyOf: { [N in TableName]: (row: Rows[N]) => string } = {
  members: (m) => m.id,
  rooms: (r) => r.id,
  declarations: (d) => pair(d.memberId, d.date),
  history: (changes) => pair(changes[0].memberId, changes[0].date),
  holidays: (h) => h.scope,
  jobs: (j) => j.key,
  inbound: (e) => e.eventId,
  adapterData: (e) => pair(e.namespace, e.key),
};
const NAMES = Object.keys(keyOf) as TableName[];

/**
 * A copy through JSON: exactly what the file would give back (`undefined` fields are
 * dropped, `null` kept). Rows go in and out of the store as copies, never as references.
 */
export const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** Reads every table from `<dir>/<table>.json` (an array of rows); a missing file is an empty table. */
export async function loadTables(dir: string): Promise<Tables> {
  const tables = {} as Record<TableName, Map<string, unknown>>;
  for (const name of NAMES) {
    const rows = await readFile(join(dir, `${name}.json`), 'utf8').then(JSON.parse, (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    const key = keyOf[name] as (row: unknown) => string;
    tables[name] = new Map((rows as unknown[]).map((row) => [key(row), row]));
  }
  return tables as Tables;
}

/** Writes one table atomically: a temporary file, flushed to disk, then renamed over the old one. */
export async function saveTable(dir: string, name: TableName, table: Map<string, unknown>): Promise<void> {
  const file = join(dir, `${name}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify([...table.values()], null, 2), { encoding: 'utf8', flush: true });
  await rename(`${file}.tmp`, file);
}

/**
 * The tables as one piece of work sees them. A table is copied on its first write, so the
 * committed tables stay untouched until the work succeeds; rows are replaced, never edited.
 */
export class Draft {
  readonly changed = new Map<TableName, Map<string, unknown>>();
  constructor(private readonly base: Tables) {}

  /** A table to read. */
  read<N extends TableName>(name: N): ReadonlyMap<string, Rows[N]> {
    return (this.changed.get(name) as Tables[N] | undefined) ?? this.base[name];
  }

  /** A table to change. */
  write<N extends TableName>(name: N): Tables[N] {
    if (!this.changed.has(name)) this.changed.set(name, new Map(this.base[name]));
    return this.changed.get(name) as Tables[N];
  }
}
