import { ConfigError, InMemoryMetrics, VirtualClock, type Logger } from '@kaeru/core';
// Until core's index re-exports it, the credits API is imported from its folder.
import { CreditGuard, type CpuSource } from '../../packages/core/src/credits';

/** A CPU source the test moves by hand: CPU seconds used so far. */
function fakeCpu(): { source: CpuSource; use(seconds: number): void } {
  let micros = 0;
  return {
    source: () => ({ userMicros: micros, systemMicros: 0 }),
    use(seconds) {
      micros += seconds * 1e6;
    },
  };
}

function recordingLogger(): Logger & { warnings: { message: string; fields?: Record<string, unknown> }[] } {
  const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
  return { warnings, debug() {}, info() {}, error() {}, warn: (message, fields) => void warnings.push({ message, fields }) };
}

const START = '2026-12-07T00:00:00Z';
const MINUTE = 60_000;

describe('CreditGuard', () => {
  it('earns r/60 a minute and spends the vCPU-minutes used (t2.micro)', () => {
    const clock = new VirtualClock(START);
    const cpu = fakeCpu();
    const guard = new CreditGuard({ instance: 't2.micro', initialBalance: 10, clock, cpu: cpu.source });
    // One minute idle: +6/60 = +0.1.
    expect(guard.sample(new Date(Date.parse(START) + MINUTE)).balance).toBeCloseTo(10.1, 10);
    // One minute at 100% of the one vCPU: +0.1 - 1.
    cpu.use(60);
    expect(guard.sample(new Date(Date.parse(START) + 2 * MINUTE)).balance).toBeCloseTo(9.2, 10);
    // Ten minutes at 30%: 10 × (0.1 - 0.3).
    cpu.use(180);
    expect(guard.sample(new Date(Date.parse(START) + 12 * MINUTE)).balance).toBeCloseTo(7.2, 10);
  });

  it('never banks more than the cap (24 hours of earnings)', () => {
    const clock = new VirtualClock(START);
    const guard = new CreditGuard({ instance: 't3.micro', initialBalance: 280, clock, cpu: fakeCpu().source });
    const reading = guard.sample(new Date(Date.parse(START) + 60 * MINUTE));
    expect(reading.cap).toBe(288);
    expect(reading.balance).toBe(288);
  });

  it('in standard mode stops at zero and reports the throttling', () => {
    const clock = new VirtualClock(START);
    const cpu = fakeCpu();
    const guard = new CreditGuard({ instance: 't2.micro', mode: 'standard', initialBalance: 1, clock, cpu: cpu.source });
    cpu.use(600); // ten minutes at 100%
    const reading = guard.sample(new Date(Date.parse(START) + 10 * MINUTE));
    expect(reading.balance).toBe(0);
    expect(reading.throttled).toBe(true);
    expect(reading.surplus).toBe(0);
  });

  it('in unlimited mode goes below zero and counts surplus credits, paid back by later earnings', () => {
    const clock = new VirtualClock(START);
    const cpu = fakeCpu();
    const guard = new CreditGuard({ instance: 't3.micro', mode: 'unlimited', initialBalance: 1, clock, cpu: cpu.source });
    cpu.use(600); // 10 credits spent, 2 earned in ten minutes
    const spent = guard.sample(new Date(Date.parse(START) + 10 * MINUTE));
    expect(spent.balance).toBeCloseTo(-7, 10);
    expect(spent.surplus).toBeCloseTo(7, 10);
    expect(spent.throttled).toBe(false);
    const repaid = guard.sample(new Date(Date.parse(START) + 60 * MINUTE)); // +10 credits idle
    expect(repaid.balance).toBeCloseTo(3, 10);
    expect(repaid.surplus).toBe(0);
  });

  it('warns once, through the logger, when the balance runs out within 7 days, and exports the gauges', async () => {
    const clock = new VirtualClock(START);
    const cpu = fakeCpu();
    const logger = recordingLogger();
    const metrics = new InMemoryMetrics();
    // The original bot: background work at 12% of a t2.micro all day (baseline 10%).
    const guard = new CreditGuard({ instance: 't2.micro', clock, cpu: cpu.source, logger, metrics, sampleEveryMinutes: 15 });
    guard.start();
    for (let hour = 1; hour <= 6; hour++) {
      cpu.use(0.12 * 3600);
      await clock.advanceTo(new Date(Date.parse(START) + hour * 60 * MINUTE));
    }
    const r = guard.reading;
    // Spends 0.12 × 1440 = 172.8 a day, earns 144: 28.8 short a day; about 144 / 28.8 = 5 days.
    expect(r.spendPerDay).toBeCloseTo(172.8, 6);
    expect(r.verdict).toBe('runs_out_soon');
    expect(r.projectedDays).toBeGreaterThan(4.5);
    expect(r.projectedDays).toBeLessThan(5);
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0].message).toMatch(/t2\.micro run out in about [45]\.\d days/);
    expect(logger.warnings[0].fields).toMatchObject({ instance: 't2.micro', mode: 'standard' });
    expect(metrics.get('kaeru_cpu_credit_balance', { instance: 't2.micro', mode: 'standard' })).toBeCloseTo(r.balance, 10);
    expect(metrics.get('kaeru_cpu_credit_projected_days', { instance: 't2.micro', mode: 'standard' })).toBeCloseTo(r.projectedDays, 10);
    guard.stop();
  });

  it('does not warn when earnings cover the use', async () => {
    const clock = new VirtualClock(START);
    const cpu = fakeCpu();
    const logger = recordingLogger();
    const guard = new CreditGuard({ instance: 't2.micro', clock, cpu: cpu.source, logger });
    guard.start();
    for (let hour = 1; hour <= 48; hour++) {
      cpu.use(0.01 * 3600); // 1% of a vCPU: a tenth of the baseline
      await clock.advanceTo(new Date(Date.parse(START) + hour * 60 * MINUTE));
    }
    expect(guard.reading.verdict).toBe('sustainable');
    expect(guard.reading.projectedDays).toBe(Number.POSITIVE_INFINITY);
    expect(guard.reading.balance).toBe(144);
    expect(logger.warnings).toHaveLength(0);
    guard.stop();
  });

  it('gives no verdict from the first minutes alone (start-up is not a trend)', () => {
    const clock = new VirtualClock(START);
    const cpu = fakeCpu();
    const logger = recordingLogger();
    const guard = new CreditGuard({ instance: 't2.micro', clock, cpu: cpu.source, logger });
    cpu.use(30); // migrations and seeding
    expect(guard.sample(new Date(Date.parse(START) + 5 * MINUTE)).verdict).toBe('unknown');
    expect(logger.warnings).toHaveLength(0);
  });

  it('arms one sparse timer at a time, never more often than every 5 minutes', async () => {
    const clock = new VirtualClock(START);
    const guard = new CreditGuard({ instance: 't2.micro', clock, cpu: fakeCpu().source, sampleEveryMinutes: 5 });
    guard.start();
    expect(clock.pendingTimers).toBe(1);
    await clock.advanceTo(new Date(Date.parse(START) + 60 * MINUTE));
    expect(clock.pendingTimers).toBe(1);
    expect(guard.reading.at.toISOString()).toBe('2026-12-07T01:00:00.000Z');
    guard.stop();
    expect(clock.pendingTimers).toBe(0);
    expect(() => new CreditGuard({ instance: 't2.micro', clock, sampleEveryMinutes: 1 })).toThrow(/credits\.sampleEveryMinutes/);
  });

  it('rejects an unknown instance with a ConfigError naming `instance` and the valid names', () => {
    const clock = new VirtualClock(START);
    let error: unknown;
    try {
      new CreditGuard({ instance: 't2.nano-ish', clock });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe('instance');
    for (const name of ['t2.micro', 't2.small', 't3.micro', 't3.small', 't4g.micro', 'B1s']) expect((error as Error).message).toContain(name);
  });

  it('knows Azure B1s by either spelling, and that it has no unlimited mode', () => {
    const clock = new VirtualClock(START);
    expect(new CreditGuard({ instance: 'Standard_B1s', clock }).spec.name).toBe('B1s');
    expect(() => new CreditGuard({ instance: 'b1s', mode: 'unlimited', clock })).toThrow(/credits\.mode/);
  });
});
