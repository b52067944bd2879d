import type { Handler } from '@kaeru/core';
import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { salesTeam } from './fixtures';

describe('help', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('lists what the bot understands with examples, in the member language', async () => {
    bot = await createTestBot(salesTeam());
    const [ja] = await bot.say('u1', 'ヘルプ');
    expect(ja.text).toContain('使い方');
    for (const example of ['「18時半」', '「取り消し」', '「レポート」', '「田中さんは何時に帰る？」', '「休日一覧」']) expect(ja.text).toContain(example);
    const [en] = await bot.say('u2', 'help');
    expect(en.text).toContain('Here is what kaeru understands.');
    for (const example of ['"6:30pm"', '"cancel"', '"report"', '"who leaves after 7pm?"', '"holidays"']) expect(en.text).toContain(example);
  });

  it('a handler the embedder adds answers and shows up in help by itself', async () => {
    const lunch: Handler = {
      name: 'lunch',
      help: { ja: { summary: '今日のランチを提案します', examples: ['ランチ'] }, en: { summary: 'Suggest a lunch place', examples: ['lunch'] } },
      canHandle: (turn) => /ランチ|lunch/i.test(turn.text),
      handle: async (turn) => [{ text: turn.locale === 'ja' ? '今日はカレーです' : 'Curry today' }],
    };
    bot = await createTestBot(salesTeam({ handlers: [lunch] }));
    expect((await bot.say('u1', 'ランチ'))[0].text).toBe('今日はカレーです');
    expect((await bot.say('u1', '使い方'))[0].text).toContain('今日のランチを提案します');
    expect((await bot.say('u2', 'help'))[0].text).toContain('"lunch"');
  });
});
