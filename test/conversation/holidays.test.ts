import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { salesTeam } from './fixtures';

describe('holidays', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('「休日一覧」 lists national and company holidays ahead and the member’s own days off', async () => {
    bot = await createTestBot(salesTeam({ now: '2026-12-21T09:30:00+09:00', companyHolidays: ['2026-12-29..2027-01-03'] }));
    await bot.say('u1', '12/24は休み');
    const [reply] = await bot.say('u1', '休日一覧');
    expect(reply.text).toContain('12/29（火） 会社休日');
    expect(reply.text).toContain('1/1（金） 元日');
    expect(reply.text).toContain('あなたの休み: 12/24（木）');
    expect(reply.text).not.toContain('12/26'); // a plain Saturday is not listed
  });

  it('no hearing and no report on company holidays (dates and ranges from configuration)', async () => {
    bot = await createTestBot(salesTeam({ now: '2026-12-28T08:00:00+09:00', companyHolidays: ['2026-12-29..2027-01-03'] }));
    await bot.advanceTo('2027-01-05T12:00:00+09:00');
    const days = [...new Set(bot.sent.map((s) => s.at.slice(0, 10)))];
    expect(days).toEqual(['2026-12-28', '2027-01-04', '2027-01-05']);
  });

  it('an admin sets company holidays in chat; a non-admin gets a clear refusal', async () => {
    bot = await createTestBot(salesTeam({ now: '2026-12-07T09:30:00+09:00', admins: ['u1'] }));
    const [refused] = await bot.say('u3', '12/9は会社休み');
    expect(refused.text).toContain('管理者だけ');
    const [done] = await bot.say('u1', '12/9は会社休み');
    expect(done.text).toContain('12/9（水）');
    await bot.advanceTo('2026-12-10T12:00:00+09:00');
    const days = [...new Set(bot.sent.filter((s) => s.kind !== 'reply').map((s) => s.at.slice(0, 10)))];
    // today's hearing was caught up at start (09:30, before the report); the 9th is skipped
    expect(days).toEqual(['2026-12-07', '2026-12-08', '2026-12-10']);
  });
});
