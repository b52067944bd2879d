/**
 * Wall-clock arithmetic for `/time`, with `Intl` only: the console adapter depends on
 * nothing but core's types, and the server's own zone must never matter.
 */

export interface LocalParts {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:mm` */
  time: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The local date, time and weekday of an instant in an IANA zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, weekday: WEEKDAYS[parts.weekday] };
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const { date, time } = localParts(new Date(instant), timeZone);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/** The instant of a local date and time in a zone (a time skipped by DST moves forward). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  // Two rounds settle the offset, also next to a DST change.
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `09:00`, `9:00`, or a bare hour `9`. */
const HH_MM = /^(\d{1,2})(?:[:：](\d{2}))?$/;
const LOCAL_ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2})?$/;

/**
 * Reads the argument of `/time`: `HH:mm` is the next such local time strictly after
 * `now` (so `/time 09:00` always moves forward); an ISO date-time without an offset is
 * local to the zone; one with an offset (or Z) is taken as is. `undefined` if unreadable.
 */
export function parseTimeArgument(arg: string, now: Date, timeZone: string): Date | undefined {
  const text = arg.trim();
  const hm = HH_MM.exec(text);
  if (hm) {
    const [h, m] = [Number(hm[1]), Number(hm[2] ?? '0')];
    if (h > 23 || m > 59) return undefined;
    const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    const today = localParts(now, timeZone).date;
    const candidate = zonedInstant(today, time, timeZone);
    return candidate.getTime() > now.getTime() ? candidate : zonedInstant(addDays(today, 1), time, timeZone);
  }
  const local = LOCAL_ISO.exec(text);
  if (local) return zonedInstant(local[1], local[2], timeZone);
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  return undefined;
}
