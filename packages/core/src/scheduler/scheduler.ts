import { inject, injectable } from 'inversify';
import type { Clock, TimerHandle } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Metrics } from '../ports/metrics';
import type { Storage } from '../ports/storage';
import { CalendarService } from '../calendar/calendar-service';
import { addDays, localDate } from '../calendar/zoned';
import { Directory } from '../engine/directory';
import { ScheduleSignal } from '../engine/signals';
import { TOKENS } from '../tokens';
import { JobRunner } from './job-runner';
import { compareJobs, planDay, type PlannedJob } from './plan';

/** How far ahead the plan looks for the next job (long holidays included). */
const LOOKAHEAD_DAYS = 40;
/**
 * Jobs claimed at once. Claiming a whole 09:00 fan-out in one go would let its lease run
 * out while this instance is still sending (thousands of sends at a platform's rate), and
 * another instance would take over live work: each batch is claimed just before it is sent.
 */
const CLAIM_BATCH = 100;
/** A timer this far off its instant means the wall clock jumped (suspend, NTP step). */
const JUMP_TOLERANCE_MS = 60_000;

/**
 * Arms ONE timer for the next due job; no polling. When it fires (or at start, or when
 * rooms, members or calendars change) it claims every due job that is still useful, runs
 * them, and arms the timer again. A clock that jumped forward simply finds more jobs due;
 * one that jumped back finds none and re-arms: claims in storage make each run once. A
 * timer firing far from its instant is logged and counted as a clock jump. A job whose
 * claim another holder still leases (an instance that died mid-send) is tried again when
 * that lease ends, if still useful: nobody is skipped.
 */
@injectable()
export class Scheduler {
  private timer?: TimerHandle;
  private next?: Date;
  private running = false;
  private queue: Promise<void> = Promise.resolve();
  /** Called when a cycle has nothing more due, before the timer is armed (maintenance rides on this wake-up). */
  private readonly afterCycle: Array<(now: Date) => Promise<void> | void> = [];
  /** Keys this process already tried, so a re-plan does not ask storage about them again. */
  private readonly attempted = new Set<string>();
  /** Jobs another holder leases, and when that lease ends. */
  private readonly held = new Map<string, Date>();

  constructor(
    @inject(TOKENS.Storage) private readonly storage: Storage,
    @inject(Directory) private readonly directory: Directory,
    @inject(CalendarService) private readonly calendar: CalendarService,
    @inject(JobRunner) private readonly runner: JobRunner,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Metrics) private readonly metrics: Metrics,
    @inject(TOKENS.InstanceId) private readonly instanceId: string,
    @inject(ScheduleSignal) signal: ScheduleSignal,
    @inject(TOKENS.LeaseMs) private readonly leaseMs: number,
  ) {
    signal.listen(() => {
      if (this.running) void this.rearm();
    });
  }

  /**
   * Runs `work` at the end of every cycle (start, each due time, each schedule change):
   * retention and the credit guard sample there instead of waking the process themselves.
   */
  onCycleEnd(work: (now: Date) => Promise<void> | void): void {
    this.afterCycle.push(work);
  }

  /** Catches up what is due and still useful, then arms the timer. */
  start(): Promise<void> {
    this.running = true;
    return this.rearm();
  }

  /** Disarms, waits for jobs in flight, and gives up unfinished claims. */
  async stop(): Promise<void> {
    this.running = false;
    this.timer?.cancel();
    this.timer = undefined;
    await this.queue;
    await this.storage.jobs.release(this.instanceId);
  }

  /** Re-plans now; serialized with every other run. */
  rearm(): Promise<void> {
    this.queue = this.queue.then(() => this.cycle()).catch((error) => this.logger.error('scheduler cycle failed', { error: String(error) }));
    return this.queue;
  }

  /** Resolves when no run is in progress. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** The instant the timer is armed for, if any. */
  get nextDueAt(): Date | undefined {
    return this.running ? this.next : undefined;
  }

  private async cycle(): Promise<void> {
    if (!this.running) return;
    this.timer?.cancel();
    for (;;) {
      const now = this.clock.now();
      const { due, next } = await this.plan(now);
      if (due.length === 0) {
        for (const work of this.afterCycle) {
          try {
            await work(now);
          } catch (error) {
            this.logger.error('after-cycle work failed', { error: String(error) });
          }
        }
        this.arm(next ?? new Date(now.getTime() + LOOKAHEAD_DAYS * 86_400_000));
        return;
      }
      for (let i = 0; i < due.length && this.running; i += CLAIM_BATCH) await this.claimAndRun(due.slice(i, i + CLAIM_BATCH));
      if (!this.running) return;
    }
  }

  /** Claims one batch (the lease starts now) and runs the jobs this instance won, in order. */
  private async claimAndRun(batch: PlannedJob[]): Promise<void> {
    const now = this.clock.now();
    batch.forEach((job) => this.attempted.add(job.key));
    const won = new Set(await this.storage.jobs.claim(batch, this.instanceId, now, this.leaseMs));
    this.metrics.increment('kaeru_jobs_claimed_total', {}, won.size);
    await this.watchLeases(batch.filter((job) => !won.has(job.key)), now);
    await this.runner.runBatch(batch.filter((job) => won.has(job.key)), () => this.running);
  }

  private arm(at: Date): void {
    this.next = at;
    this.timer = this.clock.setTimer(at, () => {
      this.noticeJump(at);
      return this.rearm();
    });
    this.metrics.set('kaeru_scheduler_next_due_seconds', Math.round(at.getTime() / 1000));
  }

  /** Counts and logs a timer that fired far from its instant: the wall clock jumped. */
  private noticeJump(at: Date): void {
    const off = this.clock.now().getTime() - at.getTime();
    if (Math.abs(off) < JUMP_TOLERANCE_MS) return;
    const direction = off > 0 ? 'forward' : 'backward';
    this.metrics.increment('kaeru_clock_jumps_total', { direction });
    this.logger.warn('the clock jumped (suspend or time correction); re-planning from now', { direction, offMs: off, armedFor: at.toISOString() });
  }

  /**
   * Claims lost to a live lease of another holder: if that holder dies, the job must still
   * run, so it is watched until the lease ends instead of being given up.
   */
  private async watchLeases(lost: PlannedJob[], now: Date): Promise<void> {
    for (const date of new Set(lost.map((job) => job.date))) {
      const stored = new Map((await this.storage.jobs.listByDate(date)).map((job) => [job.key, job]));
      for (const job of lost.filter((j) => j.date === date)) {
        const held = stored.get(job.key);
        if (held?.status !== 'claimed' || !held.leaseUntil) continue;
        const until = new Date(Date.parse(held.leaseUntil) + 1);
        if (until <= now || until >= job.usefulUntil) continue;
        this.attempted.delete(job.key);
        this.held.set(job.key, until);
      }
    }
  }

  /** Due-and-useful jobs not yet tried by this process, and the next future due instant. */
  private async plan(now: Date): Promise<{ due: PlannedJob[]; next?: Date }> {
    const [rooms, members] = await Promise.all([this.directory.rooms(), this.directory.members()]);
    const today = localDate(now, 'UTC');
    this.prune(addDays(today, -3));
    if (rooms.length === 0) return { due: [] };
    const calendar = await this.calendar.snapshot(rooms, addDays(today, -2), addDays(today, LOOKAHEAD_DAYS + 2));
    const due: PlannedJob[] = [];
    let next: Date | undefined;
    let foundAt: number | undefined;
    for (let offset = -1; offset <= LOOKAHEAD_DAYS; offset++) {
      // Zones differ by up to ~26 hours, so two more days after the first future job settle the minimum.
      if (foundAt !== undefined && offset > foundAt + 2) break;
      for (const job of planDay({ rooms, members, calendar }, now, offset)) {
        if (this.attempted.has(job.key)) continue;
        const heldUntil = this.held.get(job.key);
        if (heldUntil && heldUntil > now) {
          if (!next || heldUntil < next) next = heldUntil;
          continue;
        }
        this.held.delete(job.key);
        const dueAt = new Date(job.dueAt);
        if (dueAt <= now) {
          if (now < job.usefulUntil) due.push(job);
        } else if (!next || dueAt < next) {
          next = dueAt;
          foundAt ??= offset;
        }
      }
    }
    return { due: dedupe(due).sort(compareJobs), next };
  }

  private prune(before: string): void {
    for (const key of this.attempted) if (key.split(':')[1] < before) this.attempted.delete(key);
    for (const key of this.held.keys()) if (key.split(':')[1] < before) this.held.delete(key);
  }
}

function dedupe(jobs: PlannedJob[]): PlannedJob[] {
  return [...new Map(jobs.map((j) => [j.key, j])).values()];
}
