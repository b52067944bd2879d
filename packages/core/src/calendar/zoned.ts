import { DateTime } from 'luxon';
import type { Weekday } from '../domain/types';

/**
 * Calendar arithmetic in IANA zones. Dates are `YYYY-MM-DD` strings and times `HH:mm`
 * strings: plain values that mean the same on any server, whatever its own zone.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isDate(value: string): boolean {
  return DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

export function isTime(value: string): boolean {
  return TIME.test(value);
}

export function isTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && formatter(zone) !== null;
}

// Intl formatters are costly to build and cheap to use: one per zone, kept. luxon is kept
// for the DST rules of `zonedInstant`, memoised because plans ask for the same few
// (date, time, zone) triples for thousands of members.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** The zone's formatter, or `null` for a name that is not an IANA zone. */
function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      f = null;
    }
    if (formatters.size > 1000) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

// Every zone in use today is offset by whole minutes, so the local date and time are the
// same throughout one UTC minute: the last answer per zone is kept for its minute.
const lastParts = new Map<string, { minute: number; parts: { date: string; time: string } }>();

/** `YYYY-MM-DD` and `HH:mm` of an instant in a zone. */
function localParts(instant: Date, zone: string): { date: string; time: string } {
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastParts.get(zone);
  if (last && last.minute === minute) return last.parts;
  const f = formatter(zone);
  if (!f) throw new RangeError(`[kaeru] "${zone}" is not an IANA time zone`);
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(instant)) p[part.type] = part.value;
  const parts = { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
  lastParts.set(zone, { minute, parts });
  return parts;
}

/** The local calendar date of an instant in a zone; throws a RangeError for an unknown zone. */
export function localDate(instant: Date, zone: string): string {
  return localParts(instant, zone).date;
}

/** The local wall time `HH:mm` of an instant in a zone. */
export function localTime(instant: Date, zone: string): string {
  return localParts(instant, zone).time;
}

const instants = new Map<string, number>();
const MAX_MEMO = 50_000;

/**
 * The instant of a local date and time in a zone. A time skipped by a DST change moves
 * forward (02:30 on a spring-forward day is 03:30); a repeated time takes its first
 * occurrence, so a daily job never runs twice.
 */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const key = `${date} ${time} ${zone}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    if (instants.size >= MAX_MEMO) instants.clear();
    ms = computeZonedInstant(date, time, zone).getTime();
    instants.set(key, ms);
  }
  return new Date(ms);
}

function computeZonedInstant(date: string, time: string, zone: string): Date {
  const [h, m] = time.split(':').map(Number);
  const dt = DateTime.fromISO(date, { zone }).set({ hour: h, minute: m, second: 0, millisecond: 0 });
  return dt.toJSDate();
}

/** Civil dates have no zone: plain UTC day arithmetic is exact (and far cheaper than luxon). */
function utcDay(date: string, plusDays = 0): Date {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + plusDays));
}

export function addDays(date: string, days: number): string {
  return utcDay(date, days).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): Weekday {
  return (utcDay(date).getUTCDay() || 7) as Weekday;
}

/** Every date from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Minutes since midnight of `HH:mm`. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** `HH:mm` of minutes since midnight, wrapped into one day. */
export function timeOfMinutes(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
