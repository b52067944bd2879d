import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type Bot, type Storage, VirtualClock, createBot } from '@kaeru/core';
import { RecordingAdapter } from '@kaeru/core/testing';
import { backupSqlite, createTypeormStorage, restoreSqlite } from '@kaeru/storage-typeorm';

const MEMBERS = Array.from({ length: 40 }, (_, i) => ({ id: `u${i}`, name: `社員 ${i}` }));
const TIMES = ['18時', '18時半', '19時', '17:45', '20時頃', '未定', '直帰'];
// Before the hearing: the scheduler stays out of the way, every write is a declaration.
const clock = () => new VirtualClock('2026-12-07T08:00:00+09:00');

function startBot(file: string): { bot: Bot; storage: Storage } {
  const storage = createTypeormStorage({ type: 'sqlite', file });
  const c = clock();
  const bot = createBot({
    config: { rooms: [{ id: 'sales', name: '営業部', members: MEMBERS.map((m) => m.id) }], members: MEMBERS },
    storage,
    clock: c,
    adapters: [new RecordingAdapter(c)],
  });
  return { bot, storage };
}

/** One member's message through the whole engine: dedup row, declaration, history row. */
const say = (bot: Bot, n: number) =>
  bot.handle({ eventId: `ev-${n}`, adapter: 'test', memberId: MEMBERS[n % MEMBERS.length].id, text: TIMES[n % TIMES.length], receivedAt: new Date() });

/** Every declaration's latest history entry says the same: the snapshot cut no transaction in half. */
async function expectConsistent(storage: Storage, date: string): Promise<number> {
  const declarations = await storage.declarations.listByDate(date);
  for (const d of declarations) {
    const history = await storage.declarations.history(d.memberId, date);
    expect(history.length).toBeGreaterThan(0);
    expect(history.at(-1)?.after?.state).toBe(d.state);
    expect(history.at(-1)?.after?.time).toBe(d.time);
  }
  return declarations.length;
}

describe('SQLite backup and restore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kaeru-backup-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up a consistent snapshot while the bot writes, and restores it into a fresh process', async () => {
    const live = join(dir, 'live.sqlite');
    const copy = join(dir, 'backups', 'kaeru-2026-12-07.sqlite');
    const { bot } = startBot(live);
    await bot.start();
    const total = 300;
    let done = 0;
    let started = 0;
    let window: [number, number] = [0, 0];
    const writer = (async () => {
      for (let n = 0; n < total; n++) {
        started++;
        await say(bot, n);
        done++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (done < 60) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = done;
    const result = await backupSqlite(live, copy);
    window = [before, started];
    await writer;
    await bot.stop();
    expect(result.bytes).toBeGreaterThan(0);
    // Taken mid-way: writes went on after it, so the copy must not be the final state.
    expect(window[1]).toBeLessThan(total);

    // A fresh process reads the restored file with plain sqlite3: nothing of ours in memory.
    const restored = join(dir, 'restored', 'kaeru.sqlite');
    await restoreSqlite(copy, restored);
    const script = `const s=require('sqlite3');const d=new s.Database(process.argv[1],s.OPEN_READONLY);d.get("SELECT (SELECT COUNT(*) FROM kaeru_inbound_event) AS events, (SELECT COUNT(*) FROM kaeru_declaration_change) AS changes",(e,r)=>{if(e)throw e;process.stdout.write(JSON.stringify(r));d.close()})`;
    const counts = JSON.parse(execFileSync(process.execPath, ['-e', script, restored], { cwd: process.cwd(), encoding: 'utf8' })) as { events: number; changes: number };
    expect(counts.events).toBeGreaterThanOrEqual(window[0]);
    expect(counts.events).toBeLessThanOrEqual(window[1]);
    // Each event is one inbound row, then one declaration + history transaction: the writer is
    // sequential, so the snapshot may fall between the two of the one event in flight, no more.
    expect(counts.events - counts.changes).toBeGreaterThanOrEqual(0);
    expect(counts.events - counts.changes).toBeLessThanOrEqual(1);

    const fresh = createTypeormStorage({ type: 'sqlite', file: restored });
    await fresh.init();
    try {
      expect(await expectConsistent(fresh, '2026-12-07')).toBe(Math.min(counts.changes, MEMBERS.length));
      expect((await fresh.members.list()).length).toBe(MEMBERS.length);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('refuses to restore over a database a running bot has open, then restores once it stopped', async () => {
    const live = join(dir, 'live.sqlite');
    const copy = join(dir, 'copy.sqlite');
    const { bot, storage } = startBot(live);
    await bot.start();
    await say(bot, 1);
    await backupSqlite(live, copy);
    await say(bot, 2); // after the backup: the restore must take it away again
    await expect(restoreSqlite(copy, live)).rejects.toThrow(/in use by another process.*restore is offline/);
    expect(await storage.declarations.get('u2', '2026-12-07')).toBeDefined(); // untouched
    await bot.stop();

    const result = await restoreSqlite(copy, live);
    expect(result.previous && existsSync(result.previous)).toBe(true);
    const reopened = createTypeormStorage({ type: 'sqlite', file: live });
    await reopened.init();
    try {
      expect(await reopened.declarations.get('u1', '2026-12-07')).toMatchObject({ state: 'leaving', time: '18:30' });
      expect(await reopened.declarations.get('u2', '2026-12-07')).toBeUndefined();
      expect(await reopened.inbound.remember('ev-2', new Date())).toBe(true);
    } finally {
      await reopened.close();
    }
  }, 30_000);

  it('never overwrites a file, and refuses to restore what is not a kaeru database', async () => {
    const live = join(dir, 'live.sqlite');
    const storage = createTypeormStorage({ type: 'sqlite', file: live });
    await storage.init();
    await storage.close();
    writeFileSync(join(dir, 'taken.sqlite'), 'x');
    await expect(backupSqlite(live, join(dir, 'taken.sqlite'))).rejects.toThrow(/already exists/);
    await expect(backupSqlite(join(dir, 'missing.sqlite'), join(dir, 'b.sqlite'))).rejects.toThrow(/no SQLite database/);
    await expect(restoreSqlite(join(dir, 'taken.sqlite'), live)).rejects.toThrow(/cannot open|damaged|not a kaeru database/);
    execFileSync(process.execPath, ['-e', `const s=require('sqlite3');const d=new s.Database(process.argv[1]);d.run('CREATE TABLE t(x)',()=>d.close())`, join(dir, 'other.sqlite')]);
    await expect(restoreSqlite(join(dir, 'other.sqlite'), live)).rejects.toThrow(/not a kaeru database/);
  });
});
