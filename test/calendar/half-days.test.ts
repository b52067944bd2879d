import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { sentOf } from '../scheduler/helpers';

const team = {
  now: '2026-12-07T08:00:00+09:00',
  rooms: [{ id: 'sales', name: '営業部', members: ['u1', 'u2', 'u3'], reminderAfterMinutes: 30 }],
  members: [
    { id: 'u1', name: '山田 洋子' },
    { id: 'u2', name: '佐藤 健' },
    { id: 'u3', name: 'Ken Tanaka', locale: 'en' as const },
  ],
};

describe('half days and days off declared ahead', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('half days are still asked, shown on the report, and count as answered (no reminder); a day off is not asked', async () => {
    bot = await createTestBot(team);
    await bot.say('u1', '明日は午後半休');
    await bot.say('u2', '明日は午前半休');
    await bot.say('u3', 'off tomorrow');
    expect(await bot.declaration('u1', '2026-12-08')).toEqual({ state: 'half_pm' });
    expect(await bot.declaration('u2', '2026-12-08')).toEqual({ state: 'half_am' });
    expect(await bot.declaration('u3', '2026-12-08')).toEqual({ state: 'off' });
    await bot.advanceTo('2026-12-07T23:00:00+09:00');
    const before = bot.sent.length;
    await bot.advanceTo('2026-12-08T10:00:00+09:00');
    const day = bot.sent.slice(before);
    // A half day off in the afternoon still works in the morning: the hearing shows the stored answer.
    expect(day.filter((s) => s.kind === 'hearing').map((s) => s.to.id).sort()).toEqual(['u1', 'u2']);
    expect(day.filter((s) => s.kind === 'reminder')).toEqual([]);
    const report = sentOf(bot, 'report').pop()!.text;
    const line = (name: string): string => report.split('\n').find((l) => l.includes(name)) ?? '';
    expect(line('山田 洋子')).toMatch(/午後/);
    expect(line('佐藤 健')).toMatch(/午前/);
    expect(line('Ken Tanaka')).toMatch(/休み/);
  });
});
