import { addDays, localDate } from '../calendar/zoned';
import { ConfigError } from '../errors';
import { silentLogger, type Logger } from '../ports/logger';
import type { PurgeCounts, Storage } from '../ports/storage';

const DAY_MS = 86_400_000;

/** How long personal data and dedup ids are kept. */
export interface RetentionSettings {
  /** Days of declarations, their history and jobs kept (default 400: a year and a bit, for year-on-year views). */
  days?: number;
  /**
   * Days inbound event ids are kept (default 7). They only exist to drop redeliveries, and
   * platforms redeliver within minutes to hours (Slack retries three times within the
   * hour); a week covers every retry window with margin while this table, one row per
   * message received, is the one that grows fastest.
   */
  inboundDays?: number;
}

export interface ResolvedRetention {
  days: number;
  inboundDays: number;
}

/**
 * The scheduler plans from yesterday on and reads job rows to never send twice: a job
 * row must outlive every date it may still plan, so a week is the floor.
 */
const MIN_DAYS = 7;

/** Fills defaults and checks the values; a bad one throws a `ConfigError` naming it. */
export function resolveRetention(settings: RetentionSettings = {}): ResolvedRetention {
  const days = settings.days ?? 400;
  const inboundDays = settings.inboundDays ?? 7;
  if (!Number.isInteger(days) || days < MIN_DAYS) {
    throw new ConfigError('retention.days', `${String(days)} is not a whole number of days >= ${MIN_DAYS}`, `keep at least ${MIN_DAYS} days (default 400)`);
  }
  if (!Number.isInteger(inboundDays) || inboundDays < 1) {
    throw new ConfigError('retention.inboundDays', `${String(inboundDays)} is not a whole number of days >= 1`, 'keep at least 1 day (default 7)');
  }
  return { days, inboundDays };
}

/**
 * Purges what is older than the retention: declarations, history and jobs of business
 * dates more than `days` before today (UTC; zones shift this by at most a day out of
 * hundreds), and inbound ids older than `inboundDays`. Idempotent, so several instances
 * running it on one database at once is harmless.
 */
export async function purgeExpired(storage: Storage, now: Date, settings: RetentionSettings = {}): Promise<PurgeCounts> {
  const { days, inboundDays } = resolveRetention(settings);
  const counts = await storage.maintenance.purgeBefore(addDays(localDate(now, 'UTC'), -days));
  counts.inbound += await storage.maintenance.forgetInboundBefore(new Date(now.getTime() - inboundDays * DAY_MS));
  return counts;
}

/** What the scheduler calls after its runs; does the work at most once per UTC date. */
export interface RetentionJob {
  /** Purges if it has not yet run today (UTC) in this process; resolves to the counts, or `undefined` when skipped. */
  runIfDue(now: Date): Promise<PurgeCounts | undefined>;
}

/**
 * Retention without a timer of its own: idle must cost nothing, so it rides on a timer
 * that fires anyway (the scheduler's, once it has run the day's jobs). A failure is
 * logged and retried on the next call, never thrown into the scheduler.
 */
export function createRetentionJob(storage: Storage, settings: RetentionSettings = {}, logger: Logger = silentLogger): RetentionJob {
  const resolved = resolveRetention(settings);
  let lastRun: string | undefined;
  let running: Promise<PurgeCounts | undefined> | undefined;
  return {
    runIfDue(now) {
      const today = localDate(now, 'UTC');
      if (lastRun === today) return Promise.resolve(undefined);
      running ??= purgeExpired(storage, now, resolved)
        .then((counts) => {
          lastRun = today;
          logger.info('retention purge', { ...counts, days: resolved.days, inboundDays: resolved.inboundDays });
          return counts;
        })
        .catch((error: unknown) => {
          logger.error('retention purge failed', { error: String(error) });
          return undefined;
        })
        .finally(() => {
          running = undefined;
        });
      return running;
    },
  };
}
