import { injectable } from 'inversify';

/** Tells the scheduler that rooms, members or calendars changed, without a dependency cycle. */
@injectable()
export class ScheduleSignal {
  private readonly listeners: Array<() => void> = [];

  /** Registers a listener (the scheduler). */
  listen(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Something that affects the schedule changed. */
  changed(): void {
    for (const listener of this.listeners) listener();
  }
}
