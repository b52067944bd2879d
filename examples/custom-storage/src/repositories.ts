import { KaeruError } from '@kaeru/core';
import type { AdapterDataRepository, CalendarRepository, DeclarationChange, DeclarationRepository, InboundRepository, JobRepository, MaintenanceRepository, MemberRepository, PurgeCounts, RoomRepository } from '@kaeru/core';
import { copy, type Draft, pair } from './tables';

/** Runs one piece of work on the tables, as one atomic, serialized step. */
export type Run = <T>(work: (db: Draft) => T) => Promise<T>;

export interface Repositories {
  members: MemberRepository;
  rooms: RoomRepository;
  declarations: DeclarationRepository;
  calendar: CalendarRepository;
  jobs: JobRepository;
  inbound: InboundRepository;
  adapterData: AdapterDataRepository;
  maintenance: MaintenanceRepository;
}

/** Instants are stored as `Date#toISOString()` (UTC, milliseconds), whatever form was given: they sort as strings. */
function instant(value: string | Date): string {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new KaeruError('storage_failed', `not an ISO instant: ${String(value)}`, 'json-files');
  return new Date(ms).toISOString();
}

/** Orders rows by string fields (code unit order, the same as SQL's binary collation). */
const by = <T>(...fields: Array<(row: T) => string>) => (a: T, b: T): number => {
  for (const field of fields) if (field(a) !== field(b)) return field(a) < field(b) ? -1 : 1;
  return 0;
};

/** Deletes the rows `pick` chooses; returns how many. */
function deleteWhere<V>(table: Map<string, V>, pick: (row: V) => boolean): number {
  let n = 0;
  for (const [key, row] of [...table]) if (pick(row) && table.delete(key)) n++;
  return n;
}

/** Deletes the histories (all changes of one member's date) `pick` chooses by their first change; returns how many changes. */
function deleteHistory(db: Draft, pick: (change: DeclarationChange) => boolean): number {
  let n = 0;
  const table = db.write('history');
  for (const [key, changes] of [...table]) {
    if (!pick(changes[0])) continue;
    n += changes.length;
    table.delete(key);
  }
  return n;
}

const noneRemoved = (): PurgeCounts => ({ members: 0, declarations: 0, history: 0, jobs: 0, rooms: 0, inbound: 0 });

/** Every repository of the Storage port over the JSON tables. Dates (`YYYY-MM-DD`) are plain strings. */
export function repositories(run: Run): Repositories {
  const changeDates = (scope: string, dates: string[], change: (set: Set<string>, date: string) => void): Promise<void> =>
    run((db) => {
      const table = db.write('holidays');
      const set = new Set(table.get(scope)?.dates);
      for (const date of dates) change(set, date);
      if (set.size) table.set(scope, { scope, dates: [...set].sort() });
      else table.delete(scope);
    });

  return {
    members: {
      get: (id) => run((db) => copy(db.read('members').get(id))),
      list: () => run((db) => [...db.read('members').values()].sort(by((m) => m.id)).map(copy)),
      upsert: (members) =>
        run((db) => {
          for (const m of members) db.write('members').set(m.id, copy(m));
        }),
      remove: (id) =>
        run((db) => {
          db.write('members').delete(id);
        }),
    },

    rooms: {
      get: (id) => run((db) => copy(db.read('rooms').get(id))),
      list: () => run((db) => [...db.read('rooms').values()].sort(by((r) => r.id)).map(copy)),
      upsert: (rooms) =>
        run((db) => {
          for (const r of rooms) db.write('rooms').set(r.id, copy(r));
        }),
      remove: (id) =>
        run((db) => {
          db.write('rooms').delete(id);
        }),
    },

    declarations: {
      get: (memberId, date) => run((db) => copy(db.read('declarations').get(pair(memberId, date)))),
      listByDate: (date, memberIds) =>
        run((db) => {
          const table = db.read('declarations');
          const found = memberIds
            ? [...new Set(memberIds)].flatMap((id) => table.get(pair(id, date)) ?? [])
            : [...table.values()].filter((d) => d.date === date);
          return found.sort(by((d) => d.memberId)).map(copy);
        }),
      listByMember: (memberId, from, to) =>
        run((db) =>
          [...db.read('declarations').values()]
            .filter((d) => d.memberId === memberId && d.date >= from && d.date <= to)
            .sort(by((d) => d.date))
            .map(copy),
        ),
      // Value and history change together: both are written, or (on a throw) neither.
      apply: (memberId, date, declaration, change) =>
        run((db) => {
          const key = pair(memberId, date);
          const entry: DeclarationChange = { ...copy(change), memberId, date, at: instant(change.at) };
          db.write('history').set(key, [...(db.read('history').get(key) ?? []), entry]);
          if (declaration) db.write('declarations').set(key, { ...copy(declaration), memberId, date, updatedAt: instant(declaration.updatedAt) });
          else db.write('declarations').delete(key);
        }),
      history: (memberId, date) => run((db) => copy(db.read('history').get(pair(memberId, date)) ?? [])),
    },

    calendar: {
      list: (scope, from, to) => run((db) => (db.read('holidays').get(scope)?.dates ?? []).filter((d) => d >= from && d <= to)),
      add: (scope, dates) => changeDates(scope, dates, (set, date) => set.add(date)),
      remove: (scope, dates) => changeDates(scope, dates, (set, date) => set.delete(date)),
    },

    jobs: {
      // The once-only promise: a key is won by the first claimer, and again only after its
      // lease ended while still `claimed` (its holder died). The queue makes this check-and-set atomic.
      claim: (jobs, owner, now, leaseMs) =>
        run((db) => {
          const leaseUntil = instant(new Date(now.getTime() + leaseMs));
          const won: string[] = [];
          for (const job of jobs) {
            const held = db.read('jobs').get(job.key);
            const free = !held || (held.status === 'claimed' && Date.parse(held.leaseUntil ?? '') < now.getTime());
            if (!free) continue;
            // A new job, or a dead holder's claim taken over (it keeps its due time).
            const row = held ?? { ...copy(job), dueAt: instant(job.dueAt), status: 'claimed' as const };
            db.write('jobs').set(job.key, { ...row, owner, leaseUntil });
            won.push(job.key);
          }
          return won;
        }),
      complete: (key, outcome, now) =>
        run((db) => {
          const job = db.read('jobs').get(key);
          if (!job) throw new KaeruError('storage_failed', `job ${key} was never claimed`, 'json-files', { key });
          // The outcome replaces any earlier one whole: no stale reason or ref survives.
          const { reason: _reason, ref: _ref, ...rest } = job;
          db.write('jobs').set(key, { ...rest, ...copy(outcome), doneAt: instant(now) });
        }),
      release: (owner) =>
        run((db) => {
          deleteWhere(db.write('jobs'), (j) => j.status === 'claimed' && j.owner === owner);
        }),
      get: (key) => run((db) => copy(db.read('jobs').get(key))),
      listByDate: (date) =>
        run((db) => [...db.read('jobs').values()].filter((j) => j.date === date).sort(by((j) => j.dueAt, (j) => j.key)).map(copy)),
    },

    inbound: {
      remember: (eventId, at) =>
        run((db) => {
          if (db.read('inbound').has(eventId)) return false;
          db.write('inbound').set(eventId, { eventId, at: instant(at) });
          return true;
        }),
    },

    adapterData: {
      get: (namespace, key) => run((db) => db.read('adapterData').get(pair(namespace, key))?.value),
      put: (namespace, key, value) =>
        run((db) => {
          db.write('adapterData').set(pair(namespace, key), { namespace, key, value });
        }),
      remove: (namespace, key) =>
        run((db) => {
          db.write('adapterData').delete(pair(namespace, key));
        }),
      list: (namespace, prefix = '') =>
        run((db) =>
          [...db.read('adapterData').values()]
            .filter((e) => e.namespace === namespace && e.key.startsWith(prefix))
            .sort(by((e) => e.key))
            .map(({ key, value }) => ({ key, value })),
        ),
    },

    maintenance: {
      purgeBefore: (date) =>
        run((db) => {
          const counts = noneRemoved();
          counts.declarations = deleteWhere(db.write('declarations'), (d) => d.date < date);
          counts.history = deleteHistory(db, (change) => change.date < date);
          counts.jobs = deleteWhere(db.write('jobs'), (j) => j.date < date);
          return counts;
        }),
      forgetInboundBefore: (at) => run((db) => deleteWhere(db.write('inbound'), (e) => Date.parse(e.at) < at.getTime())),
      purgeMember: (memberId) =>
        run((db) => {
          const counts = noneRemoved();
          counts.members = deleteWhere(db.write('members'), (m) => m.id === memberId);
          counts.declarations = deleteWhere(db.write('declarations'), (d) => d.memberId === memberId);
          counts.history = deleteHistory(db, (change) => change.memberId === memberId);
          // Report jobs target rooms; only a member's own sends (hearings, reminders) name it.
          counts.jobs = deleteWhere(db.write('jobs'), (j) => j.kind !== 'report' && j.target === memberId);
          for (const room of [...db.read('rooms').values()]) {
            if (!room.members.includes(memberId)) continue;
            db.write('rooms').set(room.id, { ...room, members: room.members.filter((id) => id !== memberId) });
            counts.rooms++;
          }
          return counts;
        }),
    },
  };
}
