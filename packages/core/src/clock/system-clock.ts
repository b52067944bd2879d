import type { Clock, TimerHandle } from '../ports/clock';

/** setTimeout's longest delay (~24.8 days); longer waits are re-armed in steps. */
const MAX_DELAY_MS = 2_147_483_647;

/** The real clock: one `setTimeout` per armed timer, nothing else. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }

  setTimer(at: Date, fire: () => void | Promise<void>): TimerHandle {
    let handle: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const delay = at.getTime() - Date.now();
      if (delay > MAX_DELAY_MS) {
        handle = setTimeout(arm, MAX_DELAY_MS);
      } else {
        handle = setTimeout(() => void fire(), Math.max(0, delay));
      }
    };
    arm();
    return { cancel: () => handle && clearTimeout(handle) };
  }
}
