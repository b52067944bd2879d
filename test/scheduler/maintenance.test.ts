import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { ConfigError } from '@kaeru/core';
import { salesTeam } from '../conversation/fixtures';

/** Retention and the credit guard ride on the scheduler's own wake-ups: no timer of their own. */
describe('maintenance on the scheduler cycle', () => {
  let bot: TestBot | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  it('purges declarations older than the retention setting, keeping recent ones', async () => {
    bot = await createTestBot(salesTeam({ now: '2026-12-01T09:05:00+09:00', retention: { days: 7 } }));
    await bot.say('u1', '18時');
    await bot.advanceTo('2026-12-03T09:05:00+09:00');
    await bot.say('u1', '19時');
    expect(await bot.declaration('u1', '2026-12-01')).toEqual({ state: 'leaving', time: '18:00' });
    // 12/9 is more than 7 days after 12/1 but not after 12/3
    await bot.advanceTo('2026-12-09T12:00:00+09:00');
    expect(await bot.declaration('u1', '2026-12-01')).toBeUndefined();
    expect(await bot.storage.declarations.history('u1', '2026-12-01')).toEqual([]);
    expect(await bot.declaration('u1', '2026-12-03')).toEqual({ state: 'leaving', time: '19:00' });
    expect(bot.clock.pendingTimers).toBe(1);
  });

  it('with credits configured, the guard samples on scheduler cycles and exports its gauges', async () => {
    bot = await createTestBot(salesTeam({ credits: { instance: 't2.micro' } }));
    const labels = { instance: 't2.micro', mode: 'standard' };
    await bot.advanceTo('2026-12-07T10:00:00+09:00');
    // it starts at the cap (24 h of earnings: 144 credits) and a test process spends little
    const balance = bot.metrics.get('kaeru_cpu_credit_balance', labels);
    expect(balance).toBeGreaterThan(140);
    expect(balance).toBeLessThanOrEqual(144);
    // no timer of its own: only the scheduler's one
    expect(bot.clock.pendingTimers).toBe(1);
  });

  it('an unknown instance or a too short retention stops the start naming the setting', async () => {
    await expect(createTestBot(salesTeam({ credits: { instance: 't9.huge' } }))).rejects.toThrow(ConfigError);
    await expect(createTestBot(salesTeam({ credits: { instance: 't9.huge' } }))).rejects.toThrow(/credits\.instance.*t2\.micro/);
    await expect(createTestBot(salesTeam({ retention: { days: 3 } }))).rejects.toThrow(/retention\.days/);
  });
});
