/** A timer armed by `Clock.setTimer`. */
export interface TimerHandle {
  /** Disarms the timer; harmless after it fired. */
  cancel(): void;
}

/** Time, swappable: the real clock in production, a virtual one in tests and demos. */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Calls `fire` once at `at` (at once if `at` is past); a returned promise is awaited by virtual clocks. */
  setTimer(at: Date, fire: () => void | Promise<void>): TimerHandle;
}
