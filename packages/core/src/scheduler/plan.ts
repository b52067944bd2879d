import type { JobKind, Member, Room } from '../domain/types';
import { jobKey } from '../domain/types';
import type { CalendarSnapshot } from '../calendar/calendar-service';
import { addDays, localDate, zonedInstant } from '../calendar/zoned';
import type { JobClaim } from '../ports/storage';
import { firstReportTime, reminderDelay, reportTarget, reportTimesOf } from './report-times';

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
    for (const time of reportTimesOf(room)) {
      const target = reportTarget(room, time);
      jobs.push({
        key: jobKey('report', date, target),
        kind: 'report',
        date,
        target,
        dueAt: zonedInstant(date, time, room.timeZone).toISOString(),
        usefulUntil: zonedInstant(addDays(date, 1), '00:00', room.timeZone),
      });
    }
  }
  for (const member of input.members) {
    const rooms = roomsOf.get(member.id);
    if (!rooms) continue;
    const hearing = planHearing(member, rooms, input.calendar, now, offset);
    if (!hearing) continue;
    jobs.push(hearing);
    const reminder = planReminder(member, rooms, input.calendar, hearing.date);
    if (reminder) jobs.push(reminder);
  }
  return jobs;
}

/**
 * One hearing per member and business date, whatever number of rooms: at the earliest
 * hearing time of the rooms that work that day, in the member's own zone when known,
 * useful until the last of those rooms' first reports.
 */
function planHearing(member: Member, rooms: Room[], calendar: CalendarSnapshot, now: Date, offset: number): PlannedJob | undefined {
  const zone = member.timeZone ?? rooms[0].timeZone;
  const date = addDays(localDate(now, zone), offset);
  let due: Date | undefined;
  let until: Date | undefined;
  for (const room of rooms) {
    if (!calendar.isBusinessDate(room, date)) continue;
    const at = zonedInstant(date, room.hearingAt, member.timeZone ?? room.timeZone);
    const report = zonedInstant(date, firstReportTime(room), room.timeZone);
    if (!due || at < due) due = at;
    if (!until || report > until) until = report;
  }
  if (!due || !until) return undefined;
  // A member whose own morning comes after the room's report still gets asked that day.
  if (until <= due) until = zonedInstant(addDays(date, 1), '00:00', zone);
  return { key: jobKey('hearing', date, member.id), kind: 'hearing', date, target: member.id, dueAt: due.toISOString(), usefulUntil: until };
}

/**
 * One reminder per member and business date: a room's reminder delay after that room's
 * hearing, strictly before that room's first report (a reminder at or after the report
 * is pointless); the earliest such time over the member's working rooms. Whether the
 * member answered is checked when it runs.
 */
function planReminder(member: Member, rooms: Room[], calendar: CalendarSnapshot, date: string): PlannedJob | undefined {
  let best: { at: Date; until: Date } | undefined;
  for (const room of rooms) {
    const delay = reminderDelay(room);
    if (delay === undefined || !calendar.isBusinessDate(room, date)) continue;
    const at = new Date(zonedInstant(date, room.hearingAt, member.timeZone ?? room.timeZone).getTime() + delay * 60_000);
    const until = zonedInstant(date, firstReportTime(room), room.timeZone);
    if (at >= until) continue;
    if (!best || at < best.at) best = { at, until };
  }
  if (!best) return undefined;
  return { key: jobKey('reminder', date, member.id), kind: 'reminder', date, target: member.id, dueAt: best.at.toISOString(), usefulUntil: best.until };
}
