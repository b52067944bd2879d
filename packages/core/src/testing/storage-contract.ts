import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { runInThisContext } from 'node:vm';
import type { Declaration, DeclarationChange, DeclarationValue, Member, Room } from '../domain/types';
import { jobKey } from '../domain/types';
import type { Storage } from '../ports/storage';
import { adapterDataContract } from './storage-contract-adapter-data';
import { maintenanceContract } from './storage-contract-maintenance';
import { testMember, testRoom } from './fixtures';
import { MINUTE, T0, at, claim, ms } from './contract-helpers';
import { jobsContract } from './storage-contract-jobs';

export interface StorageContractOptions {
  /** Members upserted in one call in the large-room case (default 1,000). */
  largeRoomSize?: number;
  /** Jobs claimed in one call in the morning-claim case (default 5,000). */
  morningJobs?: number;
  /** Timeout of the bulk cases, in ms (default 60,000). */
  bulkTimeoutMs?: number;
}

const member = testMember;
const room = testRoom;

const declared = (memberId: string, date: string, value: DeclarationValue, updatedAt: string): Declaration => ({
  ...value,
  memberId,
  date,
  updatedAt,
});

const change = (memberId: string, date: string, at: string, before?: DeclarationValue, after?: DeclarationValue): DeclarationChange => ({
  memberId,
  date,
  at,
  ...(before && { before }),
  ...(after && { after }),
  source: after ? 'test' : '取り消し',
});

/**
 * The host process, not jest's sandboxed copy: only a write to the real `process.env.TZ`
 * makes Node switch the zone that `Date` and drivers use (outside jest they are the same).
 */
const hostProcess = (): NodeJS.Process => runInThisContext('process') as NodeJS.Process;

function setTimeZone(zone: string | undefined): void {
  for (const target of [hostProcess(), process]) {
    if (zone === undefined) delete target.env.TZ;
    else target.env.TZ = zone;
  }
}


/**
 * The storage contract: every backend runs it, in about ten lines.
 *
 * ```ts
 * import { storageContract } from '@kaeru/core/testing';
 * storageContract('my backend', async () => createMyStorage({ ... }));
 * ```
 * `create` must return a fresh, empty storage; the suite calls `init()` and `close()`.
 * It branches on `storage.capabilities` only, never on the backend's class.
 */
export function storageContract(name: string, create: () => Promise<Storage>, options: StorageContractOptions = {}): void {
  const largeRoomSize = options.largeRoomSize ?? 1_000;
  const morningJobs = options.morningJobs ?? 5_000;
  const bulkTimeoutMs = options.bulkTimeoutMs ?? 60_000;

  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await create();
      await storage.init();
      await storage.init(); // idempotent
    });
    afterEach(async () => {
      await storage.close();
    });

    it('answers ping', async () => {
      expect(await storage.ping()).toBe(true);
    });

    describe('members', () => {
      it('gets, lists by id, replaces on upsert and removes', async () => {
        expect(await storage.members.get('u1')).toBeUndefined();
        await storage.members.upsert([member('u2'), member('u1', { timeZone: 'Asia/Tokyo', locale: 'ja', aliases: ['やまだ'] })]);
        expect(await storage.members.get('u1')).toEqual(member('u1', { timeZone: 'Asia/Tokyo', locale: 'ja', aliases: ['やまだ'] }));
        // Upsert replaces the whole member: fields left out are gone.
        await storage.members.upsert([member('u1', { name: 'Yamada' })]);
        expect(await storage.members.get('u1')).toEqual(member('u1', { name: 'Yamada' }));
        expect((await storage.members.list()).map((m) => m.id)).toEqual(['u1', 'u2']);
        await storage.members.remove('u1');
        await storage.members.remove('nobody');
        expect(await storage.members.get('u1')).toBeUndefined();
        expect((await storage.members.list()).map((m) => m.id)).toEqual(['u2']);
        await storage.members.upsert([]);
      });

      it('keeps ids that differ only by case apart (platform ids are case-sensitive)', async () => {
        await storage.members.upsert([member('slack:T1:UABC', { name: 'upper' }), member('slack:T1:uabc', { name: 'lower' })]);
        expect((await storage.members.get('slack:T1:UABC'))?.name).toBe('upper');
        expect((await storage.members.get('slack:T1:uabc'))?.name).toBe('lower');
      });
    });

    describe('rooms', () => {
      it('round-trips every field, keeps member order, replaces on upsert and removes', async () => {
        const sales = room('sales', { name: '営業部', members: ['u3', 'u1', 'u2'], workDays: [1, 2, 3, 4, 5, 6], holidays: ['2026-12-29'] });
        await storage.rooms.upsert([room('zeta'), sales]);
        expect(await storage.rooms.get('sales')).toEqual(sales);
        expect((await storage.rooms.list()).map((r) => r.id)).toEqual(['sales', 'zeta']);
        await storage.rooms.upsert([room('sales', { locale: 'en', country: 'US', timeZone: 'America/New_York' })]);
        expect(await storage.rooms.get('sales')).toEqual(room('sales', { locale: 'en', country: 'US', timeZone: 'America/New_York' }));
        await storage.rooms.remove('sales');
        expect(await storage.rooms.get('sales')).toBeUndefined();
        expect((await storage.rooms.list()).map((r) => r.id)).toEqual(['zeta']);
      });

      it('round-trips schedule settings: report times, and reminders of 45, 0, null (off) and absent (default)', async () => {
        const rooms = [
          room('r45', { reportTimes: ['17:00', '19:30'], reminderAfterMinutes: 45 }),
          room('r0', { reportTimes: [], reminderAfterMinutes: 0 }),
          room('rnull', { reminderAfterMinutes: null }),
          room('rabsent'),
        ];
        await storage.rooms.upsert(rooms);
        for (const r of rooms) expect(await storage.rooms.get(r.id)).toStrictEqual(r);
        expect(await storage.rooms.list()).toStrictEqual([rooms[1], rooms[0], rooms[3], rooms[2]]);
        // Upsert replaces the whole room: settings left out are gone, back to the defaults.
        await storage.rooms.upsert([room('r45'), room('rnull', { reminderAfterMinutes: 15 })]);
        expect(await storage.rooms.get('r45')).toStrictEqual(room('r45'));
        expect(await storage.rooms.get('rnull')).toStrictEqual(room('rnull', { reminderAfterMinutes: 15 }));
      });
    });

    describe('declarations', () => {
      const day = '2026-12-07';
      const v1: DeclarationValue = { state: 'leaving', time: '18:30', approx: true };
      const v2: DeclarationValue = { state: 'leaving', time: '01:00', range: { from: '23:00', to: '01:00' }, lateNight: true };

      it('applies, replaces, clears, and keeps the history oldest first', async () => {
        expect(await storage.declarations.get('u1', day)).toBeUndefined();
        expect(await storage.declarations.history('u1', day)).toEqual([]);
        await storage.declarations.apply('u1', day, declared('u1', day, v1, at(1).toISOString()), change('u1', day, at(1).toISOString(), undefined, v1));
        expect(await storage.declarations.get('u1', day)).toEqual(declared('u1', day, v1, at(1).toISOString()));
        await storage.declarations.apply('u1', day, declared('u1', day, v2, at(2).toISOString()), change('u1', day, at(2).toISOString(), v1, v2));
        // The whole declaration is replaced: `approx` from v1 does not linger.
        expect(await storage.declarations.get('u1', day)).toEqual(declared('u1', day, v2, at(2).toISOString()));
        await storage.declarations.apply('u1', day, undefined, change('u1', day, at(3).toISOString(), v2, undefined));
        expect(await storage.declarations.get('u1', day)).toBeUndefined();
        expect(await storage.declarations.history('u1', day)).toEqual([
          change('u1', day, at(1).toISOString(), undefined, v1),
          change('u1', day, at(2).toISOString(), v1, v2),
          change('u1', day, at(3).toISOString(), v2, undefined),
        ]);
        expect(await storage.declarations.history('u1', '2026-12-08')).toEqual([]);
      });

      it('lists by date, with and without a member filter', async () => {
        for (const id of ['u3', 'u1', 'u2']) {
          await storage.declarations.apply(id, day, declared(id, day, { state: 'direct' }, T0.toISOString()), change(id, day, T0.toISOString(), undefined, { state: 'direct' }));
        }
        await storage.declarations.apply('u1', '2026-12-08', declared('u1', '2026-12-08', { state: 'off' }, T0.toISOString()), change('u1', '2026-12-08', T0.toISOString()));
        expect((await storage.declarations.listByDate(day)).map((d) => d.memberId).sort()).toEqual(['u1', 'u2', 'u3']);
        expect((await storage.declarations.listByDate(day, ['u2', 'u3', 'ghost'])).map((d) => d.memberId).sort()).toEqual(['u2', 'u3']);
        expect(await storage.declarations.listByDate(day, [])).toEqual([]);
        expect(await storage.declarations.listByDate('2026-12-09')).toEqual([]);
      });

      it('lists one member by an inclusive date range, ordered by date', async () => {
        for (const date of ['2026-12-10', '2026-12-01', '2026-12-05', '2026-11-30', '2026-12-11']) {
          await storage.declarations.apply('u1', date, declared('u1', date, { state: 'off' }, T0.toISOString()), change('u1', date, T0.toISOString()));
        }
        await storage.declarations.apply('u2', '2026-12-05', declared('u2', '2026-12-05', { state: 'off' }, T0.toISOString()), change('u2', '2026-12-05', T0.toISOString()));
        const dates = (await storage.declarations.listByMember('u1', '2026-12-01', '2026-12-10')).map((d) => d.date);
        expect(dates).toEqual(['2026-12-01', '2026-12-05', '2026-12-10']);
      });

      it('keeps declarations of a removed member', async () => {
        await storage.members.upsert([member('u1')]);
        await storage.declarations.apply('u1', day, declared('u1', day, v1, T0.toISOString()), change('u1', day, T0.toISOString(), undefined, v1));
        await storage.members.remove('u1');
        expect(await storage.declarations.get('u1', day)).toEqual(declared('u1', day, v1, T0.toISOString()));
      });
    });

    describe('calendar', () => {
      it('adds idempotently, lists an inclusive range in order, removes, and keeps scopes apart', async () => {
        await storage.calendar.add('company', ['2026-12-31', '2026-12-29', '2026-12-30']);
        await storage.calendar.add('company', ['2026-12-30', '2027-01-02', '2027-01-02']);
        await storage.calendar.add('room:sales', ['2026-12-28']);
        await storage.calendar.add('room:dev', ['2026-12-25']);
        await storage.calendar.add('company', []);
        expect(await storage.calendar.list('company', '2026-12-29', '2027-01-02')).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-02']);
        expect(await storage.calendar.list('company', '2026-12-30', '2026-12-31')).toEqual(['2026-12-30', '2026-12-31']);
        expect(await storage.calendar.list('room:sales', '2026-01-01', '2027-12-31')).toEqual(['2026-12-28']);
        expect(await storage.calendar.list('room:dev', '2026-01-01', '2027-12-31')).toEqual(['2026-12-25']);
        await storage.calendar.remove('company', ['2026-12-30', '2020-01-01']);
        await storage.calendar.remove('room:nowhere', ['2026-12-28']);
        expect(await storage.calendar.list('company', '2026-01-01', '2027-12-31')).toEqual(['2026-12-29', '2026-12-31', '2027-01-02']);
        expect(await storage.calendar.list('room:sales', '2026-01-01', '2027-12-31')).toEqual(['2026-12-28']);
      });
    });

    describe('inbound events', () => {
      it('remembers an event id once', async () => {
        expect(await storage.inbound.remember('slack:Ev1', T0)).toBe(true);
        expect(await storage.inbound.remember('slack:Ev1', at(1))).toBe(false);
        expect(await storage.inbound.remember('slack:ev1', at(1))).toBe(true);
      });

      it('lets exactly one of 20 concurrent redeliveries through', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, () => storage.inbound.remember('teams:act-9', T0)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('transactions', () => {
      it('commits and returns the value of the work', async () => {
        const value = await storage.transaction(async (tx) => {
          await tx.members.upsert([member('u1')]);
          await tx.calendar.add('company', ['2026-12-31']);
          return 42;
        });
        expect(value).toBe(42);
        expect(await storage.members.get('u1')).toEqual(member('u1'));
        expect(await storage.calendar.list('company', '2026-12-31', '2026-12-31')).toEqual(['2026-12-31']);
      });

      it('runs concurrent transactions without losing any', async () => {
        await Promise.all(Array.from({ length: 10 }, (_, i) => storage.transaction((tx) => tx.members.upsert([member(`u${i}`)]))));
        expect(await storage.members.list()).toHaveLength(10);
      });

      // Capabilities are only known from an instance, after the suite is defined, so this
      // checks them at run time: atomic backends must leave nothing; others must rethrow.
      it('a failing multi-row change leaves nothing behind (where capabilities.transactions)', async () => {
        await storage.members.upsert([member('keep', { name: 'before' })]);
        const failing = storage.transaction(async (tx) => {
          await tx.members.upsert([member('keep', { name: 'after' }), member('u1'), member('u2')]);
          await tx.declarations.apply('u1', '2026-12-07', declared('u1', '2026-12-07', { state: 'off' }, T0.toISOString()), change('u1', '2026-12-07', T0.toISOString()));
          await tx.jobs.claim([claim('hearing', '2026-12-07', 'u1')], 'a', T0, MINUTE);
          await tx.calendar.add('company', ['2026-12-31']);
          await tx.inbound.remember('ev-in-tx', T0);
          throw new Error('boom');
        });
        await expect(failing).rejects.toThrow('boom');
        if (!storage.capabilities.transactions) return;
        expect((await storage.members.list()).map((m) => [m.id, m.name])).toEqual([['keep', 'before']]);
        expect(await storage.declarations.get('u1', '2026-12-07')).toBeUndefined();
        expect(await storage.declarations.history('u1', '2026-12-07')).toEqual([]);
        expect(await storage.jobs.get(jobKey('hearing', '2026-12-07', 'u1'))).toBeUndefined();
        expect(await storage.calendar.list('company', '2026-01-01', '2027-12-31')).toEqual([]);
        expect(await storage.inbound.remember('ev-in-tx', T0)).toBe(true);
      });
    });

    describe('time zones', () => {
      const savedTz = hostProcess().env.TZ;
      afterEach(() => setTimeZone(savedTz));

      it('reads dates back identical and instants exact to the millisecond, whatever process.env.TZ', async () => {
        const edge = ['2026-12-31', '2027-01-01', '2028-02-29', '2026-03-08'];
        const instants = ['2026-12-31T14:59:59.999Z', '2027-01-01T00:00:00.001Z', '2026-03-08T07:30:00.123Z'];
        setTimeZone('Pacific/Kiritimati'); // UTC+14
        const eastOffset = new Date('2026-12-31T00:00:00Z').getTimezoneOffset();
        await storage.calendar.add('company', edge);
        for (const [i, date] of edge.entries()) {
          const when = instants[i % instants.length];
          await storage.declarations.apply('u1', date, declared('u1', date, { state: 'leaving', time: '23:59' }, when), change('u1', date, when));
          await storage.jobs.claim([claim('report', date, 'r', when)], 'a', new Date(when), 1);
        }
        await storage.inbound.remember('ev-tz', new Date(instants[0]));
        setTimeZone('Pacific/Pago_Pago'); // UTC−11
        // The switch really took effect, or this test could not fail.
        expect(new Date('2026-12-31T00:00:00Z').getTimezoneOffset()).not.toBe(eastOffset);
        expect(await storage.calendar.list('company', '2026-01-01', '2028-12-31')).toEqual([...edge].sort());
        for (const [i, date] of edge.entries()) {
          const when = instants[i % instants.length];
          const got = await storage.declarations.get('u1', date);
          expect(got).toMatchObject({ date, time: '23:59' });
          expect(ms(got?.updatedAt)).toBe(ms(when));
          expect(ms((await storage.declarations.history('u1', date))[0]?.at)).toBe(ms(when));
          const job = await storage.jobs.get(jobKey('report', date, 'r'));
          expect(job?.date).toBe(date);
          expect(ms(job?.dueAt)).toBe(ms(when));
          expect(ms(job?.leaseUntil)).toBe(ms(when) + 1);
        }
        expect((await storage.declarations.listByMember('u1', '2026-12-31', '2027-01-01')).map((d) => d.date)).toEqual(['2026-12-31', '2027-01-01']);
      });

      it('accepts instants with an offset and returns the same instant', async () => {
        await storage.declarations.apply('u1', '2026-12-07', declared('u1', '2026-12-07', { state: 'undecided' }, '2026-12-07T09:00:00.250+09:00'), change('u1', '2026-12-07', '2026-12-07T09:00:00.250+09:00'));
        expect(ms((await storage.declarations.get('u1', '2026-12-07'))?.updatedAt)).toBe(Date.parse('2026-12-07T00:00:00.250Z'));
      });
    });

    describe('Unicode', () => {
      it('stores Japanese, emoji and combining characters exactly as given', async () => {
        const names = ['山田 洋子', 'ｶﾅ ﾀﾛｳ', '🐸 Kaeru 👨‍👩‍👧', 'Zoe\u0308 (combining)', 'Zoë (precomposed)'];
        const members = names.map((name, i) => member(`line:U${i}🐸`, { name, aliases: [name.normalize('NFKC'), '𠮷野'] }));
        await storage.members.upsert(members);
        for (const m of members) expect(await storage.members.get(m.id)).toEqual(m);
        await storage.rooms.upsert([room('営業部🏢', { name: '営業部 🏢', members: members.map((m) => m.id) })]);
        expect((await storage.rooms.get('営業部🏢'))?.members).toEqual(members.map((m) => m.id));
        const source = '１８時半頃に帰ります🏃‍♀️';
        await storage.declarations.apply(members[2].id, '2026-12-07', declared(members[2].id, '2026-12-07', { state: 'leaving', time: '18:30', approx: true }, T0.toISOString()), { ...change(members[2].id, '2026-12-07', T0.toISOString()), source });
        expect((await storage.declarations.history(members[2].id, '2026-12-07'))[0]?.source).toBe(source);
      });
    });

    describe('scale', () => {
      it(`upserts a room of ${largeRoomSize} members in one call and reads it back`, async () => {
        const members = Array.from({ length: largeRoomSize }, (_, i) => member(`slack:T1:U${String(i).padStart(6, '0')}`, { name: `社員 ${i}`, aliases: [`s${i}`] }));
        await storage.members.upsert(members);
        await storage.rooms.upsert([room('all', { members: members.map((m) => m.id).reverse() })]);
        expect(await storage.members.list()).toEqual(members);
        expect((await storage.rooms.get('all'))?.members).toEqual(members.map((m) => m.id).reverse());
      }, bulkTimeoutMs);
    });

    jobsContract(() => storage, { morningJobs, bulkTimeoutMs });
    maintenanceContract(() => storage);
    adapterDataContract(() => storage);

    describe('copies', () => {
      it('returns copies and keeps none of the caller\u2019s objects', async () => {
        const given = member('u1', { aliases: ['a'] });
        await storage.members.upsert([given]);
        given.aliases.push('mutated-input');
        const got = (await storage.members.get('u1')) as Member;
        got.name = 'mutated';
        got.aliases.push('mutated-output');
        (await storage.members.list())[0].aliases.push('mutated-list');
        expect(await storage.members.get('u1')).toEqual(member('u1', { aliases: ['a'] }));

        await storage.rooms.upsert([room('r', { members: ['u1'] })]);
        ((await storage.rooms.get('r')) as Room).members.push('u2');
        expect((await storage.rooms.get('r'))?.members).toEqual(['u1']);

        const value: DeclarationValue = { state: 'leaving', time: '18:00', range: { from: '17:00', to: '18:00' } };
        await storage.declarations.apply('u1', '2026-12-07', declared('u1', '2026-12-07', value, T0.toISOString()), change('u1', '2026-12-07', T0.toISOString(), undefined, value));
        ((await storage.declarations.get('u1', '2026-12-07')) as Declaration).range!.to = '23:00';
        (await storage.declarations.history('u1', '2026-12-07'))[0].after!.time = '23:00';
        expect((await storage.declarations.get('u1', '2026-12-07'))?.range).toEqual({ from: '17:00', to: '18:00' });
        expect((await storage.declarations.history('u1', '2026-12-07'))[0].after?.time).toBe('18:00');

        await storage.jobs.claim([claim('hearing', '2026-12-07', 'u1')], 'a', T0, MINUTE);
        (await storage.jobs.listByDate('2026-12-07'))[0].status = 'sent';
        expect((await storage.jobs.get(jobKey('hearing', '2026-12-07', 'u1')))?.status).toBe('claimed');
      });
    });
  });
}
