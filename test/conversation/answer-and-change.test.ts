import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { salesTeam } from './fixtures';

describe('answer and change', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await createTestBot(salesTeam({ now: '2026-12-07T09:05:00+09:00' }));
  });
  afterEach(() => bot.close());

  it('stores a typed answer and echoes exactly what it stored', async () => {
    const [reply] = await bot.say('u1', '18時半');
    expect(reply.text).toBe('今日（12/7（月））の退社予定を「18:30」で登録しました。');
    expect(await bot.declaration('u1', '2026-12-07')).toEqual({ state: 'leaving', time: '18:30' });
  });

  it('keeps 頃 and states, in the member language', async () => {
    expect((await bot.say('u1', '19時頃'))[0].text).toContain('19:00頃');
    expect(await bot.declaration('u1', '2026-12-07')).toEqual({ state: 'leaving', time: '19:00', approx: true });
    expect((await bot.say('u3', '直帰'))[0].text).toContain('直帰');
    expect((await bot.say('u2', 'around 7pm'))[0].text).toBe('Got it: leaving today (Mon 12/7) — around 19:00.');
  });

  it('a later answer changes it, shows old → new and keeps the history', async () => {
    await bot.say('u1', '18時');
    const [reply] = await bot.say('u1', 'やっぱり20時で');
    expect(reply.text).toBe('今日（12/7（月））の退社予定を変更しました: 18:00 → 20:00');
    expect(await bot.declaration('u1', '2026-12-07')).toEqual({ state: 'leaving', time: '20:00' });
    const history = await bot.storage.declarations.history('u1', '2026-12-07');
    expect(history.map((h) => [h.before?.time, h.after?.time])).toEqual([
      [undefined, '18:00'],
      ['18:00', '20:00'],
    ]);
  });

  it('the same answer twice says nothing changed and adds no history', async () => {
    await bot.say('u1', '18:30');
    const [reply] = await bot.say('u1', '18時半');
    expect(reply.text).toContain('のままです');
    expect(await bot.storage.declarations.history('u1', '2026-12-07')).toHaveLength(1);
  });

  it('取り消し / cancel clears the day and says what was cleared', async () => {
    await bot.say('u1', '定時');
    const [reply] = await bot.say('u1', '取り消し');
    expect(reply.text).toContain('18:00');
    expect(reply.text).toContain('取り消しました');
    expect(await bot.declaration('u1', '2026-12-07')).toBeUndefined();
    expect((await bot.say('u2', 'cancel'))[0].text).toBe('You have nothing declared for today (Mon 12/7) yet.');
    const history = await bot.storage.declarations.history('u1', '2026-12-07');
    expect(history.at(-1)!.after).toBeUndefined();
  });

  it('an answer for another day goes to that day', async () => {
    const [reply] = await bot.say('u1', '明日は17時');
    expect(reply.text).toContain('明日（12/8（火））');
    expect(reply.text).toContain('17:00');
    expect(await bot.declaration('u1', '2026-12-08')).toEqual({ state: 'leaving', time: '17:00' });
    expect(await bot.declaration('u1', '2026-12-07')).toBeUndefined();
  });

  it('the next morning the hearing reminds the member of what they declared ahead', async () => {
    await bot.say('u1', '明日は17時');
    await bot.advanceTo('2026-12-08T09:00:00+09:00');
    const hearing = bot.sent.find((s) => s.kind === 'hearing' && s.to.id === 'u1' && s.at.startsWith('2026-12-08'))!;
    expect(hearing.text).toContain('17:00');
    expect(hearing.text).toContain('登録済み');
  });

  it('a redelivered message (same event id) is processed once', async () => {
    await bot.say('u1', '19時', { eventId: 'evt-1' });
    const again = await bot.say('u1', '20時', { eventId: 'evt-1' });
    expect(again).toEqual([]);
    expect(await bot.declaration('u1', '2026-12-07')).toEqual({ state: 'leaving', time: '19:00' });
  });
});
