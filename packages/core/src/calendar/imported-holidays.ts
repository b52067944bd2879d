import type { Holiday, HolidaySource } from '../ports/holiday-source';
import type { HolidayScope, Storage } from '../ports/storage';
import { yearsOf } from './cabinet-office-csv';
import { LayeredHolidaySource } from './japan-holidays';

/**
 * Imported national holidays live in storage, in the calendar table under the scope
 * `national:<country>`, so every instance sharing the database and every restart sees
 * the same list, with no file to copy around and no schema change. The table keeps
 * dates only: a holiday's name comes from the built-in data for that date, else a plain
 * 「祝日」. For each year an import covers, its dates replace the built-in ones entirely.
 */

const GENERIC_NAME = '祝日';

export function nationalScope(country: string): HolidayScope {
  return `national:${country}`;
}

/** Replaces the stored holidays of `country` for exactly the years `holidays` covers, atomically. */
export async function importNationalHolidays(storage: Storage, country: string, holidays: Holiday[]): Promise<{ years: number[]; count: number }> {
  const scope = nationalScope(country);
  const years = yearsOf(holidays);
  await storage.transaction(async (tx) => {
    for (const year of years) {
      const old = await tx.calendar.list(scope, `${year}-01-01`, `${year}-12-31`);
      if (old.length) await tx.calendar.remove(scope, old);
    }
    await tx.calendar.add(scope, holidays.map((h) => h.date));
  });
  return { years, count: holidays.length };
}

/** The stored import of `country` for `[fromYear, toYear]`, named from `base` where it can be. */
export async function loadImportedHolidays(storage: Storage, base: HolidaySource, country: string, fromYear: number, toYear: number): Promise<Holiday[]> {
  const dates = await storage.calendar.list(nationalScope(country), `${fromYear}-01-01`, `${toYear}-12-31`);
  return dates.map((date) => ({
    date,
    name: base.holidays(country, Number(date.slice(0, 4)))?.find((h) => h.date === date)?.name ?? GENERIC_NAME,
  }));
}

/** `base`, overridden for every country and year that has an import in storage. */
export async function withImportedHolidays(storage: Storage, base: HolidaySource, countries: string[], fromYear: number, toYear: number): Promise<HolidaySource> {
  let layered: LayeredHolidaySource | undefined;
  for (const country of new Set(countries)) {
    const imported = await loadImportedHolidays(storage, base, country, fromYear, toYear);
    if (imported.length === 0) continue;
    layered ??= new LayeredHolidaySource(base);
    layered.override(country, imported);
  }
  return layered ?? base;
}
