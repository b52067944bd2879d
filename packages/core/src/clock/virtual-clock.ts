import type { Clock, TimerHandle } from '../ports/clock';

interface PendingTimer {
  at: number;
  seq: number;
  fire: () => void | Promise<void>;
  cancelled: boolean;
}

/**
 * A clock that only moves when told to. `advanceTo` fires every timer due up to the
 * target in time order, awaiting each, so a test or a demo sees jobs run one by one.
 */
export class VirtualClock implements Clock {
  private current: number;
  private seq = 0;
  private timers: PendingTimer[] = [];

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
      this.timers = this.timers.filter((t) => !t.cancelled);
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.current = Math.max(this.current, next.at);
      await next.fire();
    }
    this.current = end;
  }

  /** Moves time forward by `ms`. */
  advanceBy(ms: number): Promise<void> {
    return this.advanceTo(new Date(this.current + ms));
  }
}
