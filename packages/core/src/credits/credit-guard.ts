import { ConfigError } from '../errors';
import type { Clock, TimerHandle } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import type { Metrics } from '../ports/metrics';
import { daysToEmpty, spendPerDay, stepBalance, type CreditBalance } from './balance';
import { instanceSpec, type CreditMode, type InstanceSpec } from './instances';

/** CPU time used by this process so far, in microseconds. */
export interface CpuSample {
  userMicros: number;
  systemMicros: number;
}

/** Where the guard reads CPU time; injected so tests can drive it. */
export type CpuSource = () => CpuSample;

/** The process's own accounting (`process.cpuUsage`). */
export const processCpu: CpuSource = () => {
  const used = process.cpuUsage();
  return { userMicros: used.user, systemMicros: used.system };
};

export interface CreditGuardOptions {
  /** Instance type, e.g. `t2.micro` (see `INSTANCES`). */
  instance: string;
  /** Defaults to the type's own default (standard for t2 and B1s, unlimited for t3/t4g). */
  mode?: CreditMode;
  /** Credits at start; the cap by default (a long-running, lightly used instance sits there). */
  initialBalance?: number;
  clock: Clock;
  cpu?: CpuSource;
  metrics?: Metrics;
  logger?: Logger;
  /** Warn when the projection says the balance runs out within this many days (default 7). */
  warnWithinDays?: number;
  /** The guard's own timer, when `start()` is used: at least 5 (default 15) minutes. */
  sampleEveryMinutes?: number;
  /** No verdict before this much history (default 60 minutes): start-up alone is not a trend. */
  minWindowMinutes?: number;
}

export type CreditVerdict = 'unknown' | 'sustainable' | 'depleting' | 'runs_out_soon';

/** What the guard knows after a sample. */
export interface CreditReading {
  instance: string;
  mode: CreditMode;
  at: Date;
  balance: number;
  cap: number;
  /** Surplus credits spent beyond zero (unlimited mode; billed unless earned back). */
  surplus: number;
  throttled: boolean;
  /** Credits a day at the average CPU use of the trailing window (up to 24 hours). */
  spendPerDay: number;
  earnPerDay: number;
  /** Days until the balance reaches zero at that rate; `Infinity` when sustainable. */
  projectedDays: number;
  windowMinutes: number;
  verdict: CreditVerdict;
}

const MINUTE = 60_000;
const DAY_MS = 1440 * MINUTE;
/** The guard never wakes the process more often than this by itself. */
const MIN_SAMPLE_MINUTES = 5;

/**
 * Keeps a simulated CPU-credit balance of a burstable instance from this process's own CPU
 * time, exports it as gauges (`kaeru_cpu_credit_balance`, `kaeru_cpu_credit_projected_days`)
 * and warns when the balance would run out within a week: the warning that would have
 * saved the bot kaeru was born from. It costs a `process.cpuUsage()` call and some
 * arithmetic per sample, taken when the scheduler calls `sample()` on its cycles (no wake-up
 * of its own) or on one sparse timer armed by `start()`.
 *
 * ```ts
 * const guard = new CreditGuard({ instance: 't2.micro', clock, metrics, logger });
 * guard.start(); // or call guard.sample(now) from timers that already fire
 * ```
 */
export class CreditGuard {
  readonly spec: InstanceSpec;
  readonly mode: CreditMode;
  private readonly cpu: CpuSource;
  private readonly logger: Logger;
  private readonly warnWithinDays: number;
  private readonly everyMs: number;
  private readonly minWindowMs: number;
  private state: CreditBalance;
  private last: { at: number; cpuSeconds: number };
  /** Trailing samples (at most a day, plus the one just before it) for the spend rate. */
  private history: { at: number; cpuSeconds: number }[];
  private timer?: TimerHandle;
  private warnedAt?: number;
  private current: CreditReading;

  constructor(private readonly options: CreditGuardOptions) {
    this.spec = instanceSpec(options.instance);
    this.mode = options.mode ?? this.spec.defaultMode;
    if (this.mode !== 'standard' && this.mode !== 'unlimited')
      throw new ConfigError('credits.mode', `"${String(this.mode)}" is not a credit mode`, 'use "standard" or "unlimited"');
    if (this.mode === 'unlimited' && !this.spec.unlimited)
      throw new ConfigError('credits.mode', `${this.spec.name} has no unlimited mode`, 'use "standard"');
    const minutes = options.sampleEveryMinutes ?? 15;
    if (!(minutes >= MIN_SAMPLE_MINUTES))
      throw new ConfigError('credits.sampleEveryMinutes', `${String(minutes)} is too often`, `use ${MIN_SAMPLE_MINUTES} minutes or more (the guard must not cost what it measures)`);
    const initial = options.initialBalance ?? this.spec.cap;
    if (!(initial >= 0 && initial <= this.spec.cap))
      throw new ConfigError('credits.initialBalance', `${String(initial)} is outside 0..${this.spec.cap}`, `give a balance between 0 and the ${this.spec.name} cap`);
    this.cpu = options.cpu ?? processCpu;
    this.logger = options.logger ?? silentLogger;
    this.warnWithinDays = options.warnWithinDays ?? 7;
    this.everyMs = minutes * MINUTE;
    this.minWindowMs = (options.minWindowMinutes ?? 60) * MINUTE;
    this.state = { balance: initial, throttled: false };
    this.last = { at: options.clock.now().getTime(), cpuSeconds: this.cpuSeconds() };
    this.history = [this.last];
    this.current = this.read(this.last.at);
    this.publish();
  }

  /** The latest reading. */
  get reading(): CreditReading {
    return this.current;
  }

  /** Arms the sparse timer (one `setTimer`, re-armed after each sample; never an interval). */
  start(): void {
    this.timer?.cancel();
    const at = new Date(this.options.clock.now().getTime() + this.everyMs);
    this.timer = this.options.clock.setTimer(at, () => {
      this.sample();
      this.start();
    });
  }

  /** Disarms the timer; readings stay. */
  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  /** Accounts the CPU used since the last sample, updates the gauges, warns if needed. */
  sample(now: Date = this.options.clock.now()): CreditReading {
    const at = now.getTime();
    const cpuSeconds = this.cpuSeconds();
    // A clock that went back restarts the time base instead of earning negative minutes.
    const minutes = Math.max(0, (at - this.last.at) / MINUTE);
    this.state = stepBalance(this.spec, this.mode, this.state, minutes, Math.max(0, cpuSeconds - this.last.cpuSeconds));
    this.last = { at, cpuSeconds };
    this.history.push(this.last);
    while (this.history.length > 2 && this.history[1].at <= at - DAY_MS) this.history.shift();
    this.current = this.read(at);
    this.publish();
    this.maybeWarn(at);
    return this.current;
  }

  private cpuSeconds(): number {
    const s = this.cpu();
    return (s.userMicros + s.systemMicros) / 1e6;
  }

  private read(at: number): CreditReading {
    const first = this.history[0];
    const windowMs = Math.max(0, at - first.at);
    const perMinute = windowMs > 0 ? (this.last.cpuSeconds - first.cpuSeconds) / (windowMs / MINUTE) : 0;
    const spend = spendPerDay(perMinute);
    const days = daysToEmpty(this.spec, this.state.balance, spend);
    let verdict: CreditVerdict = 'unknown';
    if (windowMs >= this.minWindowMs) verdict = days === Number.POSITIVE_INFINITY ? 'sustainable' : days <= this.warnWithinDays ? 'runs_out_soon' : 'depleting';
    return {
      instance: this.spec.name,
      mode: this.mode,
      at: new Date(at),
      balance: this.state.balance,
      cap: this.spec.cap,
      surplus: Math.max(0, -this.state.balance),
      throttled: this.state.throttled,
      spendPerDay: spend,
      earnPerDay: this.spec.earnPerHour * 24,
      projectedDays: days,
      windowMinutes: windowMs / MINUTE,
      verdict,
    };
  }

  private publish(): void {
    const labels = { instance: this.spec.name, mode: this.mode };
    this.options.metrics?.set('kaeru_cpu_credit_balance', this.current.balance, labels);
    // +Inf (sustainable) is a valid Prometheus sample value.
    this.options.metrics?.set('kaeru_cpu_credit_projected_days', this.current.projectedDays, labels);
  }

  /** Once when the projection crosses into "within a week", then at most daily while it stays. */
  private maybeWarn(at: number): void {
    const r = this.current;
    if (r.verdict !== 'runs_out_soon') {
      this.warnedAt = undefined;
      return;
    }
    if (this.warnedAt !== undefined && at - this.warnedAt < DAY_MS) return;
    this.warnedAt = at;
    const then = this.mode === 'standard' ? `the instance will then be held to its ${this.spec.baselinePercent}% baseline` : 'surplus credits will then be billed';
    this.logger.warn(`CPU credits of this ${this.spec.name} run out in about ${r.projectedDays.toFixed(1)} days at the current use; ${then}`, {
      instance: this.spec.name,
      mode: this.mode,
      balance: Number(r.balance.toFixed(2)),
      spendPerDay: Number(r.spendPerDay.toFixed(2)),
      earnPerDay: r.earnPerDay,
      projectedDays: Number(r.projectedDays.toFixed(2)),
    });
  }
}
