/**
 * Arithmetic on `YYYY-MM-DD` calendar dates as plain day numbers (Howard Hinnant's
 * days-from-civil). Same results as `addDays` / `weekdayOf` / `datesBetween` of
 * calendar/zoned.ts (a property test checks it), without building a luxon DateTime per
 * step: those cost ~10 µs each, and a date range is read in a handful of them, which
 * would make 「12/29〜1/3は休み」 alone cost half a millisecond. Zones play no part here:
 * "today" in the member's zone still comes from calendar/zoned.ts.
 */

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dayNumber(date: string): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** `YYYY-MM-DD` of a year, month and day, or undefined when no such date exists (2/30). */
export function civilDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const [y, m, d] = civilFromDays(daysFromCivil(year, month, day));
  return y === year && m === month && d === day ? format(y, m, d) : undefined;
}

export function plusDays(date: string, days: number): string {
  return format(...civilFromDays(dayNumber(date) + days));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 (day 0) was a Thursday.
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every date from `from` to `to`, inclusive. */
export function everyDate(from: string, to: string): string[] {
  const start = dayNumber(from);
  const out: string[] = [];
  for (let n = start; n <= dayNumber(to); n++) out.push(format(...civilFromDays(n)));
  return out;
}
