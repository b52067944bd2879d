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
  return DateTime.now().setZone(zone).isValid;
}

/** The local calendar date of an instant in a zone. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/** The local wall time `HH:mm` of an instant in a zone. */
export function localTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
}

/**
 * The instant of a local date and time in a zone. A time skipped by a DST change moves
 * forward (02:30 on a spring-forward day is 03:30); a repeated time takes its first
 * occurrence, so a daily job never runs twice.
 */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const [h, m] = time.split(':').map(Number);
  const dt = DateTime.fromISO(date, { zone }).set({ hour: h, minute: m, second: 0, millisecond: 0 });
  return dt.toJSDate();
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): Weekday {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday as Weekday;
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
