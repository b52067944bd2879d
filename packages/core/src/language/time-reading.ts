import { timeOfMinutes } from '../calendar/zoned';

/** A leave time as read, before it becomes `time` / `lateNight` / `range` fields. */
export interface TimeReading {
  /** Minutes since the business date's midnight; ≥ 1440 is after midnight (「25時」). */
  minutes: number;
  approx?: boolean;
  range?: { from: number; to: number };
  alternatives?: string[];
}

/** A reader saw something time-like it cannot accept (「18時75分」, two unrelated times). */
export const INVALID = 'invalid' as const;
export type Read<T> = T | typeof INVALID | undefined;

/** The contract fields of a reading. */
export function timeFields(reading: TimeReading): {
  time: string;
  lateNight?: boolean;
  approx?: boolean;
  range?: { from: string; to: string };
  alternatives?: string[];
} {
  return {
    time: timeOfMinutes(reading.minutes),
    ...(reading.minutes >= 1440 ? { lateNight: true } : {}),
    ...(reading.approx ? { approx: true } : {}),
    ...(reading.range ? { range: { from: timeOfMinutes(reading.range.from), to: timeOfMinutes(reading.range.to) } } : {}),
    ...(reading.alternatives?.length ? { alternatives: reading.alternatives } : {}),
  };
}

/** Durations: 「1時間半」「30分」 "2 hours", "an hour and a half", "90 min" → minutes. */
export function durationMinutes(amount: string | undefined, unit: string, extraMinutes?: string, half?: string): number | undefined {
  const word = (amount ?? '').trim();
  const n = /^\d+(\.\d+)?$/.test(word) ? Number(word)
    : word === 'an' || word === 'a' || word === 'one' || word === '' ? 1
    : word === 'two' ? 2 : word === 'three' ? 3
    : /^half an?$/.test(word) ? 0.5 : undefined;
  if (n === undefined || !Number.isFinite(n)) return undefined;
  const hours = /^(時間|h|hr|hrs|hour|hours)$/.test(unit);
  let minutes = hours ? n * 60 : n;
  if (extraMinutes) minutes += Number(extraMinutes);
  if (half) minutes += hours ? 30 : 0;
  if (minutes <= 0 || minutes > 24 * 60) return undefined;
  return Math.round(minutes);
}
