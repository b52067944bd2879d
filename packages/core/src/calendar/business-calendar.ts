import type { Room } from '../domain/types';
import type { Logger } from '../ports/logger';
import type { HolidaySource } from '../ports/holiday-source';
import { weekdayOf } from './zoned';

/** Why a date is not a business date for a room, or `undefined` when it is one. */
export type NonBusinessReason =
  | { kind: 'weekend' }
  | { kind: 'national'; name: string }
  | { kind: 'company' }
  | { kind: 'room' };

/** What the calendar needs besides the room: the holiday tables in force. */
export interface CalendarData {
  holidays: HolidaySource;
  /** Company holidays, as a set of `YYYY-MM-DD`. */
  companyHolidays: ReadonlySet<string>;
  logger?: Logger;
}

/** Years already warned about, per logger: once per bot (a process may run several, tests do). */
const warnedYears = new WeakMap<Logger, Set<string>>();

/** Why `date` is not a business date in `room`, or `undefined` if it is. Pure but for one warning. */
export function nonBusinessReason(room: Room, date: string, data: CalendarData): NonBusinessReason | undefined {
  if (!room.workDays.includes(weekdayOf(date))) return { kind: 'weekend' };
  const year = Number(date.slice(0, 4));
  const national = data.holidays.holidays(room.country, year);
  if (national === undefined) {
    // A year beyond the data must be visible: silently treating every day as a work day
    // would ask people on holidays.
    const key = `${room.country}:${year}`;
    const warned = data.logger && (warnedYears.get(data.logger) ?? warnedYears.set(data.logger, new Set()).get(data.logger)!);
    if (warned && !warned.has(key)) {
      warned.add(key);
      data.logger!.warn('no national holiday data for this country and year; only work days and configured holidays apply', { country: room.country, year });
    }
  } else {
    const hit = national.find((h) => h.date === date);
    if (hit) return { kind: 'national', name: hit.name };
  }
  if (data.companyHolidays.has(date)) return { kind: 'company' };
  if (room.holidays.includes(date)) return { kind: 'room' };
  return undefined;
}

export function isBusinessDate(room: Room, date: string, data: CalendarData): boolean {
  return nonBusinessReason(room, date, data) === undefined;
}
