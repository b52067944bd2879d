import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { local, sentOf } from '../scheduler/helpers';

/**
 * The week of Monday 2026-11-23 in Tokyo: Monday is 勤労感謝の日 (national), Wednesday a
 * company holiday, Thursday u2's own day off declared ahead on Tuesday.
 */
describe('a business week in Asia/Tokyo', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('asks and reports on business dates only, and skips a member on their day off', async () => {
    bot = await createTestBot({
      now: '2026-11-22T20:00:00+09:00',
      rooms: [{ id: 'sales', name: '営業部', timeZone: 'Asia/Tokyo', country: 'JP', members: ['u1', 'u2'], reminderAfterMinutes: 0 }],
      members: [
        { id: 'u1', name: '山田 洋子' },
        { id: 'u2', name: '佐藤 健' },
      ],
      companyHolidays: ['2026-11-25'],
    });
    await bot.advanceTo('2026-11-24T09:05:00+09:00');
    await bot.say('u2', '11/26は休み');
    expect(await bot.declaration('u2', '2026-11-26')).toEqual({ state: 'off' });
    await bot.advanceTo('2026-11-30T00:00:00+09:00');

    const hearingDays = (id: string): string[] => sentOf(bot, 'hearing', id).map((s) => local(s.at, 'Asia/Tokyo'));
    expect(hearingDays('u1')).toEqual(['2026-11-24 09:00', '2026-11-26 09:00', '2026-11-27 09:00']);
    expect(hearingDays('u2')).toEqual(['2026-11-24 09:00', '2026-11-27 09:00']);
    expect(sentOf(bot, 'report').map((s) => local(s.at, 'Asia/Tokyo'))).toEqual(['2026-11-24 10:00', '2026-11-26 10:00', '2026-11-27 10:00']);
    // Thursday's board shows u2 off.
    const thursday = sentOf(bot, 'report')[1].text;
    expect(thursday).toMatch(/佐藤 健/);
    expect(thursday.split('\n').find((l) => l.includes('佐藤 健'))).toMatch(/休み/);
    // The day off was recorded as a skip, not silently dropped.
    const u2 = (await bot.storage.jobs.listByDate('2026-11-26')).find((j) => j.key === 'hearing:2026-11-26:u2');
    expect(u2).toMatchObject({ status: 'skipped', reason: 'day_off' });
    // No job at all on the national and company holidays, nor at the weekend.
    for (const date of ['2026-11-23', '2026-11-25', '2026-11-28', '2026-11-29']) expect(await bot.storage.jobs.listByDate(date)).toEqual([]);
  });

  it('lists the national and company holidays of the coming days with their names', async () => {
    bot = await createTestBot({
      now: '2026-11-20T12:00:00+09:00',
      rooms: [{ id: 'sales', name: '営業部', members: ['u1'] }],
      members: [{ id: 'u1', name: '山田 洋子' }],
      companyHolidays: ['2026-11-25'],
    });
    const [reply] = await bot.say('u1', '休日一覧');
    expect(reply.text).toMatch(/11\/23.*勤労感謝の日/);
    expect(reply.text).toMatch(/11\/25.*会社休日/);
  });
});
