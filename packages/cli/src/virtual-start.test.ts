import { defaultVirtualStart, parseStart } from './virtual-start';

describe('where a virtual clock starts', () => {
  it("is 08:55 of today in the room's zone on a weekday, whatever the server's zone", () => {
    // Monday 2026-12-07 15:00 JST.
    expect(defaultVirtualStart(new Date('2026-12-07T06:00:00Z'), 'Asia/Tokyo').toISOString()).toBe('2026-12-06T23:55:00.000Z');
    // Monday 00:30 JST is still Sunday in UTC: the room's zone decides.
    expect(defaultVirtualStart(new Date('2026-12-06T15:30:00Z'), 'Asia/Tokyo').toISOString()).toBe('2026-12-06T23:55:00.000Z');
  });

  it('is the last Friday on a weekend', () => {
    expect(defaultVirtualStart(new Date('2026-12-13T03:00:00Z'), 'Asia/Tokyo').toISOString()).toBe('2026-12-10T23:55:00.000Z');
  });

  it('--start takes an ISO instant or a local date-time, and names itself when unreadable', () => {
    expect(parseStart('2026-12-07T08:55:00+09:00', 'Asia/Tokyo').toISOString()).toBe('2026-12-06T23:55:00.000Z');
    expect(parseStart('2026-12-07T08:55', 'Asia/Tokyo').toISOString()).toBe('2026-12-06T23:55:00.000Z');
    expect(() => parseStart('tomorrow', 'Asia/Tokyo')).toThrow(/configuration: --start: "tomorrow" is not a date-time/);
  });
});
