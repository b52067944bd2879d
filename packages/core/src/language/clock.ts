import { isTime, isTimeZone, localDate, localTime, minutesOf } from '../calendar/zoned';
import type { UnderstandContext } from './types';

/** "Now" as the member sees it: the local date and wall time in their zone, and the room's 定時. */
export interface LocalClock {
  instant: Date;
  zone: string;
  /** The local date `YYYY-MM-DD` of now: what 今日 / "today" means. */
  today: string;
  /** Minutes since local midnight. */
  nowMinutes: number;
  /** 定時 in minutes since midnight. */
  teiji: number;
}

export const DEFAULT_TEIJI = '18:00';

/** The local clock of a context, or undefined when its `now` or zone is not usable. */
export function localClock(ctx: UnderstandContext): LocalClock | undefined {
  if (!ctx || typeof ctx !== 'object') return undefined;
  const instant = ctx.now instanceof Date ? ctx.now : new Date(String(ctx.now));
  if (Number.isNaN(instant.getTime())) return undefined;
  const zone = typeof ctx.timeZone === 'string' ? ctx.timeZone : '';
  // An unknown zone has no local date: checked here, once (localDate would throw).
  if (!isTimeZone(zone)) return undefined;
  const today = localDate(instant, zone);
  const teiji = typeof ctx.teiji === 'string' && isTime(ctx.teiji) ? ctx.teiji : DEFAULT_TEIJI;
  return { instant, zone, today, nowMinutes: minutesOf(localTime(instant, zone)), teiji: minutesOf(teiji) };
}
