import fc from 'fast-check';
import { addDays, datesBetween, isDate, weekdayOf } from '../calendar/zoned';
import { civilDate, daysBetween, everyDate, isoWeekday, plusDays } from './civil-date';

const dates = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('civil dates agree with calendar/zoned.ts', () => {
  it('plusDays = addDays, isoWeekday = weekdayOf', () => {
    fc.assert(fc.property(dates, fc.integer({ min: -800, max: 800 }), (date, n) => {
      expect(plusDays(date, n)).toBe(addDays(date, n));
      expect(isoWeekday(date)).toBe(weekdayOf(date));
    }));
  });

  it('everyDate = datesBetween, daysBetween counts them', () => {
    fc.assert(fc.property(dates, fc.integer({ min: 0, max: 40 }), (from, n) => {
      const to = addDays(from, n);
      expect(everyDate(from, to)).toEqual(datesBetween(from, to));
      expect(daysBetween(from, to)).toBe(n);
    }));
  });

  it('civilDate exists exactly when isDate says so', () => {
    fc.assert(fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      expect(civilDate(y, m, d)).toBe(isDate(text) ? text : undefined);
    }));
  });

  it('knows leap years', () => {
    expect(civilDate(2028, 2, 29)).toBe('2028-02-29');
    expect(civilDate(2027, 2, 29)).toBeUndefined();
    expect(civilDate(2100, 2, 29)).toBeUndefined();
  });
});
