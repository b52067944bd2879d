import { createDefaultHolidaySource, DateHolidaysSource, JapanHolidaySource, type Logger } from '@kaeru/core';
import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { sentOf } from '../scheduler/helpers';

describe('national holidays of other countries', () => {
  const source = createDefaultHolidaySource();

  it('takes public holidays only, not bank holidays or observances', () => {
    const us = (source.holidays('US', 2027) ?? []).map((h) => h.date);
    expect(us).toContain('2027-07-05'); // Independence Day observed
    expect(us).toContain('2027-11-25'); // Thanksgiving
    const de = (source.holidays('DE', 2026) ?? []).map((h) => h.date);
    expect(de).toContain('2026-12-25');
    expect(de).not.toContain('2026-12-24'); // Heiligabend is a bank day / optional, not public
    // Japan through date-holidays agrees with the built-in table, bank days (12/31, 1/2, 1/3) left out.
    const viaLib = (new DateHolidaysSource().holidays('JP', 2027) ?? []).map((h) => h.date);
    expect(viaLib).toEqual((new JapanHolidaySource().holidays('JP', 2027) ?? []).map((h) => h.date).sort());
  });

  it('keeps the built-in Japanese names', () => {
    expect(source.holidays('JP', 2026)?.find((h) => h.date === '2026-11-23')?.name).toBe('勤労感謝の日');
  });

  it('has nothing for an unknown country', () => {
    expect(source.holidays('ZZ', 2027)).toBeUndefined();
  });
});

describe('a year beyond the data', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('says so in the log, once per country and year, and keeps asking on work days', async () => {
    const warnings: Array<{ message: string; fields?: Record<string, unknown> }> = [];
    const logger: Logger = { debug() {}, info() {}, error() {}, warn: (message, fields) => void warnings.push({ message, fields }) };
    bot = await createTestBot({
      now: '2051-01-02T08:00:00+09:00',
      holidays: new JapanHolidaySource(), // its table ends in 2050
      logger,
      rooms: [{ id: 'sales', name: '営業部', members: ['u1'], reminderAfterMinutes: 0 }],
      members: [{ id: 'u1', name: '山田 洋子' }],
    });
    await bot.advanceTo('2051-01-10T12:00:00+09:00');
    const about2051 = warnings.filter((w) => /no national holiday data/.test(w.message) && w.fields?.year === 2051);
    expect(about2051).toHaveLength(1);
    expect(about2051[0].fields).toMatchObject({ country: 'JP' });
    expect(sentOf(bot, 'hearing').length).toBeGreaterThan(3);
  });
});
