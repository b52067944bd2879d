import { inject, injectable } from 'inversify';
import type { Room } from '../domain/types';
import type { HolidaySource } from '../ports/holiday-source';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { HolidayScope, Storage } from '../ports/storage';
import { ScheduleSignal } from '../engine/signals';
import { TOKENS } from '../tokens';

/** How long a loaded calendar is trusted (see `CalendarService.snapshot`). */
const FRESH_MS = 30_000;
import { nonBusinessReason, type NonBusinessReason } from './business-calendar';
import { addDays } from './zoned';
import { withImportedHolidays } from './imported-holidays';

/** The calendar for a span of dates, loaded once so that planning asks storage once. */
export class CalendarSnapshot {
  constructor(
    private readonly holidays: HolidaySource,
    private readonly company: ReadonlySet<string>,
    private readonly roomHolidays: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly logger?: Logger,
  ) {}

  reason(room: Room, date: string): NonBusinessReason | undefined {
    const stored = this.roomHolidays.get(room.id);
    const withStored = stored && stored.size ? { ...room, holidays: [...room.holidays, ...stored] } : room;
    return nonBusinessReason(withStored, date, { holidays: this.holidays, companyHolidays: this.company, logger: this.logger });
  }

  isBusinessDate(room: Room, date: string): boolean {
    return this.reason(room, date) === undefined;
  }

  /** A national holiday's name on `date` for the room's country, if any. */
  nationalHolidayName(room: Room, date: string): string | undefined {
    return this.holidays.holidays(room.country, Number(date.slice(0, 4)))?.find((h) => h.date === date)?.name;
  }
}

/** Business dates: work days, national, company and room holidays. */
@injectable()
export class CalendarService {
  constructor(
    @inject(TOKENS.Storage) private readonly storage: Storage,
    @inject(TOKENS.HolidaySource) private readonly holidays: HolidaySource,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(ScheduleSignal) signal: ScheduleSignal,
  ) {
    signal.listen(() => this.cache.clear());
  }

  // Planning asks for the same span on every run: loaded snapshots are kept for FRESH_MS
  // (changes made through this process clear them at once; another instance's within that window).
  private readonly cache = new Map<string, { at: number; snapshot: Promise<CalendarSnapshot> }>();

  /** Company, stored room and imported national holidays for `[from, to]`. */
  snapshot(rooms: Room[], from: string, to: string): Promise<CalendarSnapshot> {
    const now = this.clock.now().getTime();
    const key = `${from}|${to}|${rooms.map((r) => `${r.id}:${r.country}`).join(',')}`;
    const hit = this.cache.get(key);
    if (hit && Math.abs(now - hit.at) < FRESH_MS) return hit.snapshot;
    if (this.cache.size > 32) this.cache.clear();
    const snapshot = this.load(rooms, from, to);
    this.cache.set(key, { at: now, snapshot });
    snapshot.catch(() => this.cache.delete(key));
    return snapshot;
  }

  private async load(rooms: Room[], from: string, to: string): Promise<CalendarSnapshot> {
    const company = new Set(await this.storage.calendar.list('company', from, to));
    const byRoom = new Map<string, Set<string>>();
    for (const room of rooms) byRoom.set(room.id, new Set(await this.storage.calendar.list(`room:${room.id}`, from, to)));
    // Whole years: an import overrides the built-in list for every year it covers.
    const national = await withImportedHolidays(this.storage, this.holidays, rooms.map((r) => r.country), Number(from.slice(0, 4)), Number(to.slice(0, 4)));
    return new CalendarSnapshot(national, company, byRoom, this.logger);
  }

  /** A snapshot around `date`: the usual span for one day's questions. */
  around(rooms: Room[], date: string, daysAhead = 31): Promise<CalendarSnapshot> {
    return this.snapshot(rooms, addDays(date, -1), addDays(date, daysAhead));
  }

  /** Adds holidays to a scope. */
  async add(scope: HolidayScope, dates: string[]): Promise<void> {
    await this.storage.calendar.add(scope, dates);
    this.cache.clear();
  }
}
