import type { JobKind, Member, Room } from '../domain/types';
import { jobKey } from '../domain/types';
import type { CalendarSnapshot } from '../calendar/calendar-service';
import { addDays, localDate, zonedInstant } from '../calendar/zoned';
import type { JobClaim } from '../ports/storage';

/** A job the calendar promises, with the moment after which sending it is pointless. */
export interface PlannedJob extends JobClaim {
  usefulUntil: Date;
}

export interface PlanInput {
  rooms: Room[];
  members: Member[];
  calendar: CalendarSnapshot;
}

const KIND_ORDER: Record<JobKind, number> = { hearing: 0, reminder: 1, report: 2 };

/** Jobs due first come first; at the same instant hearings go before reports. */
export function compareJobs(a: PlannedJob, b: PlannedJob): number {
  return a.dueAt.localeCompare(b.dueAt) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.target.localeCompare(b.target);
}

/**
 * The jobs of "day `offset`" for every room and member, each in its own zone: offset 0 is
 * each one's local today at `now`. Pure: everything it needs is passed in.
 */
export function planDay(input: PlanInput, now: Date, offset: number): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  const roomsOf = new Map<string, Room[]>();
  for (const room of input.rooms) {
    for (const id of room.members) roomsOf.set(id, [...(roomsOf.get(id) ?? []), room]);
    const date = addDays(localDate(now, room.timeZone), offset);
    if (!input.calendar.isBusinessDate(room, date)) continue;
    jobs.push({
      key: jobKey('report', date, room.id),
      kind: 'report',
      date,
      target: room.id,
      dueAt: zonedInstant(date, room.reportAt, room.timeZone).toISOString(),
      usefulUntil: zonedInstant(addDays(date, 1), '00:00', room.timeZone),
    });
  }
  for (const member of input.members) {
    const rooms = roomsOf.get(member.id);
    if (!rooms) continue;
    const hearing = planHearing(member, rooms, input.calendar, now, offset);
    if (hearing) jobs.push(hearing);
  }
  return jobs;
}

/**
 * One hearing per member and business date, whatever number of rooms: at the earliest
 * hearing time of the rooms that work that day, in the member's own zone when known,
 * useful until the last of those rooms' reports.
 */
function planHearing(member: Member, rooms: Room[], calendar: CalendarSnapshot, now: Date, offset: number): PlannedJob | undefined {
  const zone = member.timeZone ?? rooms[0].timeZone;
  const date = addDays(localDate(now, zone), offset);
  let due: Date | undefined;
  let until: Date | undefined;
  for (const room of rooms) {
    if (!calendar.isBusinessDate(room, date)) continue;
    const at = zonedInstant(date, room.hearingAt, member.timeZone ?? room.timeZone);
    const report = zonedInstant(date, room.reportAt, room.timeZone);
    if (!due || at < due) due = at;
    if (!until || report > until) until = report;
  }
  if (!due || !until) return undefined;
  // A member whose own morning comes after the room's report still gets asked that day.
  if (until <= due) until = zonedInstant(addDays(date, 1), '00:00', zone);
  return { key: jobKey('hearing', date, member.id), kind: 'hearing', date, target: member.id, dueAt: due.toISOString(), usefulUntil: until };
}
