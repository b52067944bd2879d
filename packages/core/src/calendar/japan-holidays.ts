import type { Holiday, HolidaySource } from '../ports/holiday-source';

interface HolidayJpEntry {
  date: string;
  name: string;
  name_en: string;
}

/**
 * Japanese national holidays (振替休日 and 国民の休日 included) from @holiday-jp/holiday_jp's
 * data table, read by date string: the library's own lookup judges by the server's local
 * date, which a UTC server gets wrong in the early JST hours.
 */
export class JapanHolidaySource implements HolidaySource {
  private readonly byYear = new Map<number, Holiday[]>();

  constructor() {
    // The data module is a plain object keyed by date; required lazily and untyped on
    // purpose (its generated .d.ts spells out 1,000+ literal types, slowing every build).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
    const table = require('@holiday-jp/holiday_jp/lib/holidays') as Record<string, HolidayJpEntry>;
    for (const entry of Object.values(table)) {
      const year = Number(entry.date.slice(0, 4));
      const list = this.byYear.get(year) ?? [];
      list.push({ date: entry.date, name: entry.name });
      this.byYear.set(year, list);
    }
  }

  holidays(country: string, year: number): Holiday[] | undefined {
    if (country !== 'JP') return undefined;
    return this.byYear.get(year);
  }
}

/** Holidays per country from several sources; later sources override earlier ones per year. */
export class LayeredHolidaySource implements HolidaySource {
  private readonly overrides = new Map<string, Holiday[]>();

  constructor(private readonly base: HolidaySource) {}

  holidays(country: string, year: number): Holiday[] | undefined {
    return this.overrides.get(`${country}:${year}`) ?? this.base.holidays(country, year);
  }

  /** Replaces a country's holidays for the years present in `holidays` (run-time refresh). */
  override(country: string, holidays: Holiday[]): void {
    const years = new Set(holidays.map((h) => Number(h.date.slice(0, 4))));
    for (const year of years)
      this.overrides.set(
        `${country}:${year}`,
        holidays.filter((h) => Number(h.date.slice(0, 4)) === year).sort((a, b) => a.date.localeCompare(b.date)),
      );
  }
}
