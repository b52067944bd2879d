import { createTestBot, type TestBot, type TestBotOptions } from '@kaeru/core/testing';
import { sentOf } from './helpers';

const team = (overrides: Partial<TestBotOptions> = {}): TestBotOptions => ({
  now: '2026-12-07T08:00:00+09:00',
  rooms: [{ id: 'sales', name: '営業部', hearingAt: '09:00', reportAt: '10:00', reportTimes: ['17:00'], members: ['u1', 'u2'], reminderAfterMinutes: 0 }],
  members: [
    { id: 'u1', name: '山田 洋子' },
    { id: 'u2', name: '佐藤 健' },
  ],
  ...overrides,
});

describe('several report times a day', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('posts one report per report time, each once, also across a restart', async () => {
    bot = await createTestBot(team());
    await bot.advanceTo('2026-12-07T10:00:00+09:00');
    await bot.restart();
    await bot.advanceTo('2026-12-07T17:00:00+09:00');
    await bot.restart();
    await bot.advanceTo('2026-12-07T23:00:00+09:00');
    expect(sentOf(bot, 'report').map((r) => r.at)).toEqual(['2026-12-07T01:00:00.000Z', '2026-12-07T08:00:00.000Z']);
    const keys = (await bot.storage.jobs.listByDate('2026-12-07')).filter((j) => j.kind === 'report').map((j) => `${j.key} ${j.status}`);
    expect(keys.sort()).toEqual(['report:2026-12-07:sales sent', 'report:2026-12-07:sales@17:00 sent']);
  });

  it('the later report shows what changed since the first', async () => {
    bot = await createTestBot(team());
    await bot.advanceTo('2026-12-07T10:00:00+09:00');
    await bot.say('u1', '19時');
    await bot.advanceTo('2026-12-07T17:00:00+09:00');
    const [first, second] = sentOf(bot, 'report');
    expect(first.text).not.toMatch(/19:00/);
    expect(second.text).toMatch(/19:00\s+山田 洋子/);
  });

  it('rejects a report time before the hearing, naming the setting', async () => {
    await expect(createTestBot(team({ rooms: [{ id: 'sales', hearingAt: '09:00', reportTimes: ['08:00'], members: [] }] }))).rejects.toThrow(/rooms\[0\]\.reportTimes\[0\]/);
    bot = await createTestBot(team());
  });
});

describe('a change after the report', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('edits every posted report in place where the adapter can edit', async () => {
    bot = await createTestBot(team({ capabilities: { editMessages: true } }));
    await bot.advanceTo('2026-12-07T09:05:00+09:00');
    await bot.say('u1', '18時');
    await bot.advanceTo('2026-12-07T17:00:00+09:00');
    await bot.say('u1', '19時半');
    const refs = sentOf(bot, 'report').map((r) => r.ref);
    expect(bot.edits.map((e) => e.ref).sort()).toEqual([...refs].sort());
    expect(bot.edits.every((e) => /19:30\s+山田 洋子/.test(e.text))).toBe(true);
    // No follow-up line and no second full report.
    expect(bot.sent.filter((s) => s.to.kind === 'room' && s.kind !== 'report')).toEqual([]);
    expect(sentOf(bot, 'report')).toHaveLength(2);
  });

  it('posts one short follow-up line per change where it cannot edit, even with two reports posted', async () => {
    bot = await createTestBot(team());
    await bot.advanceTo('2026-12-07T09:05:00+09:00');
    await bot.say('u1', '18時');
    await bot.advanceTo('2026-12-07T17:00:00+09:00');
    await bot.say('u1', '19時');
    const followUps = bot.sent.filter((s) => s.to.kind === 'room' && s.kind === 'reply');
    expect(followUps.map((f) => f.text)).toEqual(['変更: 山田 洋子 18:00 → 19:00']);
    expect(sentOf(bot, 'report')).toHaveLength(2);
  });

  it('does nothing to reports before the first one is posted', async () => {
    bot = await createTestBot(team());
    await bot.advanceTo('2026-12-07T09:05:00+09:00');
    await bot.say('u1', '18時');
    await bot.say('u1', '19時');
    expect(bot.sent.filter((s) => s.to.kind === 'room')).toEqual([]);
  });
});
