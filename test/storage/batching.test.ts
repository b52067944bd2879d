import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { jobKey } from '@kaeru/core';
import { type TypeormStorage, createTypeormStorage } from '@kaeru/storage-typeorm';
import { SqliteQueryRunner } from 'typeorm/driver/sqlite/SqliteQueryRunner';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `slack:T1:U${String(i).padStart(6, '0')}`);
const DATE = '2026-12-07';

/** The statements a call sends, transaction control left out: the round trips that cost. */
async function statements(work: () => Promise<unknown>): Promise<string[]> {
  const spy = jest.spyOn(SqliteQueryRunner.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.map((call) => String(call[0])).filter((sql) => !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(sql));
  } finally {
    spy.mockRestore();
  }
}

describe('hot paths are batched (SQLite, counted statements)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaeru-batching-'));
  let storage: TypeormStorage;
  beforeAll(async () => {
    storage = createTypeormStorage({ type: 'sqlite', file: join(dir, 'kaeru.sqlite') });
    await storage.init();
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('upserts 1,000 members in 2 statements (500 rows each)', async () => {
    const sql = await statements(() => storage.members.upsert(ids(1_000).map((id) => ({ id, name: id, aliases: [] }))));
    expect(sql).toHaveLength(2);
    expect((await storage.members.list()).length).toBe(1_000);
  });

  it('claims 1,000 jobs in 6 statements (update, insert, read back per 500)', async () => {
    const jobs = ids(1_000).map((target) => ({ key: jobKey('hearing', DATE, target), kind: 'hearing' as const, date: DATE, target, dueAt: `${DATE}T00:00:00.000Z` }));
    let won: string[] = [];
    const sql = await statements(async () => {
      won = await storage.jobs.claim(jobs, 'a', new Date(`${DATE}T00:00:00Z`), 60_000);
    });
    expect(won).toHaveLength(1_000);
    expect(sql).toHaveLength(6);
  });

  it("reads a 1,000-member room's declarations in one query, and 6,000 in two (under SQLite's variable limit)", async () => {
    const members = ids(6_000);
    for (const id of members.slice(0, 3)) {
      await storage.declarations.apply(id, DATE, { memberId: id, date: DATE, state: 'off', updatedAt: `${DATE}T00:00:00.000Z` }, { memberId: id, date: DATE, at: `${DATE}T00:00:00.000Z` });
    }
    let found = 0;
    expect(await statements(async () => void (found = (await storage.declarations.listByDate(DATE, members.slice(0, 1_000))).length))).toHaveLength(1);
    expect(found).toBe(3);
    expect(await statements(async () => void (found = (await storage.declarations.listByDate(DATE, members)).length))).toHaveLength(2);
    expect(found).toBe(3);
  });
});
