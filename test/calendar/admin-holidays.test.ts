import { createTestBot, type TestBot, type TestBotOptions } from '@kaeru/core/testing';
import { sentOf } from '../scheduler/helpers';

const team = (overrides: Partial<TestBotOptions> = {}): TestBotOptions => ({
  now: '2026-12-07T08:00:00+09:00',
  rooms: [
    { id: 'sales', name: '営業部', members: ['boss', 'u1'], reminderAfterMinutes: 0 },
    { id: 'dev', name: '開発部', members: ['u2'], reminderAfterMinutes: 0 },
  ],
  members: [
    { id: 'boss', name: '部長' },
    { id: 'u1', name: '山田 洋子' },
    { id: 'u2', name: 'Ken Tanaka', locale: 'en' },
  ],
  admins: ['boss'],
  ...overrides,
});

describe('company and room holidays set in chat', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('a room holiday range set in the room stops that room only', async () => {
    bot = await createTestBot(team());
    const [reply] = await bot.say('boss', '12/8〜12/9はルーム休み', { room: 'sales' });
    expect(reply.text).toMatch(/営業部/);
    await bot.advanceTo('2026-12-10T12:00:00+09:00');
    const days = (id: string): string[] => sentOf(bot, 'hearing', id).map((h) => h.at.slice(0, 10));
    expect(days('u1')).toEqual(['2026-12-07', '2026-12-10']);
    expect(days('u2')).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10']);
  });

  it('a company holiday range (年末年始) set by an admin in Japanese stops every room', async () => {
    bot = await createTestBot(team({ now: '2026-12-28T08:00:00+09:00' }));
    await bot.say('boss', '12/29〜1/3は会社休み');
    await bot.advanceTo('2027-01-05T12:00:00+09:00');
    const dates = [...new Set(sentOf(bot, 'hearing').map((h) => h.at.slice(0, 10)))];
    expect(dates).toEqual(['2026-12-28', '2027-01-04', '2027-01-05']);
  });

  it('"company holiday 2026-12-29 to 2027-01-03" in English', async () => {
    bot = await createTestBot(team({ now: '2026-12-28T08:00:00+09:00', admins: ['u2'] }));
    const [reply] = await bot.say('u2', 'company holiday 2026-12-29 to 2027-01-03');
    expect(reply.text).toMatch(/company/i);
    expect(await bot.storage.calendar.list('company', '2026-12-01', '2027-01-31')).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('a non-admin gets a clear refusal and nothing is stored', async () => {
    bot = await createTestBot(team());
    const [reply] = await bot.say('u1', '12/8は会社休み');
    expect(reply.text).toMatch(/管理者/);
    expect(await bot.storage.calendar.list('company', '2026-12-01', '2026-12-31')).toEqual([]);
    const [en] = await bot.say('u2', 'company holiday 2026-12-29 to 2027-01-03');
    expect(en.text).toMatch(/Only admins/);
    await bot.advanceTo('2026-12-08T09:00:00+09:00');
    expect(sentOf(bot, 'hearing', 'u1').map((h) => h.at.slice(0, 10))).toEqual(['2026-12-07', '2026-12-08']);
  });
});
