import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { salesTeam } from './fixtures';

describe('report', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  const fiveMembers = salesTeam({
    rooms: [{ id: 'sales', name: '営業部', members: ['u1', 'u2', 'u3', 'u4', 'u5'] }],
    members: [
      { id: 'u1', name: '山田 洋子' },
      { id: 'u2', name: 'Ken Tanaka', locale: 'en' },
      { id: 'u3', name: '佐藤 健' },
      { id: 'u4', name: '鈴木 一郎' },
      { id: 'u5', name: '高橋 花子' },
    ],
  });

  it('posts the board at the report time: ordered by time, 頃, late marked, 休み, 未回答, counts', async () => {
    bot = await createTestBot(fiveMembers);
    await bot.advanceTo('2026-12-07T09:00:00+09:00');
    await bot.say('u1', '20時半');
    await bot.say('u2', 'around 6:30pm');
    await bot.say('u3', '今日は休み');
    await bot.say('u4', '定時');
    await bot.advanceTo('2026-12-07T09:59:00+09:00');
    expect(bot.sent.filter((s) => s.kind === 'report')).toEqual([]);

    await bot.advanceTo('2026-12-07T10:00:00+09:00');
    const reports = bot.sent.filter((s) => s.kind === 'report');
    expect(reports).toHaveLength(1);
    expect(reports[0].to).toEqual({ kind: 'room', id: 'sales' });
    const lines = reports[0].text.split('\n');
    expect(lines[0]).toBe('【営業部】12/7（月）の退社予定');
    expect(lines.slice(1, 6).map((l) => l.replace(/\s+/g, ' '))).toEqual([
      '18:00 鈴木 一郎',
      '18:30頃 Ken Tanaka',
      '20:30 山田 洋子 🌙',
      '休み 佐藤 健',
      '未回答 高橋 花子',
    ]);
    expect(lines.at(-1)).toBe('回答 4/5人・未回答 1人・休み 1人・20:00以降 1人');

    await bot.advanceTo('2026-12-07T23:00:00+09:00');
    expect(bot.sent.filter((s) => s.kind === 'report')).toHaveLength(1);
  });

  it('「レポート」 in the room shows the current board there; "report" in a DM answers in English', async () => {
    bot = await createTestBot(fiveMembers);
    await bot.advanceTo('2026-12-07T09:30:00+09:00');
    await bot.say('u4', '19時');
    const [inRoom] = await bot.say('u1', 'レポート', { room: 'sales' });
    expect(inRoom.to).toEqual({ kind: 'room', id: 'sales' });
    expect(inRoom.text).toContain('19:00');
    expect(inRoom.text).toContain('鈴木 一郎');
    const [inDm] = await bot.say('u2', 'report');
    expect(inDm.to).toEqual({ kind: 'member', id: 'u2' });
    expect(inDm.text).toContain('leave times for Mon 12/7');
    expect(inDm.text).toMatch(/no answer\s+山田 洋子/);
  });

  it('a change after the report adds one short follow-up line, never a second board', async () => {
    bot = await createTestBot(salesTeam());
    await bot.advanceTo('2026-12-07T09:10:00+09:00');
    await bot.say('u1', '18:30');
    await bot.advanceTo('2026-12-07T10:00:00+09:00');
    await bot.say('u1', '19時に変更');
    const toRoom = bot.sent.filter((s) => s.to.kind === 'room');
    expect(toRoom.map((s) => s.kind)).toEqual(['report', 'reply']);
    expect(toRoom[1].text).toBe('変更: 山田 洋子 18:30 → 19:00');
  });

  it('where the adapter can edit, the posted report is updated in place', async () => {
    bot = await createTestBot(salesTeam({ capabilities: { editMessages: true } }));
    await bot.advanceTo('2026-12-07T10:00:00+09:00');
    const report = bot.sent.find((s) => s.kind === 'report')!;
    await bot.say('u3', '21時');
    expect(bot.sent.filter((s) => s.to.kind === 'room')).toHaveLength(1);
    expect(bot.edits).toHaveLength(1);
    expect(bot.edits[0].ref).toBe(report.ref);
    expect(bot.edits[0].text).toMatch(/21:00\s+佐藤 健 🌙/);
  });
});
