import { localParts, parseTimeArgument, zonedInstant } from './local-time';

describe('console local time', () => {
  it('reads local parts in the zone, whatever the server zone', () => {
    expect(localParts(new Date('2026-12-06T23:30:00Z'), 'Asia/Tokyo')).toEqual({ date: '2026-12-07', time: '08:30', weekday: 1 });
    expect(localParts(new Date('2026-12-06T23:30:00Z'), 'America/New_York')).toEqual({ date: '2026-12-06', time: '18:30', weekday: 7 });
  });

  it('finds the instant of a local time, also across a DST change', () => {
    expect(zonedInstant('2026-12-07', '09:00', 'Asia/Tokyo').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(zonedInstant('2026-07-01', '09:00', 'America/New_York').toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(zonedInstant('2026-03-09', '09:00', 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(zonedInstant('2026-03-07', '09:00', 'America/New_York').toISOString()).toBe('2026-03-07T14:00:00.000Z');
  });

  it('reads HH:mm as the next such time, strictly after now', () => {
    const now = new Date('2026-12-07T09:00:00+09:00');
    expect(parseTimeArgument('10:00', now, 'Asia/Tokyo')?.toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect(parseTimeArgument('9:00', now, 'Asia/Tokyo')?.toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(parseTimeArgument('17', now, 'Asia/Tokyo')?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(parseTimeArgument('25:00', now, 'Asia/Tokyo')).toBeUndefined();
    expect(parseTimeArgument('tomorrow', now, 'Asia/Tokyo')).toBeUndefined();
  });
});
