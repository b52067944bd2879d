/**
 * A token bucket on a caller-given clock (milliseconds): `ratePerSecond` sends per second
 * on average, bursts up to `capacity` (at least `MIN_BURST`). A reservation takes a token at once, going into
 * debt when the bucket is empty, so callers queue in call order and each learns how long
 * to wait. `pauseUntil` holds every send back (a platform's `Retry-After`).
 */
/**
 * The smallest burst allowed, whatever the rate: platforms limit per channel and tolerate
 * short bursts (Slack: about one message per second per channel), so ten direct messages
 * to ten people at 09:00 go out at once; a platform that disagrees answers 429 and is
 * waited out.
 */
export const MIN_BURST = 10;

export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;

  constructor(
    private readonly ratePerSecond: number | undefined,
    now: number,
    private readonly capacity = Math.max(MIN_BURST, Math.ceil(ratePerSecond ?? 1)),
  ) {
    this.tokens = this.capacity;
    this.last = now;
  }

  /** Takes one token; resolves to how long to wait before sending (0: send now). */
  reserve(now: number): number {
    const pause = Math.max(0, this.pausedUntil - now);
    if (!this.ratePerSecond) return pause;
    // A wall clock moved back must not mint tokens nor stall the bucket.
    const elapsed = Math.max(0, now - this.last);
    this.last = now;
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.ratePerSecond) / 1000);
    this.tokens -= 1;
    const debt = this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.ratePerSecond);
    return Math.max(debt, pause);
  }

  /** Holds every send until `until` (ms); later pauses extend, earlier ones do not shorten. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}
