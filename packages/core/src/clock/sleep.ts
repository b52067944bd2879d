import type { Clock } from '../ports/clock';

/** Resolves at `clock.now() + ms`, on the injected clock: a virtual clock makes every wait deterministic. */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => {
    clock.setTimer(new Date(clock.now().getTime() + Math.max(0, ms)), () => resolve());
  });
}
