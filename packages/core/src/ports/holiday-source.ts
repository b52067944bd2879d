/** A national holiday. */
export interface Holiday {
  /** `YYYY-MM-DD`. */
  date: string;
  name: string;
}

/** National holidays per country; may be refreshed at run time. */
export interface HolidaySource {
  /** Holidays of `country` in `year`, or `undefined` when the source has no data for that year. */
  holidays(country: string, year: number): Holiday[] | undefined;
}
