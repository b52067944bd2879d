import { createTestBot, type TestBot, type TestBotOptions } from '@kaeru/core/testing';
import { sentOf } from './helpers';

const team = (size: number, overrides: Partial<TestBotOptions> = {}): TestBotOptions => {
  const ids = Array.from({ length: size }, (_, i) => `m${i}`);
  return {
    now: '2026-12-07T08:00:00+09:00',
    rooms: [{ id: 'all', name: '全社', members: ids, reminderAfterMinutes: 0 }],
    members: ids.map((id) => ({ id, name: id })),
    ...overrides,
  };
};

const once = (ids: string[]): boolean => new Set(ids).size === ids.length;

describe('a restart in the middle of the 09:00 fan-out', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('after a crash: nobody asked twice, nobody skipped (the dead claims are taken over when their lease ends)', async () => {
    bot = await createTestBot(team(8));
    bot.crashAfterSends(3); // the 4th send never returns: the process dies there
    await bot.advanceTo('2026-12-07T09:00:00+09:00');
    expect(sentOf(bot, 'hearing')).toHaveLength(3);
    await bot.restart({ downUntil: '2026-12-07T09:01:00+09:00' });
    await bot.advanceTo('2026-12-07T09:04:00+09:00');
    // The dead process still leases the rest: not sent yet, not lost either.
    expect(sentOf(bot, 'hearing')).toHaveLength(3);
    await bot.advanceTo('2026-12-07T09:30:00+09:00');
    const asked = sentOf(bot, 'hearing').map((h) => h.to.id);
    expect(asked.sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    expect(once(asked)).toBe(true);
    const jobs = (await bot.storage.jobs.listByDate('2026-12-07')).filter((j) => j.kind === 'hearing');
    expect(jobs.every((j) => j.status === 'sent')).toBe(true);
  });

  it('after a crash mid-burst while rate limited: the rest is sent by the next process, nobody twice', async () => {
    bot = await createTestBot(team(20, { capabilities: { sendsPerSecond: 1 } }));
    await bot.advanceTo('2026-12-07T09:00:02+09:00');
    const before = sentOf(bot, 'hearing').length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(20);
    await bot.restart({ crash: true });
    await bot.advanceTo('2026-12-07T09:10:00+09:00');
    const asked = sentOf(bot, 'hearing').map((h) => h.to.id);
    expect(asked).toHaveLength(20);
    expect(once(asked)).toBe(true);
  });

  it('a restart after the fan-out repeats nothing', async () => {
    bot = await createTestBot(team(8));
    await bot.advanceTo('2026-12-07T09:00:00+09:00');
    await bot.restart({ crash: true });
    await bot.advanceTo('2026-12-07T12:00:00+09:00');
    expect(sentOf(bot, 'hearing')).toHaveLength(8);
    expect(sentOf(bot, 'report')).toHaveLength(1);
  });
});
