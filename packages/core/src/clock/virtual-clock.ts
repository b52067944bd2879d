import type { Clock, TimerHandle } from '../ports/clock';

interface PendingTimer {
  at: number;
  seq: number;
  fire: () => void | Promise<void>;
  cancelled: boolean;
}

/** Event-loop turns a fired callback gets to finish after it armed a timer, before it counts as waiting on it. */
const TURNS_BEFORE_PARKED = 5;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A clock that only moves when told to. `advanceTo` fires every timer due up to the
 * target in time order and awaits each callback, so a test or a demo sees jobs run one by
 * one. A callback may itself wait on this clock (the outbox waiting for a rate-limit token
 * or a `Retry-After`): when a callback arms a timer and does not finish within a few
 * event-loop turns, it is "parked" on that timer, and `advanceTo` goes on firing timers
 * (that one included) instead of waiting for a callback only a later instant can finish.
 */
export class VirtualClock implements Clock {
  private current: number;
  private seq = 0;
  private timers: PendingTimer[] = [];
  /** Callbacks fired and not finished yet (running, or parked on a timer). */
  private readonly inflight = new Set<Promise<void>>();
  private armed?: () => void;
  private failure?: unknown;
  /** A callback is waiting on a timer; set by `settle`, cleared when a timer fires. */
  private parked = false;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new Error(`[kaeru] virtual clock: "${String(start)}" is not an instant`);
  }

  now(): Date {
    return new Date(this.current);
  }

  setTimer(at: Date, fire: () => void | Promise<void>): TimerHandle {
    const timer: PendingTimer = { at: at.getTime(), seq: this.seq++, fire, cancelled: false };
    this.timers.push(timer);
    this.armed?.();
    return { cancel: () => void (timer.cancelled = true) };
  }

  /** Armed timers not yet fired (for tests of "one timer only"). */
  get pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** Moves time forward to `target`, firing due timers in order; never moves backwards. */
  async advanceTo(target: Date | string): Promise<void> {
    const end = new Date(target).getTime();
    if (Number.isNaN(end)) throw new Error(`[kaeru] virtual clock: "${String(target)}" is not an instant`);
    if (end < this.current) throw new Error(`[kaeru] virtual clock: cannot go back from ${this.now().toISOString()} to ${new Date(end).toISOString()}`);
    for (;;) {
      await this.settle();
      this.timers = this.timers.filter((t) => !t.cancelled);
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.current = Math.max(this.current, next.at);
      this.track(Promise.resolve().then(() => next.fire()));
    }
    this.current = end;
    this.rethrow();
  }

  /** Moves time forward by `ms`. */
  advanceBy(ms: number): Promise<void> {
    return this.advanceTo(new Date(this.current + ms));
  }

  /**
   * The wall clock jumps to `target` (forward: a suspend or an NTP step; backward: NTP
   * correcting a fast clock) while armed timers keep their remaining delay, as Node's
   * timers do: they run on a monotonic clock. Nothing fires during the jump itself.
   */
  jumpTo(target: Date | string): void {
    const to = new Date(target).getTime();
    if (Number.isNaN(to)) throw new Error(`[kaeru] virtual clock: "${String(target)}" is not an instant`);
    const delta = to - this.current;
    for (const timer of this.timers) timer.at += delta;
    this.current = to;
  }

  /**
   * Resolves when `work` (default: every fired callback) has finished, or is parked on a
   * timer of this clock that only a later `advanceTo` can fire.
   */
  async settle(work?: Promise<unknown>): Promise<void> {
    for (;;) {
      const pending = work ? [work.then(() => undefined, () => undefined)] : [...this.inflight];
      if (pending.length === 0) return;
      let finished = false;
      const all = Promise.all(pending).then(() => void (finished = true));
      // Already parked and nothing fired since: only a later advance can help.
      if (!this.parked) await Promise.race([all, new Promise<void>((resolve) => (this.armed = resolve))]);
      this.armed = undefined;
      for (let i = 0; i < TURNS_BEFORE_PARKED && !finished; i++) await nextTurn();
      if (!finished) {
        this.parked = true;
        return;
      }
      if (work) return;
    }
  }

  private track(work: Promise<void>): void {
    this.parked = false;
    const tracked: Promise<void> = work.catch((error) => void (this.failure ??= error)).finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }

  private rethrow(): void {
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
  }
}
