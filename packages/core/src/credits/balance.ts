import type { CreditMode, InstanceSpec } from './instances';

/** Minutes in a day, for per-day rates. */
export const MINUTES_PER_DAY = 1440;

/** A simulated credit balance; negative only in unlimited mode (surplus credits spent). */
export interface CreditBalance {
  balance: number;
  /** Standard mode hit zero: the real instance would now be held to its baseline. */
  throttled: boolean;
}

/**
 * AWS's per-minute accounting over `minutes` in which `cpuSeconds` of CPU were used
 * (spread evenly): each minute earns `earnPerHour / 60` and spends vCPU-minutes used,
 * i.e. `cpuSeconds / 60` in all. The balance never exceeds the cap; in standard mode it
 * never goes below zero (the instance is throttled instead), in unlimited mode it goes
 * negative (surplus credits, paid back by later earnings before the balance grows, billed
 * if not). With an even spread the minute-by-minute result has this closed form.
 */
export function stepBalance(spec: InstanceSpec, mode: CreditMode, from: CreditBalance, minutes: number, cpuSeconds: number): CreditBalance {
  if (minutes <= 0) return from;
  const net = (spec.earnPerHour / 60) * minutes - cpuSeconds / 60;
  let balance = from.balance + net;
  if (net >= 0) balance = Math.min(spec.cap, balance);
  if (mode === 'standard' && balance <= 0) return { balance: 0, throttled: true };
  return { balance, throttled: false };
}

/** Credits a day spent by a CPU use of `cpuSecondsPerMinute` on average. */
export function spendPerDay(cpuSecondsPerMinute: number): number {
  return (cpuSecondsPerMinute / 60) * MINUTES_PER_DAY;
}

/**
 * Days until the balance reaches zero at a steady daily spend (throttling in standard
 * mode, billed surplus in unlimited mode); `Infinity` when earnings cover the spend.
 */
export function daysToEmpty(spec: InstanceSpec, balance: number, creditsSpentPerDay: number): number {
  const net = creditsSpentPerDay - spec.earnPerHour * 24;
  if (net <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(0, balance) / net;
}
