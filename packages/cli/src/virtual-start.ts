import { addDays, localParts, parseTimeArgument, zonedInstant } from '@kaeru/adapter-console';
import { ConfigError } from '@kaeru/core';

/**
 * Where `--clock virtual` starts without `--start`: 08:55 of today, or of the last
 * weekday when today is a weekend, in the room's zone: five minutes before a hearing,
 * the same on every run of the same day.
 */
export function defaultVirtualStart(now: Date, timeZone: string): Date {
  let { date, weekday } = localParts(now, timeZone);
  while (weekday > 5) {
    date = addDays(date, -1);
    weekday -= 1;
  }
  return zonedInstant(date, '08:55', timeZone);
}

/** `--start`: an ISO instant (`2026-12-07T08:55:00+09:00`), or a local one read in the room's zone. */
export function parseStart(value: string, timeZone: string): Date {
  // An HH:mm alone would be "the next such time" from the real now: not what --start means.
  const instant = /^\d{4}-/.test(value) ? parseTimeArgument(value, new Date(0), timeZone) : undefined;
  if (!instant) throw new ConfigError('--start', `"${value}" is not a date-time`, 'write it like 2026-12-07T08:55:00+09:00 (or 2026-12-07T08:55 in the room\'s zone)');
  return instant;
}
