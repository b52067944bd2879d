import { createTestBot, type TestBot } from '@kaeru/core/testing';

describe('search', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await createTestBot({
      now: '2026-12-07T09:05:00+09:00',
      rooms: [{ id: 'sales', name: '営業部', members: ['tanaka', 'ken', 'sato', 'suzuki'] }],
      members: [
        { id: 'tanaka', name: '田中 太郎' },
        { id: 'ken', name: 'Ken Tanaka', locale: 'en', aliases: ['田中ケン'] },
        { id: 'sato', name: '佐藤 花子' },
        { id: 'suzuki', name: 'ｽｽﾞｷ ｲﾁﾛｳ' },
      ],
    });
    await bot.say('tanaka', '19時半');
    await bot.say('ken', 'around 8pm');
    await bot.say('sato', '定時');
  });
  afterEach(() => bot.close());

  it('「田中さんは何時に帰る？」 lists every matching member with today’s declaration', async () => {
    const [reply] = await bot.say('sato', '田中さんは何時に帰る？');
    expect(reply.text.split('\n')).toEqual(['Ken Tanaka: 20:00頃', '田中 太郎: 19:30']); // by name
  });

  it('matches ignoring case, width and spaces, and says plainly when nobody matches', async () => {
    expect((await bot.say('ken', 'when is tanaka leaving?'))[0].text).toContain('Ken Tanaka: around 20:00');
    expect((await bot.say('sato', '佐藤さんの退社予定'))[0].text).toBe('佐藤 花子: 18:00');
    expect((await bot.say('sato', 'スズキさんは何時に帰る？'))[0].text).toBe('ｽｽﾞｷ ｲﾁﾛｳ: 未回答');
    expect((await bot.say('sato', '山本さんは何時に帰る？'))[0].text).toBe('「山本」に当てはまるメンバーはいません。');
  });

  it('「19時以降の人」 lists members by time', async () => {
    const [ja] = await bot.say('sato', '19時以降の人');
    expect(ja.text.split('\n')).toEqual(['19:00以降に帰る人:', '19:30  田中 太郎', '20:00頃  Ken Tanaka']);
    const [en] = await bot.say('ken', 'who leaves after 9pm?');
    expect(en.text).toBe('Nobody leaves at or after 21:00.');
  });

  it('a name matching many members lists ten and says how many more', async () => {
    const many = await createTestBot({
      now: '2026-12-07T09:05:00+09:00',
      rooms: [{ id: 'big', members: Array.from({ length: 13 }, (_, i) => `t${i}`) }],
      members: Array.from({ length: 13 }, (_, i) => ({ id: `t${i}`, name: `田中 ${String(i).padStart(2, '0')}` })),
    });
    await many.say('t3', '19時');
    const [reply] = await many.say('t0', '田中さんは何時に帰る？');
    const lines = reply.text.split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[3]).toBe('田中 03: 19:00');
    expect(lines[10]).toBe('…ほか 3人（名前をもう少し詳しく書くと絞り込めます）');
    await many.close();
  });
});
