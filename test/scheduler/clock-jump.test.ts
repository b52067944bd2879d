import type { Logger } from '@kaeru/core';
import { createTestBot, type TestBot, type TestBotOptions } from '@kaeru/core/testing';
import { sentOf } from './helpers';

const team = (overrides: Partial<TestBotOptions> = {}): TestBotOptions => ({
  now: '2026-12-07T08:00:00+09:00',
  rooms: [{ id: 'sales', name: '営業部', hearingAt: '09:00', reportAt: '10:00', reportTimes: ['17:00'], members: ['u1', 'u2'] }],
  members: [
    { id: 'u1', name: '山田 洋子' },
    { id: 'u2', name: '佐藤 健' },
  ],
  ...overrides,
});

describe('a clock jump', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('forward over several job times (a suspend): due jobs run once when the late timer fires, pointless ones not at all', async () => {
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, error() {}, warn: (m) => void warnings.push(m) };
    bot = await createTestBot(team({ logger }));
    await bot.advanceTo('2026-12-07T08:59:00+09:00');
    // Suspended at 08:59, resumed at 17:30: the 09:00 timer still had one minute to run.
    bot.clock.jumpTo('2026-12-07T17:30:00+09:00');
    expect(bot.sent).toEqual([]);
    await bot.advanceTo('2026-12-07T17:31:00+09:00');
    // The hearing and the reminder are past their use; both reports of the day are caught up, once.
    expect(sentOf(bot, 'hearing')).toEqual([]);
    expect(sentOf(bot, 'reminder')).toEqual([]);
    expect(sentOf(bot, 'report').map((r) => r.at)).toEqual(['2026-12-07T08:31:00.000Z', '2026-12-07T08:31:00.000Z']);
    expect(bot.metrics.get('kaeru_clock_jumps_total', { direction: 'forward' })).toBe(1);
    expect(warnings.some((w) => /clock jumped/.test(w))).toBe(true);
    await bot.advanceTo('2026-12-08T09:00:00+09:00');
    expect(sentOf(bot, 'report')).toHaveLength(2);
    expect(sentOf(bot, 'hearing').map((h) => h.at)).toEqual(['2026-12-08T00:00:00.000Z', '2026-12-08T00:00:00.000Z']);
  });

  it('forward within the hearing window: the hearing runs once, late, and the report on time', async () => {
    bot = await createTestBot(team());
    await bot.advanceTo('2026-12-07T08:50:00+09:00');
    bot.clock.jumpTo('2026-12-07T09:20:00+09:00'); // timer had 10 minutes left: fires at 09:30
    await bot.advanceTo('2026-12-07T10:00:00+09:00');
    expect(sentOf(bot, 'hearing').map((h) => h.at)).toEqual(['2026-12-07T00:30:00.000Z', '2026-12-07T00:30:00.000Z']);
    expect(sentOf(bot, 'report').map((r) => r.at)).toEqual(['2026-12-07T01:00:00.000Z']);
  });

  it('backward after sending (NTP correcting a fast clock): nothing is sent again, also after a restart', async () => {
    bot = await createTestBot(team({ rooms: [{ id: 'sales', name: '営業部', members: ['u1', 'u2'], reminderAfterMinutes: 0 }] }));
    await bot.advanceTo('2026-12-07T10:00:00+09:00');
    expect(bot.sent).toHaveLength(3);
    bot.clock.jumpTo('2026-12-07T08:30:00+09:00');
    await bot.advanceTo('2026-12-07T10:30:00+09:00');
    expect(bot.sent).toHaveLength(3);
    bot.clock.jumpTo('2026-12-07T08:45:00+09:00');
    await bot.restart();
    await bot.advanceTo('2026-12-07T11:00:00+09:00');
    expect(bot.sent).toHaveLength(3);
  });

  it('backward: the armed timer fires early by the wall clock; that is counted, and nothing is sent before its time', async () => {
    bot = await createTestBot(team({ rooms: [{ id: 'sales', name: '営業部', members: ['u1', 'u2'], reminderAfterMinutes: 0 }] }));
    await bot.advanceTo('2026-12-07T12:00:00+09:00');
    bot.clock.jumpTo('2026-12-07T10:00:00+09:00'); // the timer for 12-08 09:00 now fires at 07:00 by the wall clock
    await bot.advanceTo('2026-12-08T08:59:00+09:00');
    expect(bot.metrics.get('kaeru_clock_jumps_total', { direction: 'backward' })).toBe(1);
    expect(sentOf(bot, 'hearing')).toHaveLength(2);
    await bot.advanceTo('2026-12-08T09:00:00+09:00');
    expect(sentOf(bot, 'hearing').map((h) => h.at).slice(2)).toEqual(['2026-12-08T00:00:00.000Z', '2026-12-08T00:00:00.000Z']);
  });

  it('keeps exactly one timer armed while idle', async () => {
    bot = await createTestBot(team());
    await bot.advanceTo('2026-12-07T12:00:00+09:00');
    expect(bot.clock.pendingTimers).toBe(1);
  });
});
