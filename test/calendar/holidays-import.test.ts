import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryStorage, importNationalHolidays, JapanHolidaySource, parseCabinetOfficeCsv } from '@kaeru/core';
import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { sentOf } from '../scheduler/helpers';

const FIXTURES = join(__dirname, '..', 'fixtures', 'holidays');
const sjis = readFileSync(join(FIXTURES, 'syukujitsu-sample.csv'));
const utf8 = readFileSync(join(FIXTURES, 'syukujitsu-sample.utf8.csv'));

describe('the Cabinet Office holiday CSV', () => {
  it('is Shift_JIS in the real file (not valid UTF-8), and reads the same as the UTF-8 copy', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(sjis)).toThrow();
    const fromSjis = parseCabinetOfficeCsv(sjis);
    expect(fromSjis).toEqual(parseCabinetOfficeCsv(utf8));
    expect(fromSjis).toEqual(parseCabinetOfficeCsv(utf8.toString('utf8')));
    expect(fromSjis[0]).toEqual({ date: '2025-01-01', name: '元日' });
    expect(fromSjis.find((h) => h.date === '2025-02-24')).toEqual({ date: '2025-02-24', name: '休日' });
    expect(new Set(fromSjis.map((h) => h.date.slice(0, 4)))).toEqual(new Set(['2025', '2026', '2027']));
  });

  it('agrees with the built-in data for the years it covers', () => {
    const jp = new JapanHolidaySource();
    const dates = (year: number): string[] => (jp.holidays('JP', year) ?? []).map((h) => h.date).sort();
    const parsed = parseCabinetOfficeCsv(sjis);
    for (const year of [2025, 2026, 2027]) expect(parsed.filter((h) => h.date.startsWith(`${year}`)).map((h) => h.date)).toEqual(dates(year));
  });

  it('reads a UTF-8 file with a BOM', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect(parseCabinetOfficeCsv(bom)).toHaveLength(parseCabinetOfficeCsv(utf8).length);
  });

  it('refuses another file, and names a bad line', () => {
    expect(() => parseCabinetOfficeCsv('date,name\n2027-01-01,x\n')).toThrow(/first line/);
    expect(() => parseCabinetOfficeCsv('国民の祝日・休日月日,国民の祝日・休日名称\n2027/1/1,元日\n2027/2/30,嘘\n')).toThrow(/line 3/);
  });
});

describe('holidays import', () => {
  let bot: TestBot;
  afterEach(() => bot?.close());

  // 2027 as a later law might change it: 成人の日 moved from 1/11 to 1/12.
  const changed2027 = ['国民の祝日・休日月日,国民の祝日・休日名称', ...parseCabinetOfficeCsv(utf8).filter((h) => h.date.startsWith('2027')).map((h) => (h.date === '2027-01-11' ? '2027/1/12,成人の日' : `${h.date.replace(/-0?/g, '/')},${h.name}`))].join('\r\n');

  it('overrides the built-in list for the years it covers, in storage, so a restart keeps it', async () => {
    const storage = createMemoryStorage();
    await storage.init();
    const result = await importNationalHolidays(storage, 'JP', parseCabinetOfficeCsv(changed2027));
    expect(result.years).toEqual([2027]);
    bot = await createTestBot({
      now: '2027-01-08T12:00:00+09:00',
      storage,
      rooms: [{ id: 'sales', name: '営業部', members: ['u1'], reminderAfterMinutes: 0 }],
      members: [{ id: 'u1', name: '山田 洋子' }],
    });
    await bot.advanceTo('2027-01-11T12:00:00+09:00');
    await bot.restart();
    await bot.advanceTo('2027-01-13T12:00:00+09:00');
    // Monday 1/11 is a work day now, Tuesday 1/12 the holiday.
    expect(sentOf(bot, 'hearing').map((h) => h.at.slice(0, 10))).toEqual(['2027-01-11', '2027-01-13']);
    const [reply] = await bot.say('u1', '休日一覧');
    expect(reply.text).toMatch(/2\/11.*建国記念の日/);
  });

  it('a second import replaces the first for the same years only', async () => {
    const storage = createMemoryStorage();
    await storage.init();
    await importNationalHolidays(storage, 'JP', parseCabinetOfficeCsv(changed2027));
    await importNationalHolidays(storage, 'JP', parseCabinetOfficeCsv(sjis));
    expect(await storage.calendar.list('national:JP', '2027-01-01', '2027-01-31')).toEqual(['2027-01-01', '2027-01-11']);
    expect(await storage.calendar.list('national:JP', '2025-01-01', '2025-12-31')).toHaveLength(19);
    await storage.close();
  });
});
