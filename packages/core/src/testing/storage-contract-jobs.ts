import { describe, expect, it } from '@jest/globals';
import { jobKey } from '../domain/types';
import type { Storage } from '../ports/storage';
import { MINUTE, T0, at, claim, ms } from './contract-helpers';

/**
 * Job claims: part of `storageContract`, run on the same fresh storage per test. `storage`
 * below reads through to the current test's instance, so the cases read as in the main file.
 */
export function jobsContract(current: () => Storage, options: { morningJobs: number; bulkTimeoutMs?: number }): void {
  const storage = new Proxy({} as Storage, { get: (_, prop) => Reflect.get(current(), prop) });
  const { morningJobs, bulkTimeoutMs } = options;
  describe('jobs', () => {
    const day = '2026-12-07';

    it('claims a batch once; a second claim of the same keys loses, even by the same owner', async () => {
      const batch = [claim('hearing', day, 'u1'), claim('hearing', day, 'u2'), claim('report', day, 'sales')];
      expect((await storage.jobs.claim(batch, 'a', T0, MINUTE)).sort()).toEqual(batch.map((j) => j.key).sort());
      expect(await storage.jobs.claim(batch, 'b', at(1), MINUTE)).toEqual([]);
      expect(await storage.jobs.claim(batch, 'a', at(1), MINUTE)).toEqual([]);
      const more = [claim('hearing', day, 'u1'), claim('hearing', day, 'u3')];
      expect(await storage.jobs.claim(more, 'b', at(2), MINUTE)).toEqual([jobKey('hearing', day, 'u3')]);
      expect(await storage.jobs.claim([], 'b', at(2), MINUTE)).toEqual([]);
      expect(await storage.jobs.get(jobKey('hearing', day, 'u1'))).toMatchObject({ kind: 'hearing', date: day, target: 'u1', status: 'claimed', owner: 'a' });
      expect(ms((await storage.jobs.get(jobKey('hearing', day, 'u1')))?.leaseUntil)).toBe(T0.getTime() + MINUTE);
      expect(ms((await storage.jobs.get(jobKey('hearing', day, 'u1')))?.dueAt)).toBe(Date.parse(`${day}T00:00:00.000Z`));
      expect(await storage.jobs.get('hearing:2026-12-07:nobody')).toBeUndefined();
    });

    it('lets exactly one of 20 concurrent claimers win', async () => {
      const job = [claim('report', day, 'sales')];
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => storage.jobs.claim(job, `owner-${i}`, T0, MINUTE)));
      expect(results.flat()).toEqual([job[0].key]);
      const winner = results.findIndex((keys) => keys.length === 1);
      expect((await storage.jobs.get(job[0].key))?.owner).toBe(`owner-${winner}`);
    });

    it('takes over a claim only after its lease ended, and only once', async () => {
      const job = [claim('hearing', day, 'u1')];
      await storage.jobs.claim(job, 'dead', T0, 1_000);
      // At the very end of the lease it still holds.
      expect(await storage.jobs.claim(job, 'b', at(1_000), MINUTE)).toEqual([]);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => storage.jobs.claim(job, `heir-${i}`, at(1_001), MINUTE)));
      expect(results.flat()).toEqual([job[0].key]);
      const winner = `heir-${results.findIndex((keys) => keys.length === 1)}`;
      const taken = await storage.jobs.get(job[0].key);
      expect(taken).toMatchObject({ status: 'claimed', owner: winner });
      expect(ms(taken?.leaseUntil)).toBe(at(1_001).getTime() + MINUTE);
      expect(await storage.jobs.claim(job, 'dead', at(2_000), MINUTE)).toEqual([]);
    });

    it('records the outcome; a finished job is never claimed again', async () => {
      const [sent, failed, skipped] = [claim('hearing', day, 'u1'), claim('hearing', day, 'u2'), claim('report', day, 'r')];
      await storage.jobs.claim([sent, failed, skipped], 'a', T0, 1_000);
      await storage.jobs.complete(sent.key, { status: 'sent', ref: 'ts:1733.0001' }, at(10));
      await storage.jobs.complete(failed.key, { status: 'failed', reason: 'rate limited: 429' }, at(20));
      await storage.jobs.complete(skipped.key, { status: 'skipped', reason: 'holiday' }, at(30));
      const got = await storage.jobs.get(sent.key);
      expect(got).toMatchObject({ key: sent.key, status: 'sent', ref: 'ts:1733.0001', owner: 'a' });
      expect(got?.reason).toBeUndefined();
      expect(ms(got?.doneAt)).toBe(at(10).getTime());
      expect(await storage.jobs.get(failed.key)).toMatchObject({ status: 'failed', reason: 'rate limited: 429' });
      expect(await storage.jobs.get(skipped.key)).toMatchObject({ status: 'skipped', reason: 'holiday' });
      expect(await storage.jobs.claim([sent, failed, skipped], 'b', at(10 * MINUTE), MINUTE)).toEqual([]);
    });

    it('release gives up unfinished claims of one owner only', async () => {
      const [done, open, other] = [claim('hearing', day, 'u1'), claim('hearing', day, 'u2'), claim('hearing', day, 'u3')];
      await storage.jobs.claim([done, open], 'a', T0, 10 * MINUTE);
      await storage.jobs.claim([other], 'c', T0, 10 * MINUTE);
      await storage.jobs.complete(done.key, { status: 'sent' }, at(1));
      await storage.jobs.release('a');
      expect(await storage.jobs.claim([done, open, other], 'b', at(2), MINUTE)).toEqual([open.key]);
      expect((await storage.jobs.get(done.key))?.status).toBe('sent');
      expect((await storage.jobs.get(other.key))?.owner).toBe('c');
    });

    it('lists the jobs of one business date', async () => {
      await storage.jobs.claim([claim('hearing', day, 'u1'), claim('report', day, 'r'), claim('hearing', '2026-12-08', 'u1')], 'a', T0, MINUTE);
      expect((await storage.jobs.listByDate(day)).map((j) => j.key).sort()).toEqual([jobKey('hearing', day, 'u1'), jobKey('report', day, 'r')].sort());
      expect(await storage.jobs.listByDate('2026-12-09')).toEqual([]);
    });

    it(`claims a morning of ${morningJobs} jobs in one call`, async () => {
      const batch = Array.from({ length: morningJobs }, (_, i) => claim('hearing', day, `slack:T1:U${String(i).padStart(6, '0')}`));
      expect((await storage.jobs.claim(batch, 'a', T0, MINUTE)).length).toBe(morningJobs);
      expect(await storage.jobs.claim(batch, 'b', at(1), MINUTE)).toEqual([]);
      expect((await storage.jobs.listByDate(day)).length).toBe(morningJobs);
    }, bulkTimeoutMs);
  });
}
