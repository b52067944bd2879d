import { civilDate, daysBetween, everyDate, isoWeekday, plusDays } from './civil-date';
import type { LocalClock } from './clock';
import { phrases, type Scan } from './scan';
import { INVALID, type Read } from './time-reading';

/**
 * Dates other than today: 明日, 明後日, 金曜, 来週の金曜, 12/24, 12月24日, 2026-12-29,
 * "tomorrow", "next Monday", "Dec 24", ranges (「12/29〜1/3」) and lists (「12/24と12/25」).
 * A date without a year is the coming one, never a past one (12/24 read on 12/25 is next
 * year's); a weekday is the coming one, today included (「金曜」 on a Friday is today);
 * "next Monday" / 「来週の月曜」 is the Monday of next week.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Month names in full or cut short, and nothing longer: "maybe 9pm" is not May 9. */
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])';
const DATE_TOKEN = [
  '\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}',
  '(?:\\d{4}年\\s?)?\\d{1,2}月\\s?\\d{1,2}日?',
  '\\d{1,2}/\\d{1,2}',
  `${MONTH}\\s?\\d{1,2}(?:st|nd|rd|th)?`,
  `\\d{1,2}(?:st|nd|rd|th)?\\s${MONTH}`,
  // 「1日休み」 is a whole day off, not the 1st: the 1st is written 1/1 or 1月1日.
  '(?:[2-9]|[12]\\d|3[01])日(?!間|中|分|程|ほど|くらい)',
  '(?:the\\s)?\\d{1,2}(?:st|nd|rd|th)(?![a-z])',
].join('|');
/** A weekday written after a date, 「12/25(金)」: checked by nobody, just consumed. */
const WEEKDAY_NOTE = '(?:\\s?(?:[月火水木金土日](?:曜日?)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6})(?![a-z\\p{Script=Han}]))?';
/** A date is never followed by what makes a number a time ("may 9pm", 「12月24時」). */
const TOKEN = `(?<![\\d/.a-z])(?:${DATE_TOKEN})(?![\\d/:]|\\s?(?:am|pm|時|o'?clock))${WEEKDAY_NOTE}`;
const RANGE = new RegExp(`(${TOKEN})\\s?(?:~|-|から|to|through|thru|until|till)\\s?(${TOKEN}|\\d{1,2}日?(?![\\d:/時分]))(?:\\s?まで)?`, 'gu');
const SINGLE = new RegExp(TOKEN, 'gu');
/** 「12/31まで休み」 "off until 12/31": from today to that date. */
const UNTIL = new RegExp(`(?:(?<![a-z])(?:until|till|thru|through)\\s(${TOKEN})|(${TOKEN})\\s?まで(?!に))`, 'gu');
/** 「明日から3日間」 "tomorrow for 3 days": a start and a number of days. */
const SPAN = new RegExp(`(${TOKEN}|明後日|明日|今日|本日|tomorrow|today)\\s?(?:から|for)\\s?(\\d{1,2})\\s?(?:日間|days)`, 'gu');

const RELATIVE: Record<string, number> = {
  今日: 0, 本日: 0, today: 0, 明日: 1, tomorrow: 1, tmrw: 1, tmr: 1, tomorow: 1, tommorow: 1, tommorrow: 1,
  明後日: 2, 'day after tomorrow': 2, 'the day after tomorrow': 2, 昨日: -1, yesterday: -1, 一昨日: -2, おととい: -2,
};
const RELATIVE_WORDS = phrases(Object.keys(RELATIVE));

const JA_WEEKDAYS = '月火水木金土日';
const EN_WEEKDAYS: [RegExp, number][] = [
  [/^mon/, 1], [/^tue/, 2], [/^wed/, 3], [/^thu/, 4], [/^fri/, 5], [/^sat/, 6], [/^sun/, 7],
];
const JA_WEEKDAY = /(再来週|来週|翌週|今週|次|今度)?の?\s?([月火水木金土日])曜日?/g;
const EN_WEEKDAY = /(?<![a-z])(?:(next\sweek|this\sweek|this\scoming|this|next|coming)\s)?(?:on\s)?(monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sat|sunday|sun)(?:\s(next\sweek|this\sweek))?(?![a-z])/g;

/** The longest span a date range may cover: longer ones are typos (12/29〜11/3). */
const MAX_RANGE_DAYS = 100;

interface DateParts { year?: number; month?: number; day: number }

function partsOf(token: string): DateParts | undefined {
  const t = token.replace(/\s?(?:[月火水木金土日](?:曜日?)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)$/u, '').replace(/^the\s/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return { year: +m[1], month: +m[2], day: +m[3] };
  m = /^(?:(\d{4})年\s?)?(\d{1,2})月\s?(\d{1,2})日?$/.exec(t) ?? /^()(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) return { year: m[1] ? +m[1] : undefined, month: +m[2], day: +m[3] };
  m = /^([a-z]+)\s?(\d{1,2})(?:st|nd|rd|th)?$/.exec(t) ?? /^(\d{1,2})(?:st|nd|rd|th)?\s([a-z]+)$/.exec(t);
  if (m) {
    const [name, day] = /^\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
    const month = MONTHS.indexOf(name.slice(0, 3)) + 1;
    return month > 0 ? { month, day: +day } : undefined;
  }
  m = /^(\d{1,2})(?:日|st|nd|rd|th)?$/.exec(t);
  return m ? { day: +m[1] } : undefined;
}

const iso = civilDate;

/** The date of parts, the first one on or after `from` when the year (or month) is missing. */
function resolveParts(p: DateParts, from: string): string | undefined {
  const [y, mo] = from.split('-').map(Number);
  if (p.year !== undefined && p.month !== undefined) return iso(p.year, p.month, p.day);
  if (p.month !== undefined) {
    const d = iso(y, p.month, p.day);
    return d && d >= from ? d : iso(y + 1, p.month, p.day);
  }
  const d = iso(y, mo, p.day);
  if (d && d >= from) return d;
  return mo === 12 ? iso(y + 1, 1, p.day) : iso(y, mo + 1, p.day);
}

function weekdayDate(today: string, weekday: number, which: string | undefined): string {
  const t = isoWeekday(today);
  if (which === '再来週') return plusDays(today, 14 - t + weekday);
  if (which && /来週|翌週|next/.test(which) && !/this/.test(which)) return plusDays(today, 7 - t + weekday);
  if (which && /次|今度|coming/.test(which)) return plusDays(today, (weekday - t + 7) % 7 || 7);
  return plusDays(today, (weekday - t + 7) % 7);
}

/** Reads and consumes every date of a scan: sorted, without repeats. */
export function readDates(scan: Scan, clock: LocalClock): Read<string[]> {
  const { today } = clock;
  const dates: string[] = [];
  let bad = false;
  scan.take(SPAN, (_, [start, count]) => {
    const offset = RELATIVE[start!];
    const parts = offset === undefined ? partsOf(start!) : undefined;
    const from = offset !== undefined ? plusDays(today, offset) : parts && resolveParts(parts, today);
    const n = Number(count);
    if (!from || n < 1 || n > MAX_RANGE_DAYS) bad = true;
    else dates.push(...everyDate(from, plusDays(from, n - 1)));
  });
  scan.take(RANGE, (_, [a, b]) => {
    const pa = partsOf(a!);
    const pb = partsOf(b!);
    const from = pa && resolveParts(pa, today);
    const to = from && pb && resolveParts(pb, from);
    if (!from || !to || to < from || daysBetween(from, to) > MAX_RANGE_DAYS) bad = true;
    else dates.push(...everyDate(from, to));
  });
  scan.take(UNTIL, (_, [en, ja]) => {
    const p = partsOf((en ?? ja)!);
    const to = p && resolveParts(p, today);
    if (!to || daysBetween(today, to) > MAX_RANGE_DAYS) bad = true;
    else dates.push(...everyDate(today, to));
  });
  scan.take(SINGLE, (token) => {
    const p = partsOf(token);
    const d = p && resolveParts(p, today);
    if (d) dates.push(d);
    else bad = true;
  });
  scan.take(RELATIVE_WORDS, (word) => {
    const offset = RELATIVE[word] ?? RELATIVE[word.replace(/\s/g, ' ')] ?? 0;
    if (offset < 0) bad = true;
    else dates.push(plusDays(today, offset));
  });
  scan.take(JA_WEEKDAY, (_, [which, day]) => {
    dates.push(weekdayDate(today, JA_WEEKDAYS.indexOf(day!) + 1, which));
  });
  scan.take(EN_WEEKDAY, (_, [which, day, after]) => {
    const weekday = EN_WEEKDAYS.find(([re]) => re.test(day!))![1];
    dates.push(weekdayDate(today, weekday, which ?? after));
  });
  if (bad) return INVALID;
  if (dates.length === 0) return undefined;
  return [...new Set(dates)].sort();
}
