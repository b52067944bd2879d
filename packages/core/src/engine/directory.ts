import { inject, injectable } from 'inversify';
import type { Locale, Member, Room } from '../domain/types';
import type { Storage } from '../ports/storage';
import { TOKENS } from '../tokens';

const FALLBACK_ZONE = 'Asia/Tokyo';

/** Who is in which room, and each member's zone and language. */
@injectable()
export class Directory {
  constructor(@inject(TOKENS.Storage) private readonly storage: Storage) {}

  member(id: string): Promise<Member | undefined> {
    return this.storage.members.get(id);
  }

  room(id: string): Promise<Room | undefined> {
    return this.storage.rooms.get(id);
  }

  rooms(): Promise<Room[]> {
    return this.storage.rooms.list();
  }

  members(): Promise<Member[]> {
    return this.storage.members.list();
  }

  async roomsOf(memberId: string): Promise<Room[]> {
    return (await this.storage.rooms.list()).filter((r) => r.members.includes(memberId));
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
