import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storageContract } from '@kaeru/core/testing';
import { JsonFileStorage } from '../../examples/custom-storage/src/json-file-storage';

// examples/custom-storage: an integrator's own backend passes the same contract as memory and SQL.
const dirs: string[] = [];
const freshDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'kaeru-json-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

storageContract('json files', async () => new JsonFileStorage(await freshDir()));

// What the contract cannot see: the files themselves.
describe('JsonFileStorage files', () => {
  it('keeps what was committed across a restart, nothing of a failed transaction, and no temporary file', async () => {
    const dir = await freshDir();
    const first = new JsonFileStorage(dir);
    await first.init();
    await first.members.upsert([{ id: 'u1', name: '山田 🐸', aliases: [] }]);
    const claim = { key: 'report:2026-12-07:dev', kind: 'report' as const, date: '2026-12-07', target: 'dev', dueAt: '2026-12-07T01:00:00.000Z' };
    await first.jobs.claim([claim], 'a', new Date('2026-12-07T01:00:00Z'), 60_000);
    const failing = first.transaction(async (tx) => {
      await tx.members.upsert([{ id: 'u2', name: 'ghost', aliases: [] }]);
      await tx.calendar.add('company', ['2026-12-31']);
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    await first.close();

    const second = new JsonFileStorage(dir);
    await second.init();
    expect(await second.members.list()).toEqual([{ id: 'u1', name: '山田 🐸', aliases: [] }]);
    expect(await second.jobs.claim([claim], 'b', new Date('2026-12-07T01:00:30Z'), 60_000)).toEqual([]);
    expect(await second.calendar.list('company', '2026-01-01', '2027-12-31')).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['jobs.json', 'members.json']);
    await second.close();
  });
});
