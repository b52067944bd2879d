import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { KaeruError } from '@kaeru/core';
import { createTypeormStorage, migrate } from '@kaeru/storage-typeorm';
import { Database } from 'sqlite3';

/** Runs one statement on the file with a connection of our own, as an operator would. */
function sql<T = unknown>(file: string, statement: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new Database(file, (err) => {
      if (err) return reject(err);
      db.all(statement, params, (error, rows) => db.close(() => (error ? reject(error) : resolve(rows as T[]))));
    });
  });
}

describe('sqlite storage, beyond the contract', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kaeru-sqlite-'));
    file = join(dir, 'nested', 'data', 'kaeru.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data across close and reopen of the same file', async () => {
    const first = createTypeormStorage({ type: 'sqlite', file });
    await first.init();
    await first.members.upsert([{ id: 'u1', name: '山田 洋子', aliases: ['やまだ'], timeZone: 'Asia/Tokyo' }]);
    await first.declarations.apply('u1', '2026-12-07', { memberId: 'u1', date: '2026-12-07', state: 'leaving', time: '18:30', updatedAt: '2026-12-07T00:10:00.000Z' }, { memberId: 'u1', date: '2026-12-07', at: '2026-12-07T00:10:00.000Z', after: { state: 'leaving', time: '18:30' } });
    expect(await first.jobs.claim([{ key: 'hearing:2026-12-07:u1', kind: 'hearing', date: '2026-12-07', target: 'u1', dueAt: '2026-12-07T00:00:00.000Z' }], 'a', new Date('2026-12-07T00:00:00Z'), 60_000)).toHaveLength(1);
    await first.close();

    const second = createTypeormStorage({ type: 'sqlite', file });
    await second.init();
    try {
      expect(await second.members.get('u1')).toEqual({ id: 'u1', name: '山田 洋子', aliases: ['やまだ'], timeZone: 'Asia/Tokyo' });
      expect(await second.declarations.get('u1', '2026-12-07')).toMatchObject({ state: 'leaving', time: '18:30' });
      // A restart never repeats a claimed job.
      expect(await second.jobs.claim([{ key: 'hearing:2026-12-07:u1', kind: 'hearing', date: '2026-12-07', target: 'u1', dueAt: '2026-12-07T00:00:00.000Z' }], 'b', new Date('2026-12-07T00:00:01Z'), 60_000)).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('runs in WAL mode', async () => {
    const storage = createTypeormStorage({ type: 'sqlite', file });
    await storage.init();
    await storage.close();
    // journal_mode=WAL is persistent in the file, so a fresh connection sees it.
    expect(await sql<{ journal_mode: string }>(file, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });

  it('waits for another process holding the write lock instead of failing (busy_timeout)', async () => {
    const storage = createTypeormStorage({ type: 'sqlite', file });
    await storage.init();
    const other = new Database(file);
    try {
      await new Promise<void>((resolve, reject) => other.exec('BEGIN IMMEDIATE', (err) => (err ? reject(err) : resolve())));
      setTimeout(() => other.exec('COMMIT'), 300);
      const started = Date.now();
      await storage.members.upsert([{ id: 'u1', name: 'waited', aliases: [] }]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect((await storage.members.get('u1'))?.name).toBe('waited');
    } finally {
      await new Promise((resolve) => other.close(resolve));
      await storage.close();
    }
  });

  it('stops init with a clear message when the schema is newer than the code', async () => {
    await migrate({ type: 'sqlite', file });
    await sql(file, 'INSERT INTO kaeru_migrations (timestamp, name) VALUES (?, ?)', [1900000000000, 'KaeruFromTheFuture1900000000000']);
    const storage = createTypeormStorage({ type: 'sqlite', file });
    const failure = await storage.init().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(KaeruError);
    expect((failure as KaeruError).code).toBe('schema_newer_than_code');
    expect((failure as KaeruError).message).toMatch(/newer than this code.*KaeruFromTheFuture1900000000000.*upgrade kaeru.*restore a backup/s);
    await storage.close();
  });

  it('migrate runs the migrations once; init without migrate refuses a database that needs them', async () => {
    const unmigrated = createTypeormStorage({ type: 'sqlite', file, migrate: false });
    await expect(unmigrated.init()).rejects.toThrow(/needs migrations.*kaeru migrate/);
    await unmigrated.close();
    expect(await migrate({ type: 'sqlite', file })).toEqual(['KaeruInitial1764720000000', 'KaeruRoomScheduleAdapterData1765000000000']);
    expect(await migrate({ type: 'sqlite', file })).toEqual([]);
    const storage = createTypeormStorage({ type: 'sqlite', file, migrate: false });
    await storage.init();
    expect(await storage.ping()).toBe(true);
    await storage.close();
  });

  it('never shifts stored dates: they are plain strings in the file', async () => {
    const storage = createTypeormStorage({ type: 'sqlite', file });
    await storage.init();
    await storage.calendar.add('company', ['2026-12-31']);
    await storage.jobs.claim([{ key: 'report:2026-12-31:r', kind: 'report', date: '2026-12-31', target: 'r', dueAt: '2026-12-31T01:00:00.123Z' }], 'a', new Date('2026-12-31T01:00:00.123Z'), 1);
    await storage.close();
    expect(await sql(file, 'SELECT holiday_date FROM kaeru_holiday')).toEqual([{ holiday_date: '2026-12-31' }]);
    expect(await sql(file, 'SELECT business_date, due_at, typeof(due_at) AS t FROM kaeru_job')).toEqual([
      { business_date: '2026-12-31', due_at: Date.parse('2026-12-31T01:00:00.123Z'), t: 'integer' },
    ]);
  });

  it('serializes transactions and single operations on the one sqlite3 connection', async () => {
    const storage = createTypeormStorage({ type: 'sqlite', file });
    await storage.init();
    try {
      const slow = storage.transaction(async (tx) => {
        await tx.members.upsert([{ id: 'in-tx', name: 'x', aliases: [] }]);
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new Error('rolled back');
      });
      // Issued while the transaction is open: it must neither join it nor be rolled back with it.
      const outside = storage.members.upsert([{ id: 'outside', name: 'y', aliases: [] }]);
      await expect(slow).rejects.toThrow('rolled back');
      await outside;
      expect((await storage.members.list()).map((m) => m.id)).toEqual(['outside']);
    } finally {
      await storage.close();
    }
  });
});

describe('typeorm storage configuration', () => {
  it('rejects an unknown storage type with the setting and the fix', () => {
    expect(() => createTypeormStorage({ type: 'oracle', url: 'x' } as never)).toThrow(/storage\.type.*"oracle".*Fix: use "sqlite"/);
  });
});
