import type { Room, RoomRepository } from '@kaeru/core';
import { RoomEntity } from '../entities/room';
import { type Session, chunks, lastByKey } from '../session';

/** `reminder_after_minutes` for a room's explicit `null` (reminders off); NULL means "not set". */
const REMINDERS_OFF = -1;

function encodeReminder(minutes: Room['reminderAfterMinutes']): number | null {
  if (minutes === undefined) return null;
  if (minutes === null) return REMINDERS_OFF;
  // A negative value would read back as something else: refuse it rather than change it.
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`reminderAfterMinutes must be a whole number >= 0 or null: ${minutes}`);
  return minutes;
}

/** The optional schedule settings, only those the row has: a room without them reads back without the keys. */
function scheduleOf(row: RoomEntity): Pick<Room, 'reportTimes' | 'reminderAfterMinutes'> {
  const out: Pick<Room, 'reportTimes' | 'reminderAfterMinutes'> = {};
  if (row.reportTimes !== null) out.reportTimes = JSON.parse(row.reportTimes) as string[];
  // INTEGER, unlike BIGINT, comes back as a number from every driver.
  if (row.reminderAfterMinutes !== null) out.reminderAfterMinutes = row.reminderAfterMinutes === REMINDERS_OFF ? null : row.reminderAfterMinutes;
  return out;
}

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
    reportTimes: room.reportTimes === undefined ? null : JSON.stringify(room.reportTimes),
    reminderAfterMinutes: encodeReminder(room.reminderAfterMinutes),
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
    ...scheduleOf(row),
  };
}

const UPDATED = ['name', 'time_zone', 'locale', 'country', 'hearing_at', 'report_at', 'teiji', 'late_from', 'work_days', 'members', 'holidays', 'report_times', 'reminder_after_minutes'];

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
