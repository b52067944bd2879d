import type { LocalClock } from './clock';
import { readClockTime } from './clock-time';
import { readRelativeTime } from './relative-time';
import { Scan } from './scan';
import { readTeiji } from './teiji';
import { timeFields, type Read, type TimeReading } from './time-reading';

const clock: LocalClock = { instant: new Date(0), zone: 'Asia/Tokyo', today: '2026-12-07', nowMinutes: 17 * 60 + 10, teiji: 18 * 60 };
const fields = (r: Read<TimeReading>) => (r && r !== 'invalid' ? timeFields(r) : r);
const clockTime = (text: string) => fields(readClockTime(new Scan(text), clock, true));
const teiji = (text: string) => fields(readTeiji(new Scan(text), clock));
const relative = (text: string) => fields(readRelativeTime(new Scan(text), clock, true));

describe('readClockTime', () => {
  it.each([
    ['18:30', '18:30'], ['18時', '18:00'], ['18時半', '18:30'], ['18時30分', '18:30'], ['1830', '18:30'], ['18.30', '18:30'],
    ['午後6時', '18:00'], ['夜7時', '19:00'], ['6pm', '18:00'], ['6:30 pm', '18:30'], ["7 o'clock", '19:00'], ['noon', '12:00'],
    ['0730', '07:30'], ['午前11時', '11:00'], ['夕方5時', '17:00'],
  ])('%s → %s', (text, time) => expect(clockTime(text)).toEqual({ time }));

  it('marks times past midnight', () => {
    expect(clockTime('25時')).toEqual({ time: '01:00', lateNight: true });
    expect(clockTime('深夜1時')).toEqual({ time: '01:00', lateNight: true });
    expect(clockTime('midnight')).toEqual({ time: '00:00', lateNight: true });
    expect(clockTime('1am')).toEqual({ time: '01:00', lateNight: true });
  });

  it('reads ranges as their end, approximate', () => {
    expect(clockTime('18~19時')).toEqual({ time: '19:00', approx: true, range: { from: '18:00', to: '19:00' } });
    expect(clockTime('6-7pm')).toEqual({ time: '19:00', approx: true, range: { from: '18:00', to: '19:00' } });
    expect(clockTime('11am-1pm')).toEqual({ time: '13:00', approx: true, range: { from: '11:00', to: '13:00' } });
  });

  it('reads a bare number only where words make it a time', () => {
    expect(clockTime('7')).toBeUndefined();
    expect(clockTime('3人')).toBeUndefined();
    expect(clockTime('at 7')).toEqual({ time: '19:00' });
    expect(clockTime('7ish')).toEqual({ time: '19:00' });
  });

  it('refuses impossible or competing times', () => {
    expect(clockTime('18時75分')).toBe('invalid');
    expect(clockTime('30時')).toBe('invalid');
    expect(clockTime('午前13時')).toBe('invalid');
    expect(clockTime('18時と20時')).toBe('invalid');
  });

  it('consumes what it read and nothing else', () => {
    const scan = new Scan('19時半には帰る');
    readClockTime(scan, clock, true);
    expect(scan.rest.trim()).toBe('には帰る');
  });
});

describe('readTeiji', () => {
  it.each([
    ['定時', '18:00'], ['定時+1', '19:00'], ['定時+30', '18:30'], ['定時+30分', '18:30'], ['定時+1.5', '19:30'],
    ['定時の1時間後', '19:00'], ['定時から30分', '18:30'], ['定時の30分前', '17:30'], ['定時の1時間半後', '19:30'],
    ['1時間残業', '19:00'], ['残業30分', '18:30'], ['usual time', '18:00'], ['an hour after the usual time', '19:00'],
    ['usual time + 1h', '19:00'], ['いつも通り', '18:00'],
  ])('%s → %s', (text, time) => expect(teiji(text)).toEqual({ time }));

  it('does not see 定時 inside 予定時刻 or "unusual"', () => {
    expect(teiji('予定時刻')).toBeUndefined();
    expect(teiji('予定時間')).toBeUndefined();
    expect(teiji('unusual time')).toBeUndefined();
  });
});

describe('readRelativeTime', () => {
  it.each([
    ['1時間後', '18:10'], ['あと30分で', '17:40'], ['30分後', '17:40'], ['1時間半後', '18:40'], ['90分後', '18:40'],
    ['in 2 hours', '19:10'], ['in 30 min', '17:40'], ['in an hour and a half', '18:40'], ['an hour from now', '18:10'], ['今から', '17:10'],
  ])('%s at 17:10 → %s', (text, time) => expect(relative(text)).toEqual({ time }));

  it('is approximate with くらい / about', () => {
    expect(relative('2時間くらいで')).toEqual({ time: '19:10', approx: true });
    expect(relative('in about an hour')).toEqual({ time: '18:10', approx: true });
  });

  it('does not take the minutes of a clock time', () => {
    expect(relative('18時30分で')).toBeUndefined();
  });

  it('has no "now" on another day', () => {
    expect(readRelativeTime(new Scan('1時間後'), clock, false)).toBe('invalid');
  });
});
