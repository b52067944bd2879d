import { timeOfMinutes } from '../calendar/zoned';
import type { LocalClock } from './clock';

/**
 * How an hour typed without 午前/午後/am/pm is read (「6時」「7時半には帰る」 "at 7").
 *
 * A leave time is plausible from 定時 − 8 h (a shorter day is no workday) up to 29:00.
 * An hour 1–11 has a morning reading h and an evening reading h + 12:
 * - the morning reading counts only when it is inside that window and, for today, not
 *   already past;
 * - the evening reading is taken whenever it is plausible; when the morning reading
 *   counts too (「10時」 said at 09:00 with 定時 18:00), it goes into `alternatives` so the
 *   engine states which one it stored.
 * 12 is read as noon with midnight as the alternative; 0 and 24–29 are past midnight
 * (`lateNight`); 13–23 are what they say.
 */

export interface HourReading {
  /** Minutes since the business date's midnight; ≥ 1440 means after midnight. */
  minutes: number;
  alternatives?: string[];
}

export const EARLIEST_BEFORE_TEIJI = 8 * 60;
export const LATEST_LEAVE = 29 * 60;

export function readBareHour(hour: number, minute: number, clock: LocalClock, isToday: boolean): HourReading | undefined {
  if (minute < 0 || minute > 59 || hour < 0 || hour > 29) return undefined;
  if (hour === 0) return { minutes: 1440 + minute };
  if (hour === 12) return { minutes: 720 + minute, alternatives: [timeOfMinutes(minute)] };
  if (hour >= 13 && hour <= 23) return { minutes: hour * 60 + minute };
  if (hour >= 24) return { minutes: hour * 60 + minute };

  const morning = hour * 60 + minute;
  const evening = morning + 720;
  const earliest = clock.teiji - EARLIEST_BEFORE_TEIJI;
  const morningCounts = morning >= earliest && !(isToday && morning <= clock.nowMinutes);
  const eveningCounts = evening >= earliest && evening <= LATEST_LEAVE;
  if (eveningCounts && morningCounts) return { minutes: evening, alternatives: [timeOfMinutes(morning)] };
  if (morningCounts) return { minutes: morning };
  if (eveningCounts) return { minutes: evening };
  // Neither fits (a very late 定時): keep the evening reading but say there was another.
  return { minutes: evening, alternatives: [timeOfMinutes(morning)] };
}
