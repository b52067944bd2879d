import type { LocalClock } from './clock';
import type { Scan } from './scan';
import { durationMinutes, INVALID, type Read, type TimeReading } from './time-reading';

/**
 * Times from now: 「1時間後」「あと30分で」「30分後に帰ります」「1時間半後」 "in 2 hours",
 * "in 30 min", "an hour from now". The result is now (in the member's zone) plus the
 * duration, to the exact minute: rounding would store a time the member did not say.
 */

/** The digits may not continue a clock time: 「18時30分で」 is a time, not "in 30 minutes". */
const JA_DURATION = '(?<![\\d時:.]\\s?)(\\d+(?:\\.\\d+)?)\\s?(時間)(?:\\s?(\\d{1,2})\\s?分|(半))?|(?<![\\d時:.]\\s?)(\\d{1,3})\\s?(分)';
/** あと1時間, あと30分で, あと1時間半くらい */
const JA_REMAINING = new RegExp(`あと\\s?(?:${JA_DURATION})\\s?(くらい|ぐらい|ほど|程度|位)?\\s?(?:後|で)?`, 'g');
/** 1時間後, 30分後, 1時間半くらいで, 30分したら */
const JA_AFTER = new RegExp(`(?:${JA_DURATION})\\s?(くらい|ぐらい|ほど|程度|位)?\\s?(?:後|ご|経ったら|したら|で)`, 'g');
const EN_DURATION = '(\\d+(?:\\.\\d+)?|an?|one|two|three|half\\san?)\\s?(hours?|hrs?|h|minutes?|mins?|m)((?:\\s(?:and\\s)?)?(?:a\\s)?half)?';
/** in 2 hours, in about 30 min, in an hour and a half */
const EN_IN = new RegExp(`(?<![a-z])in\\s(about\\s|around\\s|roughly\\s|approx\\s)?${EN_DURATION}(?![a-z])`, 'g');
/** an hour from now, 30 minutes later */
const EN_FROM_NOW = new RegExp(`(?<![a-z])${EN_DURATION}\\s(?:from\\snow|later)`, 'g');

/** 「今から帰ります」 "leaving now": now itself. */
const NOW = /今から|いまから|今すぐ|right\snow|(?<=(?:leaving|heading\sout|going\shome|off|leave)\s)now(?![a-z])/g;

/** Reads and consumes a time relative to now; only today has a "now". */
export function readRelativeTime(scan: Scan, clock: LocalClock, isToday: boolean): Read<TimeReading> {
  const found: { minutes: number | undefined; approx: boolean }[] = [];
  const ja = (_: string, g: (string | undefined)[]) => {
    const [hours, hourUnit, extra, half, mins, minUnit, approx] = g;
    const minutes = hourUnit ? durationMinutes(hours, '時間', extra, half) : durationMinutes(mins, minUnit!);
    found.push({ minutes, approx: Boolean(approx) });
  };
  scan.take(JA_REMAINING, ja);
  scan.take(JA_AFTER, ja);
  const en = (_: string, [approx, amount, unit, half]: (string | undefined)[]) => {
    found.push({ minutes: durationMinutes(amount, unit!, undefined, half ? 'half' : undefined), approx: Boolean(approx) });
  };
  scan.take(EN_IN, en);
  scan.take(EN_FROM_NOW, (m, [amount, unit, half]) => en(m, [undefined, amount, unit, half]));
  scan.take(NOW, () => {
    found.push({ minutes: 0, approx: false });
  });
  if (found.length === 0) return undefined;
  const [first] = found;
  if (found.length > 1 || first.minutes === undefined || !isToday) return INVALID;
  return { minutes: clock.nowMinutes + first.minutes, ...(first.approx ? { approx: true } : {}) };
}
