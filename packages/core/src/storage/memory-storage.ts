import { AsyncLocalStorage } from 'node:async_hooks';
import type { Declaration, DeclarationChange, Job, Member, Room } from '../domain/types';
import { KaeruError } from '../errors';
import type {
  AdapterDataRepository,
  CalendarRepository,
  DeclarationRepository,
  HolidayScope,
  InboundRepository,
  JobClaim,
  JobOutcome,
  JobRepository,
  MaintenanceRepository,
  MemberRepository,
  PurgeCounts,
  RoomRepository,
  Storage,
  StorageCapabilities,
} from '../ports/storage';
import { SerialQueue } from '../util/serial-queue';

/** Everything the store holds. Values are never mutated in place: a write replaces them, so a transaction's undo journal can restore them. */
interface MemoryState {
  members: Map<string, Member>;
  rooms: Map<string, Room>;
  /** Keyed by `declarationKey(memberId, date)`. */
  declarations: Map<string, Declaration>;
  history: Map<string, DeclarationChange[]>;
  holidays: Map<HolidayScope, Set<string>>;
  jobs: Map<string, Job>;
  inbound: Map<string, string>;
  /** Keyed by `adapterDataKey(namespace, key)`. */
  adapterData: Map<string, { namespace: string; key: string; value: string }>;
}

function emptyState(): MemoryState {
  return {
    members: new Map(),
    rooms: new Map(),
    declarations: new Map(),
    history: new Map(),
    holidays: new Map(),
    jobs: new Map(),
    inbound: new Map(),
    adapterData: new Map(),
  };
}

// NUL cannot occur in an id or a date, so the pair cannot collide.
const declarationKey = (memberId: string, date: string): string => `${memberId}\u0000${date}`;
// Namespaces are adapter-chosen constants (`teams.references`): they hold no NUL either.
const adapterDataKey = (namespace: string, key: string): string => `${namespace}\u0000${key}`;

// Callers must never hold a reference into the store, nor the store into theirs. Stored
// values are plain data (strings, numbers, booleans, arrays and plain objects), so a small
// recursive copy does it; structuredClone cost ~20x more on the inbound hot path.
function copy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
  return out as T;
}

/** Instants come back as `Date#toISOString()`, as from the SQL backends, whatever form was given. */
function instant(value: string | Date): string {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new KaeruError('storage_failed', `not an ISO instant: ${String(value)}`, 'memory');
  return new Date(ms).toISOString();
}

const noneRemoved = (): PurgeCounts => ({ members: 0, declarations: 0, history: 0, jobs: 0, rooms: 0, inbound: 0 });

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Storage in process memory: the test kit's default and a backend for trials.
 * Transactions are real (a journal of undo steps is replayed when the work throws) because every
 * operation runs through one queue; nothing is shared across processes.
 */
export class MemoryStorage implements Storage {
  readonly capabilities: StorageCapabilities = { transactions: true, sharedAcrossProcesses: false };
  private readonly state = emptyState();
  private readonly queue = new SerialQueue();
  // Marks the async context of a running transaction: an operation called from inside it
  // (through `tx` or through this object) runs at once instead of waiting behind it forever.
  private readonly inTransaction = new AsyncLocalStorage<boolean>();

  // Undo steps of the running transaction, newest last; undefined outside a transaction.
  private journal?: Array<() => void>;

  /** Sets a map entry, remembering how to undo it inside a transaction. */
  private put<K, V>(map: Map<K, V>, key: K, value: V): void {
    this.remember(map, key);
    map.set(key, value);
  }

  /** Deletes a map entry, remembering how to undo it inside a transaction; true when it existed. */
  private drop<K, V>(map: Map<K, V>, key: K): boolean {
    if (!map.has(key)) return false;
    this.remember(map, key);
    return map.delete(key);
  }

  private remember<K, V>(map: Map<K, V>, key: K): void {
    if (!this.journal) return;
    const had = map.has(key);
    const before = map.get(key);
    this.journal.push(() => (had ? map.set(key, before as V) : map.delete(key)));
  }

  /** Deletes the entries `pick` chooses; returns how many. */
  private dropWhere<K, V>(map: Map<K, V>, pick: (value: V, key: K) => boolean): number {
    let n = 0;
    for (const [key, value] of [...map]) if (pick(value, key) && this.drop(map, key)) n++;
    return n;
  }

  private op<T>(work: (state: MemoryState) => T): Promise<T> {
    if (this.inTransaction.getStore()) return Promise.resolve().then(() => work(this.state));
    return this.queue.run(async () => work(this.state));
  }

  readonly members: MemberRepository = {
    get: (id) => this.op((s) => copy(s.members.get(id))),
    list: () => this.op((s) => [...s.members.values()].sort((a, b) => byString(a.id, b.id)).map(copy)),
    upsert: (members) =>
      this.op((s) => {
        for (const member of members) this.put(s.members, member.id, copy(member));
      }),
    remove: (id) =>
      this.op((s) => {
        this.drop(s.members, id);
      }),
  };

  readonly rooms: RoomRepository = {
    get: (id) => this.op((s) => copy(s.rooms.get(id))),
    list: () => this.op((s) => [...s.rooms.values()].sort((a, b) => byString(a.id, b.id)).map(copy)),
    upsert: (rooms) =>
      this.op((s) => {
        for (const room of rooms) this.put(s.rooms, room.id, copy(room));
      }),
    remove: (id) =>
      this.op((s) => {
        this.drop(s.rooms, id);
      }),
  };

  readonly declarations: DeclarationRepository = {
    get: (memberId, date) => this.op((s) => copy(s.declarations.get(declarationKey(memberId, date)))),
    listByDate: (date, memberIds) =>
      this.op((s) => {
        // With members named (a board, a search: the hot path) look each one up; only a
        // whole-date listing scans.
        const found = memberIds
          ? [...new Set(memberIds)].map((id) => s.declarations.get(declarationKey(id, date))).filter((d): d is Declaration => d !== undefined)
          : [...s.declarations.values()].filter((d) => d.date === date);
        return found.sort((a, b) => byString(a.memberId, b.memberId)).map(copy);
      }),
    listByMember: (memberId, from, to) =>
      this.op((s) =>
        [...s.declarations.values()]
          .filter((d) => d.memberId === memberId && d.date >= from && d.date <= to)
          .sort((a, b) => byString(a.date, b.date))
          .map(copy),
      ),
    apply: (memberId, date, declaration, change) =>
      this.op((s) => {
        const key = declarationKey(memberId, date);
        // Validate both instants before writing either: the pair is one atomic change.
        const stored = declaration && { ...copy(declaration), memberId, date, updatedAt: instant(declaration.updatedAt) };
        const entry: DeclarationChange = { ...copy(change), memberId, date, at: instant(change.at) };
        if (stored) this.put(s.declarations, key, stored);
        else this.drop(s.declarations, key);
        this.put(s.history, key, [...(s.history.get(key) ?? []), entry]);
      }),
    history: (memberId, date) => this.op((s) => (s.history.get(declarationKey(memberId, date)) ?? []).map(copy)),
  };

  readonly calendar: CalendarRepository = {
    list: (scope, from, to) =>
      this.op((s) => [...(s.holidays.get(scope) ?? [])].filter((d) => d >= from && d <= to).sort(byString)),
    add: (scope, dates) =>
      this.op((s) => {
        const set = new Set(s.holidays.get(scope));
        for (const date of dates) set.add(date);
        this.put(s.holidays, scope, set);
      }),
    remove: (scope, dates) =>
      this.op((s) => {
        const set = new Set(s.holidays.get(scope));
        for (const date of dates) set.delete(date);
        this.put(s.holidays, scope, set);
      }),
  };

  readonly jobs: JobRepository = {
    claim: (jobs: JobClaim[], owner: string, now: Date, leaseMs: number) =>
      this.op((s) => {
        const nowMs = now.getTime();
        const leaseUntil = instant(new Date(nowMs + leaseMs));
        const won: string[] = [];
        for (const job of jobs) {
          const held = s.jobs.get(job.key);
          if (!held) {
            this.put(s.jobs, job.key, { ...copy(job), dueAt: instant(job.dueAt), status: 'claimed', owner, leaseUntil });
            won.push(job.key);
          } else if (held.status === 'claimed' && held.leaseUntil && Date.parse(held.leaseUntil) < nowMs) {
            // Its holder died: take it over. Runs in the queue, so only one caller can.
            this.put(s.jobs, job.key, { ...held, owner, leaseUntil });
            won.push(job.key);
          }
        }
        return won;
      }),
    complete: (key: string, outcome: JobOutcome, now: Date) =>
      this.op((s) => {
        const job = s.jobs.get(key);
        if (!job) throw new KaeruError('storage_failed', `job ${key} was never claimed`, 'memory', { key });
        const done: Job = { ...job, status: outcome.status, doneAt: instant(now) };
        // The outcome replaces any earlier one whole: no stale reason or ref survives.
        delete done.reason;
        delete done.ref;
        if (outcome.reason !== undefined) done.reason = outcome.reason;
        if (outcome.ref !== undefined) done.ref = outcome.ref;
        this.put(s.jobs, key, done);
      }),
    release: (owner: string) =>
      this.op((s) => {
        this.dropWhere(s.jobs, (job) => job.status === 'claimed' && job.owner === owner);
      }),
    get: (key: string) => this.op((s) => copy(s.jobs.get(key))),
    listByDate: (date: string) =>
      this.op((s) =>
        [...s.jobs.values()]
          .filter((j) => j.date === date)
          .sort((a, b) => byString(a.dueAt, b.dueAt) || byString(a.key, b.key))
          .map(copy),
      ),
  };

  readonly inbound: InboundRepository = {
    remember: (eventId: string, at: Date) =>
      this.op((s) => {
        if (s.inbound.has(eventId)) return false;
        this.put(s.inbound, eventId, instant(at));
        return true;
      }),
  };

  readonly adapterData: AdapterDataRepository = {
    get: (namespace, key) => this.op((s) => s.adapterData.get(adapterDataKey(namespace, key))?.value),
    put: (namespace, key, value) =>
      this.op((s) => {
        this.put(s.adapterData, adapterDataKey(namespace, key), { namespace, key, value });
      }),
    remove: (namespace, key) =>
      this.op((s) => {
        this.drop(s.adapterData, adapterDataKey(namespace, key));
      }),
    list: (namespace, prefix = '') =>
      this.op((s) =>
        [...s.adapterData.values()]
          .filter((entry) => entry.namespace === namespace && entry.key.startsWith(prefix))
          .sort((a, b) => byString(a.key, b.key))
          .map(({ key, value }) => ({ key, value })),
      ),
  };

  readonly maintenance: MaintenanceRepository = {
    purgeBefore: (date: string) =>
      this.op((s) => {
        const counts = noneRemoved();
        counts.declarations = this.dropWhere(s.declarations, (d) => d.date < date);
        for (const [key, changes] of [...s.history]) {
          const kept = changes.filter((c) => c.date >= date);
          counts.history += changes.length - kept.length;
          if (kept.length) this.put(s.history, key, kept);
          else this.drop(s.history, key);
        }
        counts.jobs = this.dropWhere(s.jobs, (j) => j.date < date);
        return counts;
      }),
    forgetInboundBefore: (at: Date) => this.op((s) => this.dropWhere(s.inbound, (received) => Date.parse(received) < at.getTime())),
    purgeMember: (memberId: string) =>
      this.op((s) => {
        const counts = noneRemoved();
        counts.members = this.drop(s.members, memberId) ? 1 : 0;
        counts.declarations = this.dropWhere(s.declarations, (d) => d.memberId === memberId);
        for (const [key, changes] of [...s.history]) {
          if (changes[0]?.memberId !== memberId) continue;
          counts.history += changes.length;
          this.drop(s.history, key);
        }
        // Report jobs target rooms; only a member's own sends name it.
        counts.jobs = this.dropWhere(s.jobs, (j) => j.kind !== 'report' && j.target === memberId);
        for (const room of [...s.rooms.values()]) {
          if (!room.members.includes(memberId)) continue;
          this.put(s.rooms, room.id, { ...room, members: room.members.filter((id) => id !== memberId) });
          counts.rooms++;
        }
        return counts;
      }),
  };

  async init(): Promise<void> {}

  async transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T> {
    // A transaction inside a transaction joins it: the outer one decides what is kept.
    if (this.inTransaction.getStore()) return work(this);
    return this.queue.run(async () => {
      const journal: Array<() => void> = [];
      this.journal = journal;
      try {
        return await this.inTransaction.run(true, () => work(this));
      } catch (error) {
        // Undo newest first, so an entry written twice ends as it was before both.
        for (let i = journal.length - 1; i >= 0; i--) journal[i]();
        throw error;
      } finally {
        this.journal = undefined;
      }
    });
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}

/** A fresh, empty in-memory storage. */
export function createMemoryStorage(): MemoryStorage {
  return new MemoryStorage();
}
