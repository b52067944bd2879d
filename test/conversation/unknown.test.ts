import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { salesTeam } from './fixtures';

describe('anything else', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await createTestBot(salesTeam({ now: '2026-12-07T09:05:00+09:00' }));
  });
  afterEach(() => bot.close());

  it.each([
    ['u1', 'ランチどこ行く？', /わかりませんでした/],
    ['u1', '明日', /わかりませんでした/],
    ['u2', 'what is the wifi password', /didn't understand/],
  ])('%s: "%s" gets a reply with examples and stores nothing', async (member, text, expected) => {
    const [reply] = await bot.say(member, text);
    expect(reply.text).toMatch(expected);
    // three examples
    expect((reply.text.match(/「[^」]+」|"[^"]+"/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(await bot.storage.declarations.listByDate('2026-12-07')).toEqual([]);
    expect(await bot.storage.declarations.listByDate('2026-12-08')).toEqual([]);
  });

  it('quotes long text shortened', async () => {
    const [reply] = await bot.say('u1', 'あ'.repeat(200));
    expect(reply.text).toContain('…');
    expect(reply.text.length).toBeLessThan(200);
  });
});
