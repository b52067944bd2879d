import type { Holiday, HolidaySource } from '../ports/holiday-source';
import { JapanHolidaySource } from './japan-holidays';

interface DateHolidaysEntry {
  /** `YYYY-MM-DD hh:mm:ss`, local to the country. */
  date: string;
  name: string;
  type: string;
}

interface DateHolidays {
  init(country: string): unknown;
  getHolidays(year: number): DateHolidaysEntry[];
  getCountries(): Record<string, string>;
}

/**
 * National holidays of other countries from `date-holidays`, public ones only: the
 * library also lists bank holidays, school days and observances, and a bank holiday is a
 * business day for most teams. Rules are computed, so every year of a known country has
 * data; an unknown country has none (`undefined`, which the calendar logs).
 */
export class DateHolidaysSource implements HolidaySource {
  private readonly lib: DateHolidays;
  private readonly known: ReadonlySet<string>;
  private readonly cache = new Map<string, Holiday[]>();

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS build of an ESM-first package
    const mod = require('date-holidays') as { default?: new () => DateHolidays } & (new () => DateHolidays);
    const Ctor = mod.default ?? mod;
    this.lib = new Ctor();
    this.known = new Set(Object.keys(this.lib.getCountries()));
  }

  holidays(country: string, year: number): Holiday[] | undefined {
    if (!this.known.has(country)) return undefined;
    const key = `${country}:${year}`;
    let list = this.cache.get(key);
    if (!list) {
      this.lib.init(country);
      const byDate = new Map<string, Holiday>();
      for (const h of this.lib.getHolidays(year)) {
        const date = h.date.slice(0, 10);
        // A holiday observed on another day can appear twice; the first name is enough.
        if (h.type === 'public' && !byDate.has(date)) byDate.set(date, { date, name: h.name });
      }
      list = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
      this.cache.set(key, list);
    }
    return list;
  }
}

/** Asks each source in turn; the first one with data for the country and year answers. */
export class CompositeHolidaySource implements HolidaySource {
  constructor(private readonly sources: HolidaySource[]) {}

  holidays(country: string, year: number): Holiday[] | undefined {
    for (const source of this.sources) {
      const found = source.holidays(country, year);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

/**
 * What `createBot` uses unless told otherwise: Japan from the holiday_jp table (振替休日
 * and 国民の休日 included, up to its last year), every other country (and Japan past that
 * year) from date-holidays' public holidays.
 */
export function createDefaultHolidaySource(): HolidaySource {
  return new CompositeHolidaySource([new JapanHolidaySource(), new DateHolidaysSource()]);
}
