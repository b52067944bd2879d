import type { LocalClock } from './clock';
import { readDates } from './dates';
import { Scan } from './scan';

/** 2026-12-07 is a Monday; 2026-12-11 a Friday; 2026-12-13 a Sunday. */
const on = (today: string): LocalClock => ({ instant: new Date(0), zone: 'Asia/Tokyo', today, nowMinutes: 540, teiji: 1080 });
const read = (text: string, today = '2026-12-07') => {
  const scan = new Scan(text);
  return { dates: readDates(scan, on(today)), rest: scan.rest.trim() };
};

describe('readDates', () => {
  it('reads relative days', () => {
    expect(read('明日は').dates).toEqual(['2026-12-08']);
    expect(read('明後日').dates).toEqual(['2026-12-09']);
    expect(read('day after tomorrow').dates).toEqual(['2026-12-09']);
    expect(read('today').dates).toEqual(['2026-12-07']);
  });

  it('refuses the past', () => {
    expect(read('昨日').dates).toBe('invalid');
    expect(read('yesterday').dates).toBe('invalid');
  });

  it('reads a weekday as the coming one, today included', () => {
    expect(read('金曜').dates).toEqual(['2026-12-11']);
    expect(read('金曜日', '2026-12-11').dates).toEqual(['2026-12-11']);
    expect(read('月曜', '2026-12-11').dates).toEqual(['2026-12-14']);
    expect(read('on friday').dates).toEqual(['2026-12-11']);
  });

  it('reads "next Monday" and 来週 as next week', () => {
    expect(read('next monday').dates).toEqual(['2026-12-14']);
    expect(read('来週の月曜').dates).toEqual(['2026-12-14']);
    expect(read('来週の金曜').dates).toEqual(['2026-12-18']);
    expect(read('next monday', '2026-12-13').dates).toEqual(['2026-12-14']);
    expect(read('再来週の月曜').dates).toEqual(['2026-12-21']);
    expect(read('次の金曜', '2026-12-11').dates).toEqual(['2026-12-18']);
  });

  it('reads month/day as the coming one, rolling into next year', () => {
    expect(read('12/24').dates).toEqual(['2026-12-24']);
    expect(read('12/24', '2026-12-25').dates).toEqual(['2027-12-24']);
    expect(read('1/4').dates).toEqual(['2027-01-04']);
    expect(read('12月24日').dates).toEqual(['2026-12-24']);
    expect(read('dec 24').dates).toEqual(['2026-12-24']);
    expect(read('24th december').dates).toEqual(['2026-12-24']);
    expect(read('24日').dates).toEqual(['2026-12-24']);
    expect(read('5日', '2026-12-07').dates).toEqual(['2027-01-05']);
  });

  it('reads full dates as written', () => {
    expect(read('2026-12-28').dates).toEqual(['2026-12-28']);
    expect(read('2027/1/3').dates).toEqual(['2027-01-03']);
  });

  it('reads ranges across the year end, and spans', () => {
    expect(read('12/29~1/3').dates).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(read('12/30~31').dates).toEqual(['2026-12-30', '2026-12-31']);
    expect(read('12月29日から1月3日まで').dates).toHaveLength(6);
    expect(read('明日から3日間').dates).toEqual(['2026-12-08', '2026-12-09', '2026-12-10']);
  });

  it('reads lists, sorted', () => {
    expect(read('12/25と12/24').dates).toEqual(['2026-12-24', '2026-12-25']);
  });

  it('consumes a weekday written after a date', () => {
    expect(read('12/24 木 は').rest).toBe('は');
  });

  it('refuses dates that do not exist and ranges that are too long', () => {
    expect(read('2/30').dates).toBe('invalid');
    expect(read('13/45').dates).toBe('invalid');
    expect(read('12/29~11/3').dates).toBe('invalid');
  });

  it('leaves times, counts and months of "maybe" alone', () => {
    expect(read('18時').dates).toBeUndefined();
    expect(read('3日間').dates).toBeUndefined();
    expect(read('maybe 9pm').dates).toBeUndefined();
    expect(read('may 9pm').dates).toBeUndefined();
  });
});
