import type { TestBotOptions } from '@kaeru/core/testing';

/** The sales room of the spine issue: Tokyo, hearing 09:00, report 10:00, 定時 18:00. 2026-12-07 is a Monday. */
export function salesTeam(overrides: Partial<TestBotOptions> = {}): TestBotOptions {
  return {
    now: '2026-12-07T08:00:00+09:00',
    rooms: [{ id: 'sales', name: '営業部', timeZone: 'Asia/Tokyo', locale: 'ja', country: 'JP', hearingAt: '09:00', reportAt: '10:00', teiji: '18:00', members: ['u1', 'u2', 'u3'] }],
    members: [
      { id: 'u1', name: '山田 洋子' },
      { id: 'u2', name: 'Ken Tanaka', locale: 'en', aliases: ['田中'] },
      { id: 'u3', name: '佐藤 健' },
    ],
    ...overrides,
  };
}
