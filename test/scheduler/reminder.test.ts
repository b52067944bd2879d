import { createTestBot, type TestBot, type TestBotOptions } from '@kaeru/core/testing';
import { jobLines, sentOf } from './helpers';

const team = (room: Record<string, unknown> = {}): TestBotOptions => ({
  now: '2026-12-07T08:00:00+09:00',
  rooms: [{ id: 'sales', name: '営業部', hearingAt: '09:00', reportAt: '10:00', members: ['u1', 'u2', 'u3'], ...room }],
  members: [
    { id: 'u1', name: '山田 洋子' },
    { id: 'u2', name: 'Ken Tanaka', locale: 'en' },
    { id: 'u3', name: '佐藤 健' },
  ],
});

describe('reminder', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('reminds once, 30 minutes after the hearing by default, only those who have not answered', async () => {
    bot = await createTestBot(team());
    await bot.advanceTo('2026-12-07T09:10:00+09:00');
    await bot.say('u1', '18時');
    await bot.advanceTo('2026-12-07T09:29:00+09:00');
    expect(sentOf(bot, 'reminder')).toEqual([]);
    await bot.advanceTo('2026-12-07T17:00:00+09:00');
    const reminders = sentOf(bot, 'reminder');
    expect(reminders.map((r) => r.to.id).sort()).toEqual(['u2', 'u3']);
    expect(reminders.every((r) => r.at === '2026-12-07T00:30:00.000Z')).toBe(true);
    // In the member's language, with the hearing's buttons.
    expect(reminders.find((r) => r.to.id === 'u2')!.text).toMatch(/haven't told me/);
    expect(reminders.find((r) => r.to.id === 'u3')!.text).toMatch(/まだです/);
    expect(reminders[0].buttons?.map((b) => b.value)).toEqual(sentOf(bot, 'hearing', reminders[0].to.id)[0].buttons?.map((b) => b.value));
    expect(await jobLines(bot, '2026-12-07')).toContain('reminder u1 skipped answered');
  });

  it('follows the room setting, and is off with 0 or null', async () => {
    bot = await createTestBot(team({ reminderAfterMinutes: 45 }));
    await bot.advanceTo('2026-12-07T09:44:00+09:00');
    expect(sentOf(bot, 'reminder')).toEqual([]);
    await bot.advanceTo('2026-12-07T09:45:00+09:00');
    expect(sentOf(bot, 'reminder')).toHaveLength(3);
    await bot.close();
    for (const off of [0, null]) {
      bot = await createTestBot(team({ reminderAfterMinutes: off }));
      await bot.advanceTo('2026-12-08T12:00:00+09:00');
      expect(sentOf(bot, 'hearing')).toHaveLength(6);
      expect(sentOf(bot, 'reminder')).toEqual([]);
      if (off === 0) await bot.close();
    }
  });

  it('is never sent at or after the report', async () => {
    bot = await createTestBot(team({ reminderAfterMinutes: 60 }));
    await bot.advanceTo('2026-12-07T12:00:00+09:00');
    // 09:00 + 60 min is the report time itself: no reminder.
    expect(sentOf(bot, 'reminder')).toEqual([]);
    expect(sentOf(bot, 'report')).toHaveLength(1);
  });

  it('is not caught up after the report when the process was down over its time', async () => {
    bot = await createTestBot(team());
    await bot.advanceTo('2026-12-07T09:05:00+09:00');
    await bot.restart({ downUntil: '2026-12-07T10:05:00+09:00' });
    await bot.advanceTo('2026-12-07T12:00:00+09:00');
    expect(sentOf(bot, 'reminder')).toEqual([]);
  });

  it('is skipped for a member who declared the day off after the hearing', async () => {
    bot = await createTestBot(team());
    await bot.advanceTo('2026-12-07T09:05:00+09:00');
    await bot.say('u3', '今日は休み');
    await bot.advanceTo('2026-12-07T09:31:00+09:00');
    expect(sentOf(bot, 'reminder').map((r) => r.to.id).sort()).toEqual(['u1', 'u2']);
    expect(await jobLines(bot, '2026-12-07')).toContain('reminder u3 skipped day_off');
  });
});
