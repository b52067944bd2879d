import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { local, sentOf } from './helpers';

/**
 * A 09:00 hearing and a 10:00 report fire at those local times on both sides of a daylight
 * saving change, once a day: never twice, never skipped.
 */
const cases = [
  { zone: 'America/New_York', country: 'US', from: '2027-03-11', to: '2027-03-17', change: 'spring forward, Sunday 2027-03-14' },
  { zone: 'America/New_York', country: 'US', from: '2026-10-29', to: '2026-11-04', change: 'fall back, Sunday 2026-11-01' },
  { zone: 'Europe/London', country: 'GB', from: '2027-03-24', to: '2027-03-31', change: 'spring forward, Sunday 2027-03-28' },
  { zone: 'Europe/London', country: 'GB', from: '2026-10-22', to: '2026-10-28', change: 'fall back, Sunday 2026-10-25' },
];

describe('daylight saving', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it.each(cases)('$zone, $change', async ({ zone, country, from, to }) => {
    bot = await createTestBot({
      now: `${from}T06:00:00Z`, // before 09:00 local in both zones
      rooms: [{ id: 'team', name: 'Team', timeZone: zone, country, locale: 'en', hearingAt: '09:00', reportAt: '10:00', members: ['a'], reminderAfterMinutes: 0 }],
      members: [{ id: 'a', name: 'Alex', locale: 'en' }],
    });
    await bot.advanceTo(`${to}T23:59:00Z`);
    const hearings = sentOf(bot, 'hearing').map((s) => local(s.at, zone));
    const reports = sentOf(bot, 'report').map((s) => local(s.at, zone));
    expect(hearings.length).toBeGreaterThanOrEqual(4);
    // Every one at 09:00 local, one per day (no day twice), the same days as the reports.
    expect(hearings.every((h) => h.endsWith(' 09:00'))).toBe(true);
    expect(new Set(hearings.map((h) => h.slice(0, 10))).size).toBe(hearings.length);
    expect(reports.map((r) => r.slice(0, 10))).toEqual(hearings.map((h) => h.slice(0, 10)));
    expect(reports.every((r) => r.endsWith(' 10:00'))).toBe(true);
    // Every weekday of the span that is not a public holiday got its hearing: none skipped.
    const weekdays = datesFrom(from, to).filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()));
    // Good Friday and Easter Monday are public holidays in GB (date-holidays, type public).
    const expected = weekdays.filter((d) => !(country === 'GB' && ['2027-03-26', '2027-03-29'].includes(d)));
    expect(hearings.map((h) => h.slice(0, 10))).toEqual(expected);
  });
});

function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}
