import { isTime, localDate, localTime, minutesOf } from '../calendar/zoned';
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
  if (!zone) return undefined;
  // An unknown zone gives no local date (luxon's invalid DateTime): checked here, once.
  const today = localDate(instant, zone) as string | null;
  if (!today) return undefined;
  const teiji = typeof ctx.teiji === 'string' && isTime(ctx.teiji) ? ctx.teiji : DEFAULT_TEIJI;
  return { instant, zone, today, nowMinutes: minutesOf(localTime(instant, zone)), teiji: minutesOf(teiji) };
}
