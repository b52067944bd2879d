import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { local, sentOf } from './helpers';

describe('time zones of members and rooms', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it("asks at the member's own 09:00 when the member's zone is known, else at the room's", async () => {
    bot = await createTestBot({
      now: '2026-12-07T00:00:00+09:00',
      rooms: [{ id: 'sales', name: '営業部', timeZone: 'Asia/Tokyo', hearingAt: '09:00', reportAt: '17:00', members: ['tokyo', 'seoul', 'bangkok'], reminderAfterMinutes: 0 }],
      members: [
        { id: 'tokyo', name: 'T' },
        { id: 'seoul', name: 'S', timeZone: 'Asia/Seoul' },
        { id: 'bangkok', name: 'B', timeZone: 'Asia/Bangkok' },
      ],
    });
    await bot.advanceTo('2026-12-07T12:00:00+09:00');
    expect(local(sentOf(bot, 'hearing', 'tokyo')[0].at, 'Asia/Tokyo')).toBe('2026-12-07 09:00');
    expect(local(sentOf(bot, 'hearing', 'seoul')[0].at, 'Asia/Seoul')).toBe('2026-12-07 09:00');
    expect(local(sentOf(bot, 'hearing', 'bangkok')[0].at, 'Asia/Bangkok')).toBe('2026-12-07 09:00');
    expect(sentOf(bot, 'hearing')).toHaveLength(3);
  });

  it('a member in two rooms in two zones gets one hearing a day, at the earliest, and is on both reports', async () => {
    bot = await createTestBot({
      now: '2026-12-06T12:00:00Z',
      rooms: [
        { id: 'tokyo', name: '東京', timeZone: 'Asia/Tokyo', hearingAt: '09:00', reportAt: '10:00', members: ['u1', 'both'], reminderAfterMinutes: 0 },
        { id: 'london', name: 'London', timeZone: 'Europe/London', country: 'GB', locale: 'en', hearingAt: '09:00', reportAt: '10:00', members: ['u2', 'both'], reminderAfterMinutes: 0 },
      ],
      members: [
        { id: 'u1', name: '山田' },
        { id: 'u2', name: 'Jane' },
        { id: 'both', name: 'Mika' },
      ],
    });
    await bot.advanceTo('2026-12-09T12:00:00Z');
    const both = sentOf(bot, 'hearing', 'both');
    // Mon 7, Tue 8, Wed 9 (Tokyo's morning comes first, in the member's zone: the first room's, Tokyo).
    expect(both.map((h) => local(h.at, 'Asia/Tokyo'))).toEqual(['2026-12-07 09:00', '2026-12-08 09:00', '2026-12-09 09:00']);
    expect(local(sentOf(bot, 'hearing', 'u2')[0].at, 'Europe/London')).toBe('2026-12-07 09:00');
    await bot.say('both', '18時');
    const london = sentOf(bot, 'report').filter((r) => r.to.id === 'london');
    expect(london.map((r) => local(r.at, 'Europe/London'))).toEqual(['2026-12-07 10:00', '2026-12-08 10:00', '2026-12-09 10:00']);
    expect(london[0].text).toMatch(/Mika/);
  });
});
