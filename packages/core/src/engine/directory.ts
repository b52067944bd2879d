import { inject, injectable } from 'inversify';
import type { Locale, Member, Room } from '../domain/types';
import type { Storage } from '../ports/storage';
import type { ResolvedConfig } from '../config';
import { TOKENS } from '../tokens';

const FALLBACK_ZONE = 'Asia/Tokyo';

/** Who is in which room, and each member's zone and language. */
@injectable()
export class Directory {
  /** Schedule settings of configured rooms, by id (see `withSettings`). */
  private readonly configured: Map<string, Room>;

  constructor(
    @inject(TOKENS.Storage) private readonly storage: Storage,
    @inject(TOKENS.Config) config: ResolvedConfig,
  ) {
    this.configured = new Map(config.rooms.map((room) => [room.id, room]));
  }

  member(id: string): Promise<Member | undefined> {
    return this.storage.members.get(id);
  }

  async room(id: string): Promise<Room | undefined> {
    const room = await this.storage.rooms.get(id);
    return room && this.withSettings(room);
  }

  async rooms(): Promise<Room[]> {
    return (await this.storage.rooms.list()).map((room) => this.withSettings(room));
  }

  members(): Promise<Member[]> {
    return this.storage.members.list();
  }

  async roomsOf(memberId: string): Promise<Room[]> {
    return (await this.rooms()).filter((r) => r.members.includes(memberId));
  }

  /**
   * The optional schedule settings (`reportTimes`, `reminderAfterMinutes`) a backend does
   * not keep come from the configuration: a backend whose schema predates them returns the
   * room without them, and a room turned reminders off must not get them back by default.
   */
  private withSettings(room: Room): Room {
    const configured = this.configured.get(room.id);
    if (!configured) return room;
    const out = { ...room };
    if (out.reportTimes === undefined && configured.reportTimes !== undefined) out.reportTimes = configured.reportTimes;
    if (out.reminderAfterMinutes === undefined && configured.reminderAfterMinutes !== undefined) out.reminderAfterMinutes = configured.reminderAfterMinutes;
    return out;
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
