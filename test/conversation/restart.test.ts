import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { salesTeam } from './fixtures';

describe('restart', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('never repeats a sent hearing after a restart', async () => {
    bot = await createTestBot(salesTeam());
    await bot.advanceTo('2026-12-07T09:01:00+09:00');
    expect(bot.sent.filter((s) => s.kind === 'hearing')).toHaveLength(3);
    await bot.restart();
    await bot.advanceTo('2026-12-07T09:30:00+09:00');
    expect(bot.sent.filter((s) => s.kind === 'hearing')).toHaveLength(3);
  });

  it('catches up an unsent report when it comes back on the same day', async () => {
    bot = await createTestBot(salesTeam());
    await bot.advanceTo('2026-12-07T09:00:00+09:00');
    await bot.say('u1', '18時');
    // the process was down over 10:00; it comes back at 11:00
    await bot.restart({ downUntil: '2026-12-07T11:00:00+09:00' });
    const reports = bot.sent.filter((s) => s.kind === 'report');
    expect(reports).toHaveLength(1);
    expect(reports[0].at).toBe('2026-12-07T02:00:00.000Z');
    expect(reports[0].text).toMatch(/18:00\s+山田 洋子/);
    expect(bot.sent.filter((s) => s.kind === 'hearing')).toHaveLength(3);
  });

  it('sends a hearing missed while down if it is still before the report, not after', async () => {
    bot = await createTestBot(salesTeam({ now: '2026-12-07T08:00:00+09:00' }));
    // down from 08:00 to 09:40: nothing fired; the restart catches up
    await bot.restart({ downUntil: '2026-12-07T09:40:00+09:00' });
    expect(bot.sent.filter((s) => s.kind === 'hearing').map((s) => s.at)).toEqual(Array(3).fill('2026-12-07T00:40:00.000Z'));
    await bot.restart({ downUntil: '2026-12-08T10:30:00+09:00' });
    // the 8th's hearing was missed past its report: no hearing at 10:30, only the day's report
    expect(bot.sent.filter((s) => s.kind === 'hearing' && s.at.startsWith('2026-12-08'))).toEqual([]);
    expect(bot.sent.filter((s) => s.kind === 'report' && s.at.startsWith('2026-12-08'))).toHaveLength(1);
  });

  it('records a failed send and does not retry it forever', async () => {
    bot = await createTestBot(salesTeam());
    bot.adapter.failNext = 1;
    await bot.advanceTo('2026-12-07T09:00:00+09:00');
    const jobs = await bot.storage.jobs.listByDate('2026-12-07');
    const failed = jobs.filter((j) => j.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toContain('simulated send failure');
    expect(jobs.filter((j) => j.kind === 'hearing' && j.status === 'sent')).toHaveLength(2);
  });
});
