import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { Room } from '@kaeru/core';
import { type TypeormStorageTarget, createTypeormStorage } from '@kaeru/storage-typeorm';
import { DataSource } from 'typeorm';
import { KaeruInitial1764720000000 } from '../../packages/storage/typeorm/src/migrations/1764720000000-initial';
import { MIGRATIONS_TABLE } from '../../packages/storage/typeorm/src/migrations';
import { toDataSourceOptions } from '../../packages/storage/typeorm/src/options';
import { siblingDatabase } from './server-database';
import { testRoom } from '@kaeru/core/testing';

const dir = mkdtempSync(join(tmpdir(), 'kaeru-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const oldRoom: Room = testRoom('sales', { name: '営業部', members: ['u2', 'u1'], holidays: ['2026-12-29'] });

/** The database as the first release left it: its one migration, and a room written in its columns. */
async function firstReleaseDatabase(target: TypeormStorageTarget): Promise<void> {
  const dataSource = new DataSource({ ...toDataSourceOptions(target), entities: [], migrations: [KaeruInitial1764720000000], migrationsTableName: MIGRATIONS_TABLE });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const { workDays, members, holidays, timeZone, hearingAt, reportAt, lateFrom, ...plain } = oldRoom;
    const row = { ...plain, time_zone: timeZone, hearing_at: hearingAt, report_at: reportAt, late_from: lateFrom, work_days: JSON.stringify(workDays), members: JSON.stringify(members), holidays: JSON.stringify(holidays) };
    await dataSource.createQueryBuilder().insert().into('kaeru_room', Object.keys(row)).values(row).execute();
  } finally {
    await dataSource.destroy();
  }
}

async function columnsAndTables(target: TypeormStorageTarget): Promise<{ room: string[]; adapterData: boolean }> {
  const dataSource = new DataSource({ ...toDataSourceOptions(target), entities: [], migrations: [] });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    const table = await runner.getTable('kaeru_room');
    return { room: table?.columns.map((c) => c.name) ?? [], adapterData: await runner.hasTable('kaeru_adapter_data') };
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

// Server databases of their own: the contract suites wipe the shared ones while this runs.
const servers = { postgres: process.env.KAERU_TEST_POSTGRES_URL, mysql: process.env.KAERU_TEST_MYSQL_URL };

async function target(name: 'sqlite' | 'postgres' | 'mysql'): Promise<TypeormStorageTarget> {
  if (name === 'sqlite') return { type: 'sqlite', file: join(dir, 'kaeru.sqlite') };
  return { type: name, url: await siblingDatabase(name, servers[name]!, 'upgrade') };
}

describe('upgrading a database of the first release', () => {
  // SQLite always; a server only when its URL is set (npm test names the ones left out).
  const backends = (['sqlite', 'postgres', 'mysql'] as const).filter((name) => name === 'sqlite' || servers[name]);
  for (const name of backends) {
    it(`${name}: the current code migrates it; old rooms read back without the new settings`, async () => {
      const where = await target(name);
      await firstReleaseDatabase(where);
      expect((await columnsAndTables(where)).room).not.toContain('report_times');

      const storage = createTypeormStorage(where);
      await storage.init();
      try {
        expect(await storage.rooms.get('sales')).toStrictEqual(oldRoom);
        const changed: Room = { ...oldRoom, reportTimes: ['17:00'], reminderAfterMinutes: null };
        await storage.rooms.upsert([changed]);
        expect(await storage.rooms.get('sales')).toStrictEqual(changed);
        await storage.adapterData.put('teams.references', 'k', '{}');
        expect(await storage.adapterData.get('teams.references', 'k')).toBe('{}');
      } finally {
        await storage.close();
      }
      const after = await columnsAndTables(where);
      expect(after.room).toEqual(expect.arrayContaining(['report_times', 'reminder_after_minutes']));
      expect(after.adapterData).toBe(true);
    });
  }
});
