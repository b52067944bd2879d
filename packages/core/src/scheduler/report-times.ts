import { DEFAULT_REMINDER_AFTER_MINUTES } from '../config';
import type { Room } from '../domain/types';
import { jobKey } from '../domain/types';

/**
 * A room's report times and the job targets that keep them apart. The `reportAt` report
 * keeps the plain room id as its target (`report:2026-12-07:sales`, as before several
 * times existed, so stored jobs stay valid); every other time is `room@HH:mm`
 * (`report:2026-12-07:sales@17:00`): one report per room per report time per day.
 */

const AT_TIME = /@(\d{2}:\d{2})$/;

/** Every report time of the room, earliest first. */
export function reportTimesOf(room: Room): string[] {
  return [...new Set([room.reportAt, ...(room.reportTimes ?? [])])].sort();
}

/** The earliest report of the day: hearings and reminders are useful until then. */
export function firstReportTime(room: Room): string {
  return reportTimesOf(room)[0];
}

export function reportTarget(room: Room, time: string): string {
  return time === room.reportAt ? room.id : `${room.id}@${time}`;
}

/** The room id and, for an extra report time, that time. */
export function parseReportTarget(target: string): { roomId: string; time?: string } {
  const m = AT_TIME.exec(target);
  return m ? { roomId: target.slice(0, -m[0].length), time: m[1] } : { roomId: target };
}

/** The job keys of every report of the room on `date`. */
export function reportKeys(room: Room, date: string): string[] {
  return reportTimesOf(room).map((time) => jobKey('report', date, reportTarget(room, time)));
}

/** Minutes after the hearing for the reminder, or `undefined` when the room turned reminders off. */
export function reminderDelay(room: Room): number | undefined {
  const minutes = room.reminderAfterMinutes === undefined ? DEFAULT_REMINDER_AFTER_MINUTES : room.reminderAfterMinutes;
  return minutes ? minutes : undefined;
}
