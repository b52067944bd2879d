import { readBareHour, type HourReading } from './bare-hour';
import type { LocalClock } from './clock';
import type { Scan } from './scan';
import { INVALID, type Read, type TimeReading } from './time-reading';

/**
 * Clock times: 18:30, 18時, 18時半, 18時30分, 1830, 18.30, 午後6時, 夜7時, 25時, 6pm,
 * 6:30 pm, and ranges of two of them (「18〜19時」「18時-19時」 "6 to 7pm").
 */

type Period = 'am' | 'pm' | 'night' | undefined;

const PERIOD_WORDS = '午前|午後|朝|夜中|深夜|夜|夕方|夕|晩|今夜|今晩';
/**
 * One time: optional period word, 1–2 digit hour, then `:mm` / `.mm` / 時[mm分|半], then
 * am/pm/o'clock. No nested quantifiers: each part is bounded, so matching is linear.
 */
const ATOM = new RegExp(
  `(?<![\\d/])(?<!\\d[:.])(?:(${PERIOD_WORDS})\\s?)?(\\d{1,2})(?:([:.])(\\d{2})(?!\\d)|時(?!間)(?:\\s?(\\d{1,2})\\s?分|(半))?)?(?:\\s?(am|pm|o'?clock)(?![a-z]))?(?![\\d/])`,
  'g',
);
/** 1830 / 0730: four digits with no separator, read as HHmm. */
const HHMM = /(?<![\d/])(?<!\d[:.])([01]\d|2[0-9])([0-5]\d)(?![\d/]|時間|分)/g;
/** Named times: noon is never ambiguous the way 「12時」 is. */
const NAMED = /(?<![a-z])(noon|midnight)(?![a-z])|正午/g;
/** What may stand between the two ends of a range. */
const RANGE_SEPARATOR = /^\s?(?:頃|ごろ|くらい|ぐらい)?\s?(?:~|-|から|to|till|until|or|か|and)\s?$/;
/** Words that make a bare number a time: "at 7", "make it 7", "around 7", "7-ish". */
const BARE_BEFORE = /(?:^|\s)(?:at|by|around|about|make it|make that|change to|change it to|changed to|to|till|until|before|after|actually|approx|approximately|roughly|~)\s?$/;
const BARE_AFTER = /^\s?-?ish/;

interface Atom {
  start: number;
  end: number;
  hour: number;
  minute: number;
  period: Period;
  /** Written as a time (時, :, am/pm, a period word, four digits), not a bare number. */
  marked: boolean;
}

function periodOf(word: string | undefined): Period {
  if (!word) return undefined;
  if (/^(午前|朝|am)$/.test(word)) return 'am';
  if (/^(午後|夕方|夕|晩|pm)$/.test(word)) return 'pm';
  return /^(夜中|深夜|夜|今夜|今晩)$/.test(word) ? 'night' : undefined;
}

function findAtoms(text: string): Atom[] {
  const atoms: Atom[] = [];
  for (const m of text.matchAll(ATOM)) {
    const [whole, periodWord, h, sep, mm, jaMinutes, half, suffix] = m;
    const suffixPeriod = suffix && !suffix.includes('clock') ? periodOf(suffix) : undefined;
    atoms.push({
      start: m.index,
      end: m.index + whole.length,
      hour: Number(h),
      minute: mm ? Number(mm) : jaMinutes ? Number(jaMinutes) : half ? 30 : 0,
      period: suffixPeriod ?? periodOf(periodWord),
      marked: Boolean(periodWord || sep || suffix || whole.includes('時')),
    });
  }
  for (const m of text.matchAll(HHMM)) {
    atoms.push({
      start: m.index,
      end: m.index + m[0].length,
      hour: Number(m[1]),
      minute: Number(m[2]),
      // 0730 was written with its leading zero on purpose: a morning time.
      period: m[1].startsWith('0') ? 'am' : undefined,
      marked: true,
    });
  }
  for (const m of text.matchAll(NAMED)) {
    const noon = m[0] === 'noon' || m[0] === '正午';
    atoms.push({ start: m.index, end: m.index + m[0].length, hour: noon ? 12 : 0, minute: 0, period: noon ? 'pm' : 'am', marked: true });
  }
  return atoms.sort((a, b) => a.start - b.start);
}

/** The minutes of an hour with a known period, or undefined when it does not exist (午前13時). */
function withPeriod(hour: number, minute: number, period: Exclude<Period, undefined>): number | undefined {
  if (minute > 59) return undefined;
  // 1am / 午前1時 as a leave time is the night after the business day, like 25時.
  if (period === 'am') return hour === 0 || hour === 12 ? 1440 + minute : hour < 5 ? 1440 + hour * 60 + minute : hour < 12 ? hour * 60 + minute : undefined;
  if (period === 'pm') return hour === 0 || hour === 12 ? 720 + minute : hour < 12 ? (hour + 12) * 60 + minute : hour <= 23 ? hour * 60 + minute : undefined;
  if (hour === 0 || hour === 12) return 1440 + minute;
  if (hour <= 5) return 1440 + hour * 60 + minute;
  if (hour <= 11) return (hour + 12) * 60 + minute;
  return hour <= 29 ? hour * 60 + minute : undefined;
}

function resolve(atom: Atom, clock: LocalClock, isToday: boolean): HourReading | undefined {
  if (atom.period) {
    const minutes = withPeriod(atom.hour, atom.minute, atom.period);
    return minutes === undefined ? undefined : { minutes };
  }
  return readBareHour(atom.hour, atom.minute, clock, isToday);
}

/** The start of a range: the latest reading of its hour that is not after the end. */
function resolveStart(atom: Atom, inherited: Period, end: number): number | undefined {
  const own = atom.period ?? inherited;
  const candidates: number[] = [];
  if (own) {
    const m = withPeriod(atom.hour, atom.minute, own);
    if (m !== undefined) candidates.push(m);
  }
  if (!atom.period && atom.minute <= 59 && atom.hour <= 29) {
    const base = atom.hour * 60 + atom.minute;
    candidates.push(base, base + 720, base + 1440);
  }
  const fitting = candidates.filter((m) => m <= end && m >= end - 720);
  return fitting.length ? Math.max(...fitting) : undefined;
}

function remove(text: string, start: number, end: number): string {
  return `${text.slice(0, start)} ${text.slice(end)}`;
}

/** Reads and consumes the clock time (or range) of a scan. */
export function readClockTime(scan: Scan, clock: LocalClock, isToday: boolean): Read<TimeReading> {
  const text = scan.rest;
  const all = findAtoms(text);
  const accepted = all.map(
    (a) => a.marked || BARE_BEFORE.test(text.slice(Math.max(0, a.start - 16), a.start)) || BARE_AFTER.test(text.slice(a.end)),
  );
  // Two ends of a range stand or fall together: 「18〜19時」 "6-7pm" "around 7 or 8".
  for (let i = 0; i + 1 < all.length; i++) {
    if ((accepted[i] || accepted[i + 1]) && RANGE_SEPARATOR.test(text.slice(all[i].end, all[i + 1].start))) {
      accepted[i] = accepted[i + 1] = true;
    }
  }
  const atoms = all.filter((_, i) => accepted[i]);
  if (atoms.length === 0) return undefined;
  if (atoms.length === 2) {
    const [a, b] = atoms;
    const gap = text.slice(a.end, b.start);
    const andNeedsBetween = !/and/.test(gap) || /between/.test(text);
    if (!RANGE_SEPARATOR.test(gap) || !andNeedsBetween) return INVALID;
    const end = resolve(b, clock, isToday);
    if (!end) return INVALID;
    const from = resolveStart(a, b.period, end.minutes);
    if (from === undefined || from === end.minutes) return INVALID;
    scan.rest = remove(text, a.start, b.end).replace(/between/, ' ');
    return { minutes: end.minutes, approx: true, range: { from, to: end.minutes }, alternatives: end.alternatives };
  }
  if (atoms.length > 2) return INVALID;
  const [atom] = atoms;
  const reading = resolve(atom, clock, isToday);
  if (!reading) return INVALID;
  scan.rest = remove(text, atom.start, atom.end);
  return { minutes: reading.minutes, alternatives: reading.alternatives };
}
