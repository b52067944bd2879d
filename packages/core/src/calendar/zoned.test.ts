import { DateTime } from 'luxon';
import { addDays, localDate, localTime, weekdayOf, zonedInstant } from './zoned';

/** The fast paths of zoned.ts agree with luxon, the reference, across zones and DST edges. */
describe('zoned arithmetic', () => {
  const zones = ['Asia/Tokyo', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Etc/GMT+11'];

  it('localDate and localTime match luxon every 37 minutes over a year', () => {
    const start = Date.UTC(2026, 0, 1);
    for (let t = start; t < start + 366 * 86_400_000; t += 37 * 60_000) {
      for (const zone of zones) {
        const dt = DateTime.fromMillis(t, { zone });
        expect(localDate(new Date(t), zone)).toBe(dt.toISODate());
        expect(localTime(new Date(t), zone)).toBe(dt.toFormat('HH:mm'));
      }
    }
  });

  it('addDays and weekdayOf match luxon across month, year and leap-day boundaries', () => {
    for (let d = '2023-12-25'; d < '2029-01-10'; d = addDays(d, 1)) {
      const dt = DateTime.fromISO(d, { zone: 'UTC' });
      expect(addDays(d, 1)).toBe(dt.plus({ days: 1 }).toISODate());
      expect(addDays(d, -40)).toBe(dt.minus({ days: 40 }).toISODate());
      expect(weekdayOf(d)).toBe(dt.weekday);
    }
  });

  it('zonedInstant is memoised without sharing the returned Date', () => {
    const a = zonedInstant('2027-03-14', '02:30', 'America/New_York');
    a.setTime(0);
    // 02:30 does not exist that night: it moves forward to 03:30 EDT
    expect(zonedInstant('2027-03-14', '02:30', 'America/New_York').toISOString()).toBe('2027-03-14T07:30:00.000Z');
  });
});
