import type { Declaration, DeclarationChange, Job, JobStatus, Member, Room } from '../domain/types';

/** What a backend can do; the contract and the engine read these, never the class. */
export interface StorageCapabilities {
  /** `transaction()` is atomic: a failure rolls every write back. */
  transactions: boolean;
  /** Several processes may share this storage; claims stay unique across them. */
  sharedAcrossProcesses: boolean;
}

export interface MemberRepository {
  /** The member, or `undefined`. */
  get(id: string): Promise<Member | undefined>;
  /** Every member, ordered by id. */
  list(): Promise<Member[]>;
  /** Creates or replaces members, in one batch. */
  upsert(members: Member[]): Promise<void>;
  /** Removes a member (its declarations stay until purged). */
  remove(id: string): Promise<void>;
}

export interface RoomRepository {
  /** The room, or `undefined`. */
  get(id: string): Promise<Room | undefined>;
  /** Every room, ordered by id. */
  list(): Promise<Room[]>;
  /** Creates or replaces rooms, in one batch. */
  upsert(rooms: Room[]): Promise<void>;
  /** Removes a room. */
  remove(id: string): Promise<void>;
}

export interface DeclarationRepository {
  /** One member's declaration for a date, or `undefined`. */
  get(memberId: string, date: string): Promise<Declaration | undefined>;
  /** Declarations for a date, optionally only of the given members. */
  listByDate(date: string, memberIds?: string[]): Promise<Declaration[]>;
  /** One member's declarations in `[from, to]` (inclusive dates), ordered by date. */
  listByMember(memberId: string, from: string, to: string): Promise<Declaration[]>;
  /** Stores (or clears, when `declaration` is undefined) and appends the change to history, atomically. */
  apply(memberId: string, date: string, declaration: Declaration | undefined, change: DeclarationChange): Promise<void>;
  /** The history of one member's date, oldest first. */
  history(memberId: string, date: string): Promise<DeclarationChange[]>;
}

/**
 * Holiday scopes: the whole company, one room (`room:<id>`), or a country's imported
 * national holidays (`national:<ISO country>`, written by `kaeru holidays import`).
 */
export type HolidayScope = 'company' | `room:${string}` | `national:${string}`;

export interface CalendarRepository {
  /** Holidays of a scope in `[from, to]`, ordered. */
  list(scope: HolidayScope, from: string, to: string): Promise<string[]>;
  /** Adds dates to a scope (idempotent). */
  add(scope: HolidayScope, dates: string[]): Promise<void>;
  /** Removes dates from a scope. */
  remove(scope: HolidayScope, dates: string[]): Promise<void>;
}

/** A job about to be claimed. */
export interface JobClaim {
  key: string;
  kind: Job['kind'];
  date: string;
  target: string;
  dueAt: string;
}

export interface JobOutcome {
  status: Exclude<JobStatus, 'claimed'>;
  reason?: string;
  ref?: string;
}

export interface JobRepository {
  /**
   * Claims jobs for `owner` in one batch; returns the keys this call won. A key already
   * claimed is lost unless its lease ended before `now` and it is still `claimed`.
   */
  claim(jobs: JobClaim[], owner: string, now: Date, leaseMs: number): Promise<string[]>;
  /** Records the outcome of a claimed job. */
  complete(key: string, outcome: JobOutcome, now: Date): Promise<void>;
  /** Gives up unfinished claims of `owner` so another instance may take them (graceful stop). */
  release(owner: string): Promise<void>;
  /** One job, or `undefined`. */
  get(key: string): Promise<Job | undefined>;
  /** Every job of a business date. */
  listByDate(date: string): Promise<Job[]>;
}

export interface InboundRepository {
  /** Records an inbound event id; `false` when it was already recorded (a redelivery). */
  remember(eventId: string, at: Date): Promise<boolean>;
}

/** Small opaque values an adapter keeps in kaeru storage (e.g. Teams conversation references), shared by every instance. */
export interface AdapterDataRepository {
  /** The value under `key` in `namespace`, or `undefined`. */
  get(namespace: string, key: string): Promise<string | undefined>;
  /** Creates or replaces the value under `key` (an opaque string, JSON by convention, owned by the adapter). */
  put(namespace: string, key: string, value: string): Promise<void>;
  /** Removes the value under `key`; nothing happens when there is none. */
  remove(namespace: string, key: string): Promise<void>;
  /** Every entry of `namespace` whose key starts with `prefix` (case-sensitive), ordered by key. */
  list(namespace: string, prefix?: string): Promise<{ key: string; value: string }[]>;
}

/** Rows removed by a purge, per kind (personal data: what an operator reports). */
export interface PurgeCounts {
  members: number;
  declarations: number;
  history: number;
  jobs: number;
  /** Rooms whose member list dropped the purged member. */
  rooms: number;
  inbound: number;
}

export interface MaintenanceRepository {
  /** Deletes declarations, their history and jobs of business dates before `date` (exclusive). */
  purgeBefore(date: string): Promise<PurgeCounts>;
  /** Deletes inbound event ids recorded before `at`; a redelivery after that would run again. */
  forgetInboundBefore(at: Date): Promise<number>;
  /** Deletes one member's data: the member, declarations, history, its jobs, its room memberships. */
  purgeMember(memberId: string): Promise<PurgeCounts>;
}

/** The storage port: small repositories over real tables. */
export interface Storage {
  /** What this backend guarantees. */
  readonly capabilities: StorageCapabilities;
  readonly members: MemberRepository;
  readonly rooms: RoomRepository;
  readonly declarations: DeclarationRepository;
  readonly calendar: CalendarRepository;
  readonly jobs: JobRepository;
  readonly inbound: InboundRepository;
  /** Values adapters keep per namespace. */
  readonly adapterData: AdapterDataRepository;
  /** Retention and erasure of personal data. */
  readonly maintenance: MaintenanceRepository;
  /** Connects and brings the schema up to date; idempotent. */
  init(): Promise<void>;
  /** Runs `work` atomically where `capabilities.transactions` holds. */
  transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T>;
  /** Answers when storage is reachable (health checks). */
  ping(): Promise<boolean>;
  /** Releases connections. */
  close(): Promise<void>;
}
