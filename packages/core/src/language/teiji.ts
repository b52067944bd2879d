import type { LocalClock } from './clock';
import type { Scan } from './scan';
import { durationMinutes, INVALID, type Read, type TimeReading } from './time-reading';

/**
 * 定時 (the room's standard leave time) and offsets from it: 「定時で」 "usual time",
 * 「定時+1」「定時+30分」「定時の1時間後」「定時から30分」「1時間残業」
 * "an hour after the usual time". An offset without a unit is hours up to 9 and minutes
 * from 10 (「定時+1」 is an hour, 「定時+30」 half an hour).
 */

/** 定時, but not inside 予定時刻 / 予定時間 / 所定時間 (planned / prescribed time). */
const TEIJI =
  '(?:(?<![予規所設固指])定時(?![間刻])|いつも(?:通り|どおり)(?:の時間)?|いつもの時間|通常(?:通り|どおり)|' +
  '(?<![a-z])(?:teiji|(?:the\\s)?(?:usual|regular|normal|standard)\\s(?:time|hour)|the\\susual|as\\susual|same\\sas\\susual|on\\stime|same\\stime\\sas\\susual|usual)(?![a-z]))';
const JA_UNIT = '(時間半|時間|h|hr|hrs|hours?|分|min|mins|minutes?|m)';
const EN_AMOUNT = '(\\d+(?:\\.\\d+)?|an?|one|two|half\\san?)';
const EN_UNIT = '(hours?|hrs?|h|minutes?|mins?|m)';

/** 定時+1, 定時 + 30分, usual time + 1h, 定時プラス1時間 */
const SIGNED = new RegExp(`${TEIJI}\\s?([+-]|プラス|マイナス)\\s?(\\d+(?:\\.\\d+)?)\\s?${JA_UNIT}?`, 'g');
/** 定時の1時間後, 定時から30分, 定時より30分遅く, 定時の30分前 */
const JA_AFTER = new RegExp(`${TEIJI}\\s?(?:の|から|より)\\s?(\\d+(?:\\.\\d+)?)\\s?(時間|分)(半)?\\s?(後|過ぎ|遅く|前|早く)?`, 'g');
/** 1時間残業, 残業1時間, 30分だけ残業 */
const OVERTIME = /(?:(\d+(?:\.\d+)?)\s?(時間|分)(半)?(?:くらい|ぐらい|ほど|程度|だけ)?\s?の?残業|残業\s?(\d+(?:\.\d+)?)\s?(時間|分)(半)?)/g;
/** an hour after the usual time, 30 min before usual time, 1h overtime */
const EN_AFTER = new RegExp(`${EN_AMOUNT}\\s?${EN_UNIT}(?:\\s(?:and\\s)?a\\shalf)?\\s(after|past|later\\sthan|before|earlier\\sthan)\\s${TEIJI}`, 'g');
const EN_OVERTIME = new RegExp(`${EN_AMOUNT}\\s?${EN_UNIT}\\s(?:of\\s)?overtime`, 'g');
const PLAIN = new RegExp(TEIJI, 'g');

function offsetFromUnit(amount: string, unit: string | undefined): number | undefined {
  if (unit) return durationMinutes(amount, unit.replace('半', ''), undefined, unit.endsWith('半') ? '半' : undefined);
  const n = Number(amount);
  return n <= 9 ? durationMinutes(amount, '時間') : durationMinutes(amount, '分');
}

/** Reads and consumes a time given from 定時. */
export function readTeiji(scan: Scan, clock: LocalClock): Read<TimeReading> {
  let offset: number | undefined;
  let found = 0;
  const add = (minutes: number | undefined) => {
    found += 1;
    offset = minutes;
  };
  scan.take(SIGNED, (_, [sign, amount, unit]) => {
    const m = offsetFromUnit(amount!, unit);
    add(m === undefined ? undefined : /^(-|マイナス)$/.test(sign!) ? -m : m);
  });
  scan.take(JA_AFTER, (_, [amount, unit, half, direction]) => {
    const m = durationMinutes(amount, unit!, undefined, half);
    add(m === undefined ? undefined : direction === '前' || direction === '早く' ? -m : m);
  });
  scan.take(EN_AFTER, (match, [amount, unit, direction]) => {
    const m = durationMinutes(amount, unit!, undefined, /a\shalf/.test(match) ? 'half' : undefined);
    add(m === undefined ? undefined : /before|earlier/.test(direction!) ? -m : m);
  });
  scan.take(OVERTIME, (_, [a1, u1, h1, a2, u2, h2]) => add(durationMinutes(a1 ?? a2, (u1 ?? u2)!, undefined, h1 ?? h2)));
  scan.take(EN_OVERTIME, (_, [amount, unit]) => add(durationMinutes(amount, unit!)));
  if (found === 0 && scan.take(PLAIN)) add(0);
  else scan.take(PLAIN); // 「定時の1時間後、定時で」: the plain word repeats the offset one
  if (found === 0) return undefined;
  if (found > 1 || offset === undefined) return INVALID;
  const minutes = clock.teiji + offset;
  return minutes < 0 || minutes >= 29 * 60 ? INVALID : { minutes };
}
