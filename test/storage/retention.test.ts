import { describe, expect, it } from '@jest/globals';
import { ConfigError, createMemoryStorage, createRetentionJob, jobKey, purgeExpired, resolveRetention } from '@kaeru/core';

const NOW = new Date('2026-12-07T01:00:00Z');
const declare = (s: ReturnType<typeof createMemoryStorage>, memberId: string, date: string) =>
  s.declarations.apply(memberId, date, { memberId, date, state: 'off', updatedAt: `${date}T00:00:00.000Z` }, { memberId, date, at: `${date}T00:00:00.000Z` });

describe('retention', () => {
  it('keeps 400 days of declarations, history and jobs, and 7 days of inbound ids, by default', async () => {
    const storage = createMemoryStorage();
    // 2026-12-07 minus 400 days is 2025-11-02: that date is kept, the day before is not.
    for (const date of ['2025-11-01', '2025-11-02', '2026-12-07']) {
      await declare(storage, 'u1', date);
      await storage.jobs.claim([{ key: jobKey('hearing', date, 'u1'), kind: 'hearing', date, target: 'u1', dueAt: `${date}T00:00:00.000Z` }], 'a', NOW, 1);
    }
    await storage.inbound.remember('ev-old', new Date(NOW.getTime() - 7 * 86_400_000 - 1));
    await storage.inbound.remember('ev-new', new Date(NOW.getTime() - 7 * 86_400_000 + 1));
    expect(await purgeExpired(storage, NOW)).toEqual({ members: 0, declarations: 1, history: 1, jobs: 1, rooms: 0, inbound: 1 });
    expect((await storage.declarations.listByMember('u1', '2000-01-01', '2100-01-01')).map((d) => d.date)).toEqual(['2025-11-02', '2026-12-07']);
    expect(await storage.inbound.remember('ev-new', NOW)).toBe(false);
  });

  it('runs at most once per UTC day, on whatever timer calls it', async () => {
    const storage = createMemoryStorage();
    const job = createRetentionJob(storage, { days: 30 });
    await declare(storage, 'u1', '2026-10-01');
    expect((await job.runIfDue(NOW))?.declarations).toBe(1);
    await declare(storage, 'u1', '2026-10-02');
    expect(await job.runIfDue(new Date('2026-12-07T23:59:00Z'))).toBeUndefined();
    expect((await job.runIfDue(new Date('2026-12-08T00:00:00Z')))?.declarations).toBe(1);
  });

  it('refuses a retention so short that a job row could vanish before its date stops being planned', () => {
    expect(() => resolveRetention({ days: 3 })).toThrow(ConfigError);
    expect(() => resolveRetention({ days: 3 })).toThrow(/retention\.days.*at least 7/);
    expect(() => resolveRetention({ inboundDays: 0 })).toThrow(/retention\.inboundDays/);
    expect(resolveRetention()).toEqual({ days: 400, inboundDays: 7 });
  });
});
