import { readBareHour } from './bare-hour';
import type { LocalClock } from './clock';

const clock = (nowMinutes: number, teiji = 18 * 60): LocalClock => ({
  instant: new Date(0), zone: 'Asia/Tokyo', today: '2026-12-07', nowMinutes, teiji,
});
const at = (h: number, m = 0) => h * 60 + m;

describe('readBareHour', () => {
  it('reads 1–9 as the evening: the morning is before 定時 − 8 h', () => {
    expect(readBareHour(6, 0, clock(at(9)), true)).toEqual({ minutes: at(18) });
    expect(readBareHour(7, 30, clock(at(6)), true)).toEqual({ minutes: at(19, 30) });
    expect(readBareHour(1, 0, clock(at(9)), true)).toEqual({ minutes: at(13) });
  });

  it('keeps the morning as an alternative while it is still plausible and ahead', () => {
    expect(readBareHour(10, 0, clock(at(9)), true)).toEqual({ minutes: at(22), alternatives: ['10:00'] });
    expect(readBareHour(11, 30, clock(at(9)), true)).toEqual({ minutes: at(23, 30), alternatives: ['11:30'] });
  });

  it('drops the morning reading once it is past (today only)', () => {
    expect(readBareHour(10, 0, clock(at(11)), true)).toEqual({ minutes: at(22) });
    expect(readBareHour(10, 0, clock(at(11)), false)).toEqual({ minutes: at(22), alternatives: ['10:00'] });
  });

  it('follows 定時: with 定時 15:00 the window opens at 07:00', () => {
    expect(readBareHour(8, 0, clock(at(6), at(15)), true)).toEqual({ minutes: at(20), alternatives: ['08:00'] });
  });

  it('reads 12 as noon with midnight as the alternative', () => {
    expect(readBareHour(12, 0, clock(at(9)), true)).toEqual({ minutes: at(12), alternatives: ['00:00'] });
  });

  it('reads 0 and 24–29 as after midnight, 13–23 as said', () => {
    expect(readBareHour(0, 0, clock(at(9)), true)).toEqual({ minutes: at(24) });
    expect(readBareHour(25, 0, clock(at(9)), true)).toEqual({ minutes: at(25) });
    expect(readBareHour(18, 30, clock(at(9)), true)).toEqual({ minutes: at(18, 30) });
  });

  it('rejects what is not an hour', () => {
    expect(readBareHour(30, 0, clock(at(9)), true)).toBeUndefined();
    expect(readBareHour(18, 75, clock(at(9)), true)).toBeUndefined();
  });
});
