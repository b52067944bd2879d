import type { Outgoing } from '@kaeru/core';
import { echoEngine, FakeClock, MEMBERS, startConsole } from './test-support/console-under-test';

const hearing: Outgoing = {
  kind: 'hearing',
  text: '今日は何時に帰りますか？',
  locale: 'ja',
  buttons: [
    { label: '定時 18:00', value: 'declare:18:00' },
    { label: '18:30', value: 'declare:18:30' },
    { label: '未定', value: 'declare:undecided' },
  ],
};

describe('console adapter: labelling', () => {
  it('labels DMs with the member name and rooms with #name, and shows buttons numbered', async () => {
    const c = await startConsole();
    await c.adapter.send({ kind: 'member', id: 'yamada', name: '山田 洋子' }, hearing);
    await c.adapter.send({ kind: 'room', id: 'sales' }, { kind: 'report', text: '12/7 の帰宅予定\n山田 洋子 18:30', locale: 'ja' });
    const out = await c.run([]);
    expect(out).toContain('[DM → 山田 洋子] 今日は何時に帰りますか？\n  [1] 定時 18:00  [2] 18:30  [3] 未定\n');
    // The room's name comes from the config when the engine gives none; later lines are indented.
    expect(out).toContain('[#営業部] 12/7 の帰宅予定\n  山田 洋子 18:30\n');
  });

  it('prints an edited message again, marked as updated', async () => {
    const c = await startConsole();
    const sent = await c.adapter.send({ kind: 'room', id: 'sales', name: '営業部' }, { kind: 'report', text: 'board v1', locale: 'ja' });
    await c.adapter.edit({ kind: 'room', id: 'sales', name: '営業部' }, sent.ref!, { kind: 'report', text: 'board v2', locale: 'ja' });
    expect(await c.run([])).toContain('[#営業部] (updated) board v2');
  });

  it('declares buttons, DMs and edits, and no user directory', async () => {
    const c = await startConsole();
    expect(c.adapter.capabilities).toEqual({ buttons: true, directMessages: true, editMessages: true, userDirectory: false });
    expect(c.adapter.name).toBe('console');
    await c.run([]);
  });
});

describe('console adapter: speaking', () => {
  it('speaks as the first member in DM until /as, then as the named member (by id or name)', async () => {
    const c = await startConsole();
    const out = await c.run(['18時', '/as tanaka', '19時', '/as Ken', 'help']);
    expect(c.received.map((i) => [i.memberId, i.roomId, i.text])).toEqual([
      ['yamada', undefined, '18時'],
      ['tanaka', undefined, '19時'],
      ['ken', undefined, 'help'],
    ]);
    // A piped transcript echoes what each member typed.
    expect(out).toContain('山田 洋子> 18時\n[DM → 山田 洋子] got 18時');
    expect(out).toContain('田中 健> 19時\n[DM → 田中 健] got 19時');
  });

  it('/in speaks in a room as the current member; /as goes back to DM', async () => {
    const c = await startConsole();
    const out = await c.run(['/as 田中', '/in 営業部', 'report', '/as yamada', 'report']);
    expect(c.received.map((i) => [i.memberId, i.roomId])).toEqual([
      ['tanaka', 'sales'],
      ['yamada', undefined],
    ]);
    expect(out).toContain('[#営業部] 田中 健> report\n[#営業部] got report');
  });

  it('says who is unknown or ambiguous and lists the choices', async () => {
    const c = await startConsole({ members: [...MEMBERS, { id: 'yamamoto', name: '山本 一郎' }] });
    const out = await c.run(['/as nobody', '/as 山', '/in nowhere']);
    expect(out).toContain('no member "nobody". Members: yamada (山田 洋子)');
    expect(out).toContain('"山" matches several: yamada (山田 洋子), yamamoto (山本 一郎)');
    expect(out).toContain('no room "nowhere". Rooms: sales (営業部)');
    expect(c.received).toHaveLength(0);
  });

  it('gives every line its own event id, unique across consoles (runs)', async () => {
    const a = await startConsole();
    await a.run(['a', 'b', 'c']);
    const b = await startConsole();
    await b.run(['a']);
    const ids = [...a.received, ...b.received].map((i) => i.eventId);
    expect(new Set(ids).size).toBe(4);
    expect(a.received.every((i) => i.adapter === 'console' && i.receivedAt instanceof Date)).toBe(true);
  });
});

describe('console adapter: buttons', () => {
  it('a number clicks that button of the last buttons shown to the current member', async () => {
    const c = await startConsole();
    await c.adapter.send({ kind: 'member', id: 'yamada', name: '山田 洋子' }, hearing);
    const out = await c.run(['2']);
    expect(c.received).toHaveLength(1);
    expect(c.received[0]).toMatchObject({ memberId: 'yamada', action: 'declare:18:30' });
    expect(c.received[0].text).toBeUndefined();
    expect(out).toContain('山田 洋子> [2] 18:30');
  });

  it('another member has no buttons yet, and a number beyond the buttons is plain text', async () => {
    const c = await startConsole();
    await c.adapter.send({ kind: 'member', id: 'yamada' }, hearing);
    await c.run(['/as tanaka', '1', '/as yamada', '18', '１']);
    expect(c.received.map((i) => [i.memberId, i.text, i.action])).toEqual([
      ['tanaka', '1', undefined],
      ['yamada', '18', undefined],
      ['yamada', undefined, 'declare:18:00'],
    ]);
  });

  it('a click from inside a room answers the DM buttons as a DM', async () => {
    const c = await startConsole();
    await c.adapter.send({ kind: 'member', id: 'yamada' }, hearing);
    await c.run(['/in sales', '3']);
    expect(c.received[0]).toMatchObject({ memberId: 'yamada', roomId: undefined, action: 'declare:undecided' });
  });
});

describe('console adapter: scripted input', () => {
  it('handles piped lines strictly in order, each after the previous turn finished', async () => {
    const log: string[] = [];
    const c = await startConsole({}, async (incoming, adapter) => {
      log.push(`start ${incoming.text}`);
      // The first turn is the slowest: a console that ran lines concurrently would interleave.
      await new Promise((resolve) => setTimeout(resolve, incoming.text === 'one' ? 30 : 1));
      log.push(`end ${incoming.text}`);
      await adapter.send({ kind: 'member', id: incoming.memberId }, { kind: 'reply', text: `re ${incoming.text}`, locale: 'ja' });
      return [];
    });
    const out = await c.run(['one', 'two', 'three']);
    expect(log).toEqual(['start one', 'end one', 'start two', 'end two', 'start three', 'end three']);
    expect(out.indexOf('re one')).toBeLessThan(out.indexOf('re two'));
    expect(out.indexOf('re two')).toBeLessThan(out.indexOf('re three'));
  });

  it('closes after the last pending turn when input ends', async () => {
    let finished = false;
    const c = await startConsole({}, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
      return [];
    });
    await c.run(['slow']);
    expect(finished).toBe(true);
  });

  it('/quit stops reading: later lines are not sent', async () => {
    const c = await startConsole();
    const out = await c.run(['a', '/quit', 'b']);
    expect(c.received.map((i) => i.text)).toEqual(['a']);
    expect(out).toContain('-- bye');
  });

  it('keeps going after a turn fails, and says so', async () => {
    const c = await startConsole({}, async (incoming, adapter) => {
      if (incoming.text === 'boom') throw new Error('[kaeru] storage down');
      return echoEngine(incoming, adapter);
    });
    const out = await c.run(['boom', 'after']);
    expect(out).toContain('-- error: [kaeru] storage down');
    expect(out).toContain('got after');
  });

  it('answers an unknown /command with the list of commands, and /help explains them', async () => {
    const c = await startConsole();
    const out = await c.run(['/frobnicate', '/help']);
    expect(out).toContain('-- unknown command "/frobnicate". Commands: /as <member>, /in <room>, /dm, /time <HH:mm | ISO>, /help, /quit');
    expect(out).toContain('/time <HH:mm|ISO>  move the clock forward');
    expect(c.received).toHaveLength(0);
  });

  it('starts with a first line that says how to speak, move the clock and quit', async () => {
    const c = await startConsole({ clock: new FakeClock(new Date('2026-12-07T08:55:00+09:00')) });
    const out = await c.run([]);
    const first = out.split('\n')[0];
    expect(first).toMatch(/\/as <member>/);
    expect(first).toMatch(/\/time/);
    expect(first).toMatch(/\/quit/);
    expect(out).toContain('-- clock: 2026-12-07 (Mon) 08:55 Asia/Tokyo');
  });
});

describe('console adapter: /time', () => {
  it('moves a virtual clock to the next such local time, or to an ISO instant', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:55:00+09:00'));
    const c = await startConsole({ clock });
    const out = await c.run(['/time 09:00', '/time 08:00', '/time 2026-12-09T10:00', '/time 2026-12-09T12:00:00Z']);
    expect(clock.moves).toEqual([
      '2026-12-07T00:00:00.000Z', // 09:00 JST today
      '2026-12-07T23:00:00.000Z', // 08:00 has passed today: tomorrow's
      '2026-12-09T01:00:00.000Z', // a local ISO time is read in the console's zone
      '2026-12-09T12:00:00.000Z',
    ]);
    expect(out).toContain('-- clock: 2026-12-07 (Mon) 09:00 Asia/Tokyo');
  });

  it('prints the clock line before what the move sends, and stamps lines with the virtual time', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:55:00+09:00'));
    const c = await startConsole({ clock });
    clock.onAdvance = async () => void (await c.adapter.send({ kind: 'member', id: 'yamada' }, hearing));
    const out = await c.run(['/time 09:00', 'hi']);
    expect(out.indexOf('-- clock: 2026-12-07 (Mon) 09:00')).toBeLessThan(out.indexOf('[DM → 山田 洋子] 今日は'));
    expect(c.received[0].receivedAt.toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it('refuses to go back or to read nonsense, and says how to get a virtual clock', async () => {
    const clock = new FakeClock(new Date('2026-12-07T08:55:00+09:00'));
    const c = await startConsole({ clock });
    const out = await c.run(['/time 2026-12-01T09:00', '/time soon']);
    expect(clock.moves).toEqual([]);
    expect(out).toContain('the clock only moves forward');
    expect(out).toContain('cannot read "soon" as a time');

    const real = await startConsole();
    expect(await real.run(['/time 09:00'])).toContain('start with --clock virtual');
  });
});

describe('console adapter: start', () => {
  it('holds typed lines until inputReady resolves (the bot has armed its scheduler)', async () => {
    let ready!: () => void;
    const c = await startConsole({ inputReady: new Promise<void>((resolve) => (ready = resolve)) });
    const done = c.run(['early']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(c.received).toHaveLength(0);
    ready();
    await done;
    expect(c.received.map((i) => i.text)).toEqual(['early']);
  });
});
