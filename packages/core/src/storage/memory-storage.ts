import { AsyncLocalStorage } from 'node:async_hooks';
import type { Declaration, DeclarationChange, Job, Member, Room } from '../domain/types';
import { KaeruError } from '../errors';
import type {
  CalendarRepository,
  DeclarationRepository,
  HolidayScope,
  InboundRepository,
  JobClaim,
  JobOutcome,
  JobRepository,
  MemberRepository,
  RoomRepository,
  Storage,
  StorageCapabilities,
} from '../ports/storage';
import { SerialQueue } from './serial-queue';

/** Everything the store holds; cloned whole for a transaction snapshot. */
interface MemoryState {
  members: Map<string, Member>;
  rooms: Map<string, Room>;
  /** Keyed by `declarationKey(memberId, date)`. */
  declarations: Map<string, Declaration>;
  history: Map<string, DeclarationChange[]>;
  holidays: Map<HolidayScope, Set<string>>;
  jobs: Map<string, Job>;
  inbound: Map<string, string>;
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
  };
}

// NUL cannot occur in an id or a date, so the pair cannot collide.
const declarationKey = (memberId: string, date: string): string => `${memberId}\u0000${date}`;

// Callers must never hold a reference into the store, nor the store into theirs.
const copy = <T>(value: T): T => structuredClone(value);

/** Instants come back as `Date#toISOString()`, as from the SQL backends, whatever form was given. */
function instant(value: string | Date): string {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new KaeruError('storage_failed', `not an ISO instant: ${String(value)}`, 'memory');
  return new Date(ms).toISOString();
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Storage in process memory: the test kit's default and a backend for trials.
 * Transactions are real (a snapshot is restored when the work throws) because every
 * operation runs through one queue; nothing is shared across processes.
 */
export class MemoryStorage implements Storage {
  readonly capabilities: StorageCapabilities = { transactions: true, sharedAcrossProcesses: false };
  private state = emptyState();
  private readonly queue = new SerialQueue();
  // Marks the async context of a running transaction: an operation called from inside it
  // (through `tx` or through this object) runs at once instead of waiting behind it forever.
  private readonly inTransaction = new AsyncLocalStorage<boolean>();

  private op<T>(work: (state: MemoryState) => T): Promise<T> {
    if (this.inTransaction.getStore()) return Promise.resolve().then(() => work(this.state));
    return this.queue.run(async () => work(this.state));
  }

  readonly members: MemberRepository = {
    get: (id) => this.op((s) => copy(s.members.get(id))),
    list: () => this.op((s) => [...s.members.values()].sort((a, b) => byString(a.id, b.id)).map(copy)),
    upsert: (members) =>
      this.op((s) => {
        for (const member of members) s.members.set(member.id, copy(member));
      }),
    remove: (id) =>
      this.op((s) => {
        s.members.delete(id);
      }),
  };

  readonly rooms: RoomRepository = {
    get: (id) => this.op((s) => copy(s.rooms.get(id))),
    list: () => this.op((s) => [...s.rooms.values()].sort((a, b) => byString(a.id, b.id)).map(copy)),
    upsert: (rooms) =>
      this.op((s) => {
        for (const room of rooms) s.rooms.set(room.id, copy(room));
      }),
    remove: (id) =>
      this.op((s) => {
        s.rooms.delete(id);
      }),
  };

  readonly declarations: DeclarationRepository = {
    get: (memberId, date) => this.op((s) => copy(s.declarations.get(declarationKey(memberId, date)))),
    listByDate: (date, memberIds) =>
      this.op((s) => {
        const only = memberIds ? new Set(memberIds) : undefined;
        return [...s.declarations.values()]
          .filter((d) => d.date === date && (!only || only.has(d.memberId)))
          .sort((a, b) => byString(a.memberId, b.memberId))
          .map(copy);
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
        if (stored) s.declarations.set(key, stored);
        else s.declarations.delete(key);
        s.history.set(key, [...(s.history.get(key) ?? []), entry]);
      }),
    history: (memberId, date) => this.op((s) => (s.history.get(declarationKey(memberId, date)) ?? []).map(copy)),
  };

  readonly calendar: CalendarRepository = {
    list: (scope, from, to) =>
      this.op((s) => [...(s.holidays.get(scope) ?? [])].filter((d) => d >= from && d <= to).sort(byString)),
    add: (scope, dates) =>
      this.op((s) => {
        const set = s.holidays.get(scope) ?? new Set<string>();
        for (const date of dates) set.add(date);
        s.holidays.set(scope, set);
      }),
    remove: (scope, dates) =>
      this.op((s) => {
        for (const date of dates) s.holidays.get(scope)?.delete(date);
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
            s.jobs.set(job.key, { ...copy(job), dueAt: instant(job.dueAt), status: 'claimed', owner, leaseUntil });
            won.push(job.key);
          } else if (held.status === 'claimed' && held.leaseUntil && Date.parse(held.leaseUntil) < nowMs) {
            // Its holder died: take it over. Runs in the queue, so only one caller can.
            s.jobs.set(job.key, { ...held, owner, leaseUntil });
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
        s.jobs.set(key, done);
      }),
    release: (owner: string) =>
      this.op((s) => {
        for (const [key, job] of s.jobs) if (job.status === 'claimed' && job.owner === owner) s.jobs.delete(key);
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
        s.inbound.set(eventId, instant(at));
        return true;
      }),
  };

  async init(): Promise<void> {}

  async transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T> {
    // A transaction inside a transaction joins it: the outer one decides what is kept.
    if (this.inTransaction.getStore()) return work(this);
    return this.queue.run(async () => {
      const snapshot = copy(this.state);
      try {
        return await this.inTransaction.run(true, () => work(this));
      } catch (error) {
        this.state = snapshot;
        throw error;
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
