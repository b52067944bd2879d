import { describe, expect, it } from '@jest/globals';
import type { Declaration, DeclarationChange, JobKind, Room } from '../domain/types';
import { jobKey } from '../domain/types';
import type { Storage } from '../ports/storage';
import { testRoom } from './fixtures';

const DAY = 86_400_000;
const T0 = new Date('2026-12-07T00:00:00.000Z');

const room = (id: string, members: string[]): Room => testRoom(id, { name: id, members });

/** A declaration with two history entries, so history counts differ from declaration counts. */
async function declareTwice(storage: Storage, memberId: string, date: string): Promise<void> {
  const at = `${date}T00:00:00.000Z`;
  const value = (time: string): Declaration => ({ memberId, date, state: 'leaving', time, updatedAt: at });
  const change = (time: string): DeclarationChange => ({ memberId, date, at, after: { state: 'leaving', time }, source: time });
  await storage.declarations.apply(memberId, date, value('18:00'), change('18:00'));
  await storage.declarations.apply(memberId, date, value('19:00'), change('19:00'));
}

async function claim(storage: Storage, kind: JobKind, date: string, target: string): Promise<void> {
  await storage.jobs.claim([{ key: jobKey(kind, date, target), kind, date, target, dueAt: `${date}T00:00:00.000Z` }], 'a', T0, 60_000);
}

/** Retention and erasure: part of `storageContract`, run on the same fresh storage per test. */
export function maintenanceContract(storage: () => Storage): void {
  describe('maintenance (retention and erasure)', () => {
    it('purges declarations, history and jobs before a date, and keeps that date and later', async () => {
      const s = storage();
      for (const date of ['2025-10-01', '2025-11-06', '2025-11-07', '2026-12-07']) {
        await declareTwice(s, 'u1', date);
        await claim(s, 'hearing', date, 'u1');
      }
      await claim(s, 'report', '2025-10-01', 'sales');
      const counts = await s.maintenance.purgeBefore('2025-11-07');
      expect(counts).toMatchObject({ declarations: 2, history: 4, jobs: 3, members: 0, rooms: 0 });
      expect((await s.declarations.listByMember('u1', '2000-01-01', '2100-01-01')).map((d) => d.date)).toEqual(['2025-11-07', '2026-12-07']);
      expect(await s.declarations.history('u1', '2025-11-06')).toEqual([]);
      expect(await s.declarations.history('u1', '2025-11-07')).toHaveLength(2);
      expect(await s.jobs.get(jobKey('report', '2025-10-01', 'sales'))).toBeUndefined();
      expect(await s.jobs.get(jobKey('hearing', '2025-11-07', 'u1'))).toBeDefined();
      expect(await s.maintenance.purgeBefore('2025-11-07')).toMatchObject({ declarations: 0, history: 0, jobs: 0 });
    });

    it('forgets inbound event ids received before an instant', async () => {
      await storage().inbound.remember('old', T0);
      await storage().inbound.remember('recent', new Date(T0.getTime() + 8 * DAY));
      expect(await storage().maintenance.forgetInboundBefore(new Date(T0.getTime() + 7 * DAY))).toBe(1);
      // Forgotten: a (very late) redelivery would be processed again; still known: refused.
      expect(await storage().inbound.remember('old', new Date(T0.getTime() + 9 * DAY))).toBe(true);
      expect(await storage().inbound.remember('recent', new Date(T0.getTime() + 9 * DAY))).toBe(false);
    });

    it('purges one member: profile, declarations, history, own jobs and room memberships, nobody else\u2019s', async () => {
      const s = storage();
      await s.members.upsert([{ id: 'u1', name: '山田', aliases: [] }, { id: 'u2', name: '田中', aliases: [] }]);
      await s.rooms.upsert([room('sales', ['u2', 'u1', 'u3']), room('dev', ['u2']), room('u1', [])]);
      for (const id of ['u1', 'u2']) {
        await declareTwice(s, id, '2026-12-07');
        await declareTwice(s, id, '2026-12-08');
        await claim(s, 'hearing', '2026-12-07', id);
      }
      // A room whose id equals the member's: its report job is not the member's data.
      await claim(s, 'report', '2026-12-07', 'u1');
      const counts = await s.maintenance.purgeMember('u1');
      expect(counts).toEqual({ members: 1, declarations: 2, history: 4, jobs: 1, rooms: 1, inbound: 0 });
      expect(await s.members.get('u1')).toBeUndefined();
      expect(await s.declarations.listByMember('u1', '2000-01-01', '2100-01-01')).toEqual([]);
      expect(await s.declarations.history('u1', '2026-12-07')).toEqual([]);
      expect(await s.jobs.get(jobKey('hearing', '2026-12-07', 'u1'))).toBeUndefined();
      expect(await s.jobs.get(jobKey('report', '2026-12-07', 'u1'))).toBeDefined();
      expect((await s.rooms.get('sales'))?.members).toEqual(['u2', 'u3']);
      expect(await s.members.get('u2')).toBeDefined();
      expect(await s.declarations.listByMember('u2', '2000-01-01', '2100-01-01')).toHaveLength(2);
      expect(await s.declarations.history('u2', '2026-12-08')).toHaveLength(2);
      expect(await s.jobs.get(jobKey('hearing', '2026-12-07', 'u2'))).toBeDefined();
      expect(await s.maintenance.purgeMember('u1')).toEqual({ members: 0, declarations: 0, history: 0, jobs: 0, rooms: 0, inbound: 0 });
    });
  });
}
