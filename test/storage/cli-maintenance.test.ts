import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createTypeormStorage } from '@kaeru/storage-typeorm';
import { runBackup, runRestore } from '../../packages/cli/src/commands/backup';
import { runPurge } from '../../packages/cli/src/commands/purge';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (sink: string[]) => Object.assign(new PassThrough(), { write: (s: string) => (sink.push(s), true) });
  return { io: { stdin: new PassThrough(), stdout: stream(out), stderr: stream(err), env: {}, cwd }, out, err };
}

describe('kaeru purge / backup / restore (commands, in-process)', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaeru-cli-maint-'));
    file = join(dir, 'kaeru.sqlite');
    const storage = createTypeormStorage({ type: 'sqlite', file });
    await storage.init();
    await storage.members.upsert([{ id: 'u1', name: '山田', aliases: [] }, { id: 'u2', name: '田中', aliases: [] }]);
    for (const id of ['u1', 'u2']) {
      await storage.declarations.apply(id, '2024-01-05', { memberId: id, date: '2024-01-05', state: 'off', updatedAt: '2024-01-05T00:00:00Z' }, { memberId: id, date: '2024-01-05', at: '2024-01-05T00:00:00Z' });
    }
    await storage.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('purges one member and says what it removed', async () => {
    const run = io(dir);
    expect(await runPurge({ member: 'u1', db: file }, run.io)).toBe(0);
    expect(run.out.join('')).toMatch(/purged u1: 1 member, 1 declaration, 1 history entry, 0 jobs/);
    const storage = createTypeormStorage({ type: 'sqlite', file });
    await storage.init();
    expect(await storage.members.get('u1')).toBeUndefined();
    expect(await storage.members.get('u2')).toBeDefined();
    await storage.close();
  });

  it('purges expired data with --expired, and refuses a missing database or no mode', async () => {
    const run = io(dir);
    expect(await runPurge({ expired: true, db: file }, run.io)).toBe(0);
    expect(run.out.join('')).toMatch(/purged expired data: 0 members, 2 declarations, 2 history entries/);
    expect(await runPurge({ member: 'u1', db: join(dir, 'nope.sqlite') }, io(dir).io)).toBe(1);
    expect(await runPurge({ db: file }, io(dir).io)).toBe(2);
  });

  it('backs up and restores through the commands', async () => {
    const run = io(dir);
    expect(await runBackup('backups/one.sqlite', { db: file }, run.io)).toBe(0);
    expect(run.out.join('')).toMatch(/backed up .* to .*backups\/one\.sqlite/);
    expect(await runPurge({ member: 'u2', db: file }, io(dir).io)).toBe(0);
    const restore = io(dir);
    expect(await runRestore('backups/one.sqlite', { db: file }, restore.io)).toBe(0);
    expect(restore.out.join('')).toMatch(/kept as .*before-restore-/);
    const storage = createTypeormStorage({ type: 'sqlite', file });
    await storage.init();
    expect(await storage.members.get('u2')).toBeDefined();
    await storage.close();
  });
});
