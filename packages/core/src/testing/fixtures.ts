import { ROOM_DEFAULTS } from '../config';
import type { Member, Room } from '../domain/types';

/** A complete room for storage tests: the configuration defaults, a name, no members. */
export function testRoom(id: string, extra: Partial<Room> = {}): Room {
  return { ...ROOM_DEFAULTS, id, name: `Room ${id}`, members: [], holidays: [], ...extra };
}

/** A complete member for storage tests. */
export function testMember(id: string, extra: Partial<Member> = {}): Member {
  return { id, name: `Member ${id}`, aliases: [], ...extra };
}
