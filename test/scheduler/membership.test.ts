import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { jobLines, sentOf } from './helpers';

const room = (members: string[]) => ({ id: 'sales', name: '営業部', hearingAt: '09:00', reportAt: '10:00', members, reminderAfterMinutes: 0 });

/**
 * Joining or leaving takes effect the same day. A member added before the room's first
 * report is asked at once (the board still benefits); one added after it is asked from the
 * next business day: a hearing after the report is not useful.
 */
describe('members joining and leaving a room', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('a member added at 09:20, before the 10:00 report, is asked at once and is on the report', async () => {
    bot = await createTestBot({ now: '2026-12-07T08:00:00+09:00', rooms: [room(['u1'])], members: [{ id: 'u1', name: '山田 洋子' }] });
    await bot.advanceTo('2026-12-07T09:20:00+09:00');
    await bot.upsert({ members: [{ id: 'u2', name: '佐藤 健' }], rooms: [room(['u1', 'u2'])] });
    expect(sentOf(bot, 'hearing', 'u2').map((h) => h.at)).toEqual(['2026-12-07T00:20:00.000Z']);
    await bot.advanceTo('2026-12-07T10:00:00+09:00');
    expect(sentOf(bot, 'report')[0].text).toMatch(/佐藤 健/);
    expect(sentOf(bot, 'hearing', 'u1')).toHaveLength(1);
  });

  it('a member added at 11:00 is not asked today, and is asked the next business day', async () => {
    bot = await createTestBot({ now: '2026-12-07T08:00:00+09:00', rooms: [room(['u1'])], members: [{ id: 'u1', name: '山田 洋子' }] });
    await bot.advanceTo('2026-12-07T11:00:00+09:00');
    await bot.upsert({ members: [{ id: 'u2', name: '佐藤 健' }], rooms: [room(['u1', 'u2'])] });
    await bot.advanceTo('2026-12-07T23:00:00+09:00');
    expect(sentOf(bot, 'hearing', 'u2')).toEqual([]);
    await bot.advanceTo('2026-12-08T09:00:00+09:00');
    expect(sentOf(bot, 'hearing', 'u2').map((h) => h.at)).toEqual(['2026-12-08T00:00:00.000Z']);
  });

  it('a member who left before the hearing is not asked; the report lists the room as it is', async () => {
    bot = await createTestBot({ now: '2026-12-07T08:00:00+09:00', rooms: [room(['u1', 'u2'])], members: [{ id: 'u1', name: '山田 洋子' }, { id: 'u2', name: '佐藤 健' }] });
    await bot.upsert({ rooms: [room(['u1'])] });
    await bot.advanceTo('2026-12-07T10:00:00+09:00');
    expect(sentOf(bot, 'hearing').map((h) => h.to.id)).toEqual(['u1']);
    expect(sentOf(bot, 'report')[0].text).not.toMatch(/佐藤 健/);
    expect(await jobLines(bot, '2026-12-07')).not.toContain('hearing u2 sent');
  });

  it('refuses a room listing an unknown member, naming the setting', async () => {
    bot = await createTestBot({ now: '2026-12-07T08:00:00+09:00', rooms: [room(['u1'])], members: [{ id: 'u1', name: '山田 洋子' }] });
    await expect(bot.upsert({ rooms: [room(['u1', 'ghost'])] })).rejects.toThrow(/rooms\[0\]\.members\[1\]/);
  });
});
