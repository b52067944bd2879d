import type { DeclarationValue, Locale } from '../domain/types';
import { addDays, weekdayOf } from '../calendar/zoned';

const JA_WEEKDAYS = ['', '月', '火', '水', '木', '金', '土', '日'];
const EN_WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `12/7（月）` / `Mon 12/7`. */
export function formatDate(date: string, locale: Locale): string {
  const md = `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;
  const wd = weekdayOf(date);
  return locale === 'ja' ? `${md}（${JA_WEEKDAYS[wd]}）` : `${EN_WEEKDAYS[wd]} ${md}`;
}

/** `今日（12/7）` / `today (Mon 12/7)`, `明日…` / `tomorrow…`, else the date alone. */
export function formatDay(date: string, today: string, locale: Locale): string {
  const when = date === today ? (locale === 'ja' ? '今日' : 'today') : date === addDays(today, 1) ? (locale === 'ja' ? '明日' : 'tomorrow') : undefined;
  const plain = formatDate(date, locale);
  if (!when) return plain;
  return locale === 'ja' ? `${when}（${plain}）` : `${when} (${plain})`;
}

/** Dates as a short list, ranges of consecutive days folded: `12/29（火）〜1/3（日）`. */
export function formatDates(dates: string[], locale: Locale): string {
  const sorted = [...new Set(dates)].sort();
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === addDays(sorted[j], 1)) j++;
    parts.push(j > i + 1 ? `${formatDate(sorted[i], locale)}${locale === 'ja' ? '〜' : ' – '}${formatDate(sorted[j], locale)}` : formatDate(sorted[i], locale));
    if (j === i + 1) parts.push(formatDate(sorted[j], locale));
    i = j + 1;
  }
  return parts.join(locale === 'ja' ? '、' : ', ');
}

/** A declared value as people say it: `18:30頃` / `around 18:30`, `直帰` / `going home directly`. */
export function formatValue(value: DeclarationValue, locale: Locale): string {
  const time = value.time ? formatTime(value, locale) : '';
  const ja = locale === 'ja';
  switch (value.state) {
    case 'leaving':
      return time;
    case 'undecided':
      return ja ? '未定' : 'not decided yet';
    case 'direct':
      return ja ? `直帰${time ? `（${time}）` : ''}` : `going home directly${time ? ` (${time})` : ''}`;
    case 'off':
      return ja ? '休み' : 'day off';
    case 'half_am':
      return ja ? `午前半休${time ? `・${time}` : ''}` : `morning off${time ? `, leaving ${time}` : ''}`;
    case 'half_pm':
      return ja ? `午後半休${time ? `（${time}）` : ''}` : `afternoon off${time ? ` (from ${time})` : ''}`;
  }
}

function formatTime(value: DeclarationValue, locale: Locale): string {
  const ja = locale === 'ja';
  const clock = value.range ? `${value.range.from}${ja ? '〜' : '–'}${value.range.to}` : value.time!;
  const late = value.lateNight ? (ja ? '（深夜）' : ' (after midnight)') : '';
  if (value.approx && !value.range) return ja ? `${clock}頃${late}` : `around ${clock}${late}`;
  return `${clock}${late}`;
}

/** Two values mean the same declaration. */
export function sameValue(a: DeclarationValue | undefined, b: DeclarationValue | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.state === b.state &&
    a.time === b.time &&
    Boolean(a.approx) === Boolean(b.approx) &&
    Boolean(a.lateNight) === Boolean(b.lateNight) &&
    a.range?.from === b.range?.from &&
    a.range?.to === b.range?.to
  );
}
