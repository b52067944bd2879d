import type { LogFields, Logger } from '@kaeru/core';
import { createTestBot, type TestBot, type TestBotOptions } from '@kaeru/core/testing';
import { sentOf } from './helpers';

const team = (size: number, overrides: Partial<TestBotOptions> = {}): TestBotOptions => {
  const ids = Array.from({ length: size }, (_, i) => `m${String(i).padStart(4, '0')}`);
  return {
    now: '2026-12-07T08:00:00+09:00',
    rooms: [{ id: 'all', name: '全社', members: ids, reminderAfterMinutes: 0 }],
    members: ids.map((id) => ({ id, name: id })),
    ...overrides,
  };
};

const ms = (iso: string): number => Date.parse(iso);
const NINE = ms('2026-12-07T00:00:00.000Z');

describe('outbox: rate limits, Retry-After and retries', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('a 429 burst: every member is asked once, and each retry waits the Retry-After', async () => {
    bot = await createTestBot(team(5));
    bot.adapter.rateLimitNext(3, 2_000);
    await bot.advanceTo('2026-12-07T09:00:30+09:00');
    const hearings = sentOf(bot, 'hearing');
    expect(hearings.map((h) => h.to.id).sort()).toEqual(['m0000', 'm0001', 'm0002', 'm0003', 'm0004']);
    const attempts = bot.adapter.attempts.filter((a) => a.at < '2026-12-07T00:01:00.000Z');
    expect(attempts.map((a) => a.outcome)).toEqual(['rate_limited', 'rate_limited', 'rate_limited', 'sent', 'sent', 'sent', 'sent', 'sent']);
    expect(attempts.slice(0, 4).map((a) => ms(a.at) - NINE)).toEqual([0, 2_000, 4_000, 6_000]);
    // Nothing was sent while the platform said to wait.
    expect(hearings.every((h) => ms(h.at) - NINE >= 6_000)).toBe(true);
    expect(bot.metrics.get('kaeru_send_retries_total', { adapter: 'test', kind: 'hearing', reason: 'rate_limited' })).toBe(3);
    expect((await bot.storage.jobs.listByDate('2026-12-07')).filter((j) => j.kind === 'hearing').every((j) => j.status === 'sent')).toBe(true);
  });

  it('spreads a large fan-out at the rate the adapter declares, dropping nobody', async () => {
    bot = await createTestBot(team(300, { capabilities: { sendsPerSecond: 20 } }));
    await bot.advanceTo('2026-12-07T09:05:00+09:00');
    const hearings = sentOf(bot, 'hearing');
    expect(new Set(hearings.map((h) => h.to.id)).size).toBe(300);
    expect(hearings).toHaveLength(300);
    // 300 sends at 20/s with a burst of 20 take 14 s, never more than 20 + 20 in any second.
    const last = ms(hearings[hearings.length - 1].at) - NINE;
    expect(last).toBeGreaterThanOrEqual(14_000);
    expect(last).toBeLessThan(15_000);
    const perSecond = new Map<number, number>();
    for (const h of hearings) perSecond.set(Math.floor((ms(h.at) - NINE) / 1000), (perSecond.get(Math.floor((ms(h.at) - NINE) / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(40);
  }, 60_000);

  it('retries a transient failure with growing, jittered backoff', async () => {
    bot = await createTestBot(team(1));
    bot.adapter.failTransientlyNext(2);
    await bot.advanceTo('2026-12-07T09:01:00+09:00');
    expect(sentOf(bot, 'hearing')).toHaveLength(1);
    const at = bot.adapter.attempts.map((a) => ms(a.at) - NINE);
    expect(bot.adapter.attempts.map((a) => a.outcome)).toEqual(['transient', 'transient', 'sent']);
    // First wait in [0.5 s, 1 s], second in [1 s, 2 s].
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(500);
    expect(at[1] - at[0]).toBeLessThanOrEqual(1_000);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(1_000);
    expect(at[2] - at[1]).toBeLessThanOrEqual(2_000);
  });

  it('gives up after the last transient attempt: the job records the reason, the log and the metric show it', async () => {
    const errors: LogFields[] = [];
    const logger: Logger = { debug() {}, info() {}, warn() {}, error: (_m, fields) => void errors.push(fields ?? {}) };
    bot = await createTestBot(team(1, { logger }));
    bot.adapter.failTransientlyNext(99);
    await bot.advanceTo('2026-12-07T09:10:00+09:00');
    expect(bot.adapter.attempts).toHaveLength(5);
    const job = await bot.storage.jobs.get('hearing:2026-12-07:m0000');
    expect(job).toMatchObject({ status: 'failed' });
    expect(job?.reason).toMatch(/simulated timeout/);
    expect(bot.metrics.get('kaeru_send_failures_total', { adapter: 'test', kind: 'hearing' })).toBe(1);
    expect(errors.some((e) => e.target === 'm0000')).toBe(true);
  });
});
