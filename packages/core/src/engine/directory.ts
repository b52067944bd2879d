import { inject, injectable } from 'inversify';
import type { Locale, Member, Room } from '../domain/types';
import type { Clock } from '../ports/clock';
import type { Storage } from '../ports/storage';
import { TOKENS } from '../tokens';
import { ScheduleSignal } from './signals';

const FALLBACK_ZONE = 'Asia/Tokyo';
/**
 * How long a loaded copy of rooms and members is trusted. Changes made through this
 * process show at once (they invalidate it); changes another instance made show within
 * this window. Expiry is checked on read: an idle bot never reloads anything.
 */
const FRESH_MS = 30_000;

interface Snapshot {
  loadedAt: number;
  rooms: Room[];
  roomsById: Map<string, Room>;
  roomsByMember: Map<string, Room[]>;
  members: Map<string, Member>;
}

/**
 * Who is in which room, and each member's zone and language: read on every message and
 * every job, so it is kept in memory (one load of rooms and members) rather than asked
 * of storage each time. Returned objects are shared: callers copy before changing them.
 */
@injectable()
export class Directory {
  private snapshot?: Promise<Snapshot>;
  /** The settled snapshot, read without awaiting anything while it is fresh. */
  private ready?: Snapshot;

  constructor(
    @inject(TOKENS.Storage) private readonly storage: Storage,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(ScheduleSignal) signal: ScheduleSignal,
  ) {
    signal.listen(() => this.invalidate());
  }

  /** Forgets the loaded copy; the next read loads rooms and members again. */
  invalidate(): void {
    this.snapshot = undefined;
    this.ready = undefined;
  }

  async member(id: string): Promise<Member | undefined> {
    const snapshot = await this.load();
    const known = snapshot.members.get(id);
    if (known) return known;
    // Created since the load (by another instance, or a first message): ask storage once.
    const stored = await this.storage.members.get(id);
    if (stored) snapshot.members.set(id, stored);
    return stored;
  }

  /** Stores a member and keeps the loaded copy in step. */
  async saveMember(member: Member): Promise<void> {
    await this.storage.members.upsert([member]);
    (await this.load()).members.set(member.id, member);
  }

  async room(id: string): Promise<Room | undefined> {
    return (await this.load()).roomsById.get(id);
  }

  async rooms(): Promise<Room[]> {
    return (await this.load()).rooms;
  }

  async members(): Promise<Member[]> {
    return [...(await this.load()).members.values()];
  }

  async roomsOf(memberId: string): Promise<Room[]> {
    return (await this.load()).roomsByMember.get(memberId) ?? [];
  }

  private load(): Promise<Snapshot> | Snapshot {
    const now = this.clock.now().getTime();
    if (this.ready && Math.abs(now - this.ready.loadedAt) < FRESH_MS) return this.ready;
    const current = this.snapshot;
    if (current) {
      return current.then((s) => (Math.abs(now - s.loadedAt) < FRESH_MS ? s : this.reload(now)));
    }
    return this.reload(now);
  }

  private reload(now: number): Promise<Snapshot> {
    const loading = (async (): Promise<Snapshot> => {
      const [rooms, members] = await Promise.all([this.storage.rooms.list(), this.storage.members.list()]);
      const roomsByMember = new Map<string, Room[]>();
      for (const room of rooms) for (const id of room.members) roomsByMember.set(id, [...(roomsByMember.get(id) ?? []), room]);
      return {
        loadedAt: now,
        rooms,
        roomsById: new Map(rooms.map((room) => [room.id, room])),
        roomsByMember,
        members: new Map(members.map((m) => [m.id, m])),
      };
    })();
    this.snapshot = loading;
    this.ready = undefined;
    loading.then(
      (snapshot) => {
        if (this.snapshot === loading) this.ready = snapshot;
      },
      // A failed load must not stick: the next read tries again.
      () => {
        if (this.snapshot === loading) this.snapshot = undefined;
      },
    );
    return loading;
  }

  /** The member's own zone, else their first room's, else Tokyo. */
  static zoneOf(member: Member | undefined, rooms: Room[]): string {
    return member?.timeZone ?? rooms[0]?.timeZone ?? FALLBACK_ZONE;
  }

  /** The member's own language, else their first room's, else Japanese. */
  static localeOf(member: Member | undefined, rooms: Room[]): Locale {
    return member?.locale ?? rooms[0]?.locale ?? 'ja';
  }
}
