import { createTestBot, type TestBot } from '@kaeru/core/testing';
import { salesTeam } from './fixtures';

describe('hearing', () => {
  let bot: TestBot;
  afterEach(() => bot?.close());

  it('asks every member once, in a DM, at the room hearing time, in their language, with buttons', async () => {
    bot = await createTestBot(salesTeam());
    await bot.advanceTo('2026-12-07T08:59:00+09:00');
    expect(bot.sent).toEqual([]);

    await bot.advanceTo('2026-12-07T09:00:00+09:00');
    const hearings = bot.sent.filter((s) => s.kind === 'hearing');
    expect(hearings.map((h) => h.to)).toEqual([
      { kind: 'member', id: 'u1' },
      { kind: 'member', id: 'u2' },
      { kind: 'member', id: 'u3' },
    ]);
    expect(hearings.every((h) => h.at === '2026-12-07T00:00:00.000Z')).toBe(true);
    const yamada = hearings[0];
    expect(yamada.text).toContain('山田 洋子');
    expect(yamada.text).toContain('何時に帰る');
    expect(yamada.buttons!.map((b) => b.label)).toEqual(['定時 18:00', '18:30', '19:00', '20:00', '未定', '直帰', '休み']);
    expect(hearings[1].text).toMatch(/What time do you plan to leave today/);
    expect(hearings[1].buttons!.map((b) => b.label)).toContain('Usual time 18:00');

    await bot.advanceTo('2026-12-07T18:00:00+09:00');
    expect(bot.sent.filter((s) => s.kind === 'hearing')).toHaveLength(3);
  });

  it('asks a member of two rooms only once', async () => {
    bot = await createTestBot(
      salesTeam({
        rooms: [
          { id: 'sales', name: '営業部', members: ['u1', 'u2'] },
          { id: 'dev', name: '開発部', hearingAt: '08:30', reportAt: '10:30', members: ['u1', 'u3'] },
        ],
      }),
    );
    await bot.advanceTo('2026-12-07T12:00:00+09:00');
    const toU1 = bot.sent.filter((s) => s.kind === 'hearing' && s.to.id === 'u1');
    expect(toU1).toHaveLength(1);
    // the earliest of its rooms' hearing times
    expect(toU1[0].at).toBe('2026-12-06T23:30:00.000Z');
  });

  it('clicking a hearing button stores the choice and confirms it', async () => {
    bot = await createTestBot(salesTeam());
    await bot.advanceTo('2026-12-07T09:00:00+09:00');
    const hearing = bot.sent.find((s) => s.kind === 'hearing' && s.to.id === 'u1')!;
    const button = hearing.buttons!.find((b) => b.label === '18:30')!;
    const [reply] = await bot.click('u1', button.value);
    expect(reply.text).toContain('18:30');
    expect(reply.to).toEqual({ kind: 'member', id: 'u1' });
    expect(await bot.declaration('u1', '2026-12-07')).toEqual({ state: 'leaving', time: '18:30' });
  });

  it('a button clicked the next day still answers the day it asked about', async () => {
    bot = await createTestBot(salesTeam());
    await bot.advanceTo('2026-12-07T09:00:00+09:00');
    const value = bot.sent.find((s) => s.to.id === 'u3')!.buttons!.find((b) => b.label === '未定')!.value;
    await bot.advanceTo('2026-12-08T08:00:00+09:00');
    await bot.click('u3', value);
    expect(await bot.declaration('u3', '2026-12-07')).toEqual({ state: 'undecided' });
    expect(await bot.declaration('u3', '2026-12-08')).toBeUndefined();
  });

  it('shows typed examples where the adapter has no buttons', async () => {
    bot = await createTestBot(salesTeam({ capabilities: { buttons: false } }));
    await bot.advanceTo('2026-12-07T09:00:00+09:00');
    const hearing = bot.sent.find((s) => s.to.id === 'u1')!;
    expect(hearing.buttons).toBeUndefined();
    expect(hearing.text).toContain('「18時半」');
    expect(hearing.text).toContain('「定時」');
  });

  it('does not ask on weekends, national holidays or company holidays', async () => {
    // Fri 2026-11-20 → Mon 11-23 is 勤労感謝の日; Tue 11-24 is a company holiday.
    bot = await createTestBot(salesTeam({ now: '2026-11-20T08:00:00+09:00', companyHolidays: ['2026-11-24'] }));
    await bot.advanceTo('2026-11-25T12:00:00+09:00');
    const days = [...new Set(bot.sent.filter((s) => s.kind === 'hearing').map((s) => s.at.slice(0, 10)))];
    // 09:00 in Tokyo is 00:00 UTC of the same date
    expect(days).toEqual(['2026-11-20', '2026-11-25']);
    expect(bot.sent.filter((s) => s.kind === 'report').map((s) => s.at)).toEqual(['2026-11-20T01:00:00.000Z', '2026-11-25T01:00:00.000Z']);
  });

  it('skips the member who declared the day off ahead, and the report shows it', async () => {
    bot = await createTestBot(salesTeam());
    const [reply] = await bot.say('u1', '明日休み');
    expect(reply.text).toContain('休み');
    await bot.advanceTo('2026-12-08T10:00:00+09:00');
    const tuesday = bot.sent.filter((s) => s.kind === 'hearing' && s.at.startsWith('2026-12-08'));
    expect(tuesday.map((s) => s.to.id)).toEqual(['u2', 'u3']);
    const report = bot.sent.filter((s) => s.kind === 'report').at(-1)!;
    expect(report.text).toMatch(/休み\s+山田 洋子/);
  });
});
