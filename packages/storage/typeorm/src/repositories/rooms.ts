import type { Room, RoomRepository } from '@kaeru/core';
import { RoomEntity } from '../entities/room';
import { type Session, chunks, lastByKey } from '../session';

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function toRow(room: Room): RoomEntity {
  return {
    id: room.id,
    name: room.name,
    timeZone: room.timeZone,
    locale: room.locale,
    country: room.country,
    hearingAt: room.hearingAt,
    reportAt: room.reportAt,
    teiji: room.teiji,
    lateFrom: room.lateFrom,
    workDays: JSON.stringify(room.workDays),
    members: JSON.stringify(room.members),
    holidays: JSON.stringify(room.holidays),
  };
}

function toRoom(row: RoomEntity): Room {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    locale: row.locale as Room['locale'],
    country: row.country,
    hearingAt: row.hearingAt,
    reportAt: row.reportAt,
    teiji: row.teiji,
    lateFrom: row.lateFrom,
    workDays: JSON.parse(row.workDays) as Room['workDays'],
    members: JSON.parse(row.members) as string[],
    holidays: JSON.parse(row.holidays) as string[],
  };
}

const UPDATED = ['name', 'time_zone', 'locale', 'country', 'hearing_at', 'report_at', 'teiji', 'late_from', 'work_days', 'members', 'holidays'];

export function roomRepository(session: Session): RoomRepository {
  return {
    get: (id) => session.run(async (m) => {
      const row = await m.findOneBy(RoomEntity, { id });
      return row ? toRoom(row) : undefined;
    }),
    // Sorted here, not by ORDER BY: database collations disagree on id order; code units don't.
    list: () => session.run(async (m) => (await m.find(RoomEntity)).map(toRoom).sort(byId)),
    upsert: (rooms) =>
      session.run(async (m) => {
        for (const chunk of chunks(lastByKey(rooms, (room) => room.id))) {
          await m.createQueryBuilder().insert().into(RoomEntity).values(chunk.map(toRow)).orUpdate(UPDATED, ['id']).updateEntity(false).execute();
        }
      }, true),
    remove: (id) => session.run(async (m) => void (await m.delete(RoomEntity, { id }))),
  };
}
