import { createTestBot, type TestBot } from '@kaeru/core/testing';

/** Business dates come from each room's zone; the server's own zone never matters (run under TZ=UTC and TZ=Asia/Tokyo). */
describe('two rooms in different time zones', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await createTestBot({
      now: '2026-12-06T20:00:00Z', // Sunday evening in London, Monday 05:00 in Tokyo
      rooms: [
        { id: 'tokyo', name: '東京', timeZone: 'Asia/Tokyo', members: ['yui'] },
        { id: 'nyc', name: 'New York', timeZone: 'America/New_York', locale: 'en', country: 'US', teiji: '17:00', members: ['amy'] },
      ],
      members: [
        { id: 'yui', name: '結衣' },
        { id: 'amy', name: 'Amy', locale: 'en' },
      ],
    });
  });
  afterEach(() => bot.close());

  it('asks each room at 09:00 of its own zone, for its own business date', async () => {
    await bot.advanceTo('2026-12-07T16:00:00Z');
    const hearings = bot.sent.filter((s) => s.kind === 'hearing').map((s) => [s.to.id, s.at]);
    expect(hearings).toEqual([
      ['yui', '2026-12-07T00:00:00.000Z'], // 09:00 JST
      ['amy', '2026-12-07T14:00:00.000Z'], // 09:00 EST
    ]);
    const reports = bot.sent.filter((s) => s.kind === 'report').map((s) => [s.to.id, s.at]);
    expect(reports).toEqual([
      ['tokyo', '2026-12-07T01:00:00.000Z'],
      ['nyc', '2026-12-07T15:00:00.000Z'],
    ]);
  });

  it("stores each answer on the member's own local date", async () => {
    // 2026-12-07T23:30Z is Tuesday 08:30 in Tokyo but still Monday 18:30 in New York
    await bot.advanceTo('2026-12-07T23:30:00Z');
    await bot.say('yui', '19時');
    await bot.say('amy', '7pm');
    expect(await bot.declaration('yui', '2026-12-08')).toEqual({ state: 'leaving', time: '19:00' });
    expect(await bot.declaration('amy', '2026-12-07')).toEqual({ state: 'leaving', time: '19:00' });
  });

  it('uses US national holidays only where the country says so (none built in: weekends and configuration apply)', async () => {
    await bot.advanceTo('2026-12-08T16:00:00Z');
    expect(bot.sent.filter((s) => s.kind === 'hearing' && s.to.id === 'amy')).toHaveLength(2);
  });
});
