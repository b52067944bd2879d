import type { Locale, Member, Room, Weekday } from './domain/types';
import { ConfigError } from './errors';
import { isDate, isTime, isTimeZone } from './calendar/zoned';
import { resolveRetention, type ResolvedRetention, type RetentionSettings } from './storage/retention';
import { instanceSpec, type CreditMode } from './credits/instances';

/** The CPU-credit guard: which burstable instance kaeru runs on (see `INSTANCES`). */
export interface CreditsConfig {
  /** e.g. "t2.micro". */
  instance: string;
  /** "standard" or "unlimited"; the instance type's own default when absent. */
  mode?: CreditMode;
}

/** A room as configured: only `id` is required, the rest takes the defaults below. */
export interface RoomConfig extends Partial<Omit<Room, 'id'>> {
  id: string;
}

/** A member as configured: `id` and `name` are required. */
export interface MemberConfig extends Partial<Omit<Member, 'id' | 'name'>> {
  id: string;
  name: string;
}

/** The bot's own settings (platform and storage settings live with their packages). */
export interface KaeruConfig {
  rooms?: RoomConfig[];
  members?: MemberConfig[];
  /** Company holidays: dates `YYYY-MM-DD` or ranges `YYYY-MM-DD..YYYY-MM-DD`. */
  companyHolidays?: string[];
  /** Member ids allowed to set company and room holidays in chat. */
  admins?: string[];
  /** How long personal data is kept (default 400 days; inbound ids 7). */
  retention?: RetentionSettings;
  /** Simulate this instance's CPU credits, export them and warn before they run out. */
  credits?: CreditsConfig;
}

export const ROOM_DEFAULTS: Omit<Room, 'id' | 'name' | 'members'> = {
  timeZone: 'Asia/Tokyo',
  locale: 'ja',
  country: 'JP',
  hearingAt: '09:00',
  reportAt: '10:00',
  teiji: '18:00',
  lateFrom: '20:00',
  workDays: [1, 2, 3, 4, 5],
  holidays: [],
};

/** Minutes after the hearing a room reminds non-answerers when it does not say. */
export const DEFAULT_REMINDER_AFTER_MINUTES = 30;

export interface ResolvedConfig {
  rooms: Room[];
  members: Member[];
  companyHolidays: string[];
  admins: string[];
  retention: ResolvedRetention;
  credits?: CreditsConfig;
}

/** Fills defaults and checks every value; the first bad one throws a `ConfigError` naming it. */
export function resolveConfig(config: KaeruConfig): ResolvedConfig {
  const rooms = (config.rooms ?? []).map((room, i) => resolveRoom(room, `rooms[${i}]`));
  const members = (config.members ?? []).map((member, i) => resolveMember(member, `members[${i}]`));
  const ids = new Set(members.map((m) => m.id));
  rooms.forEach((room, i) =>
    room.members.forEach((id, j) => {
      if (!ids.has(id))
        throw new ConfigError(`rooms[${i}].members[${j}]`, `"${id}" is not a configured member`, `add { "id": "${id}", "name": "..." } to members, or remove it from the room`);
    }),
  );
  const companyHolidays = (config.companyHolidays ?? []).flatMap((entry, i) => expandDates(entry, `companyHolidays[${i}]`));
  const retention = resolveRetention(config.retention);
  if (config.credits) {
    instanceSpec(config.credits.instance, 'credits.instance');
    if (config.credits.mode !== undefined && config.credits.mode !== 'standard' && config.credits.mode !== 'unlimited')
      throw new ConfigError('credits.mode', `"${String(config.credits.mode)}" is not a credit mode`, 'use "standard" or "unlimited"');
  }
  return { rooms, members, companyHolidays, admins: config.admins ?? [], retention, ...(config.credits ? { credits: config.credits } : {}) };
}

export function resolveRoom(input: RoomConfig, path: string): Room {
  if (!input.id || typeof input.id !== 'string') throw new ConfigError(`${path}.id`, 'is missing', 'give every room a unique string id');
  const room: Room = { ...ROOM_DEFAULTS, name: input.id, members: [], ...stripUndefined(input) } as Room;
  if (!isTimeZone(room.timeZone))
    throw new ConfigError(`${path}.timeZone`, `"${room.timeZone}" is not an IANA time zone`, 'use a zone like "Asia/Tokyo" or "America/New_York"');
  for (const key of ['hearingAt', 'reportAt', 'teiji', 'lateFrom'] as const)
    if (!isTime(room[key])) throw new ConfigError(`${path}.${key}`, `"${room[key]}" is not a time`, 'write it as HH:mm, e.g. "09:00"');
  if (room.reportAt <= room.hearingAt)
    throw new ConfigError(`${path}.reportAt`, `the report (${room.reportAt}) must come after the hearing (${room.hearingAt})`, 'set reportAt later than hearingAt');
  if (room.reportTimes !== undefined) {
    if (!Array.isArray(room.reportTimes)) throw new ConfigError(`${path}.reportTimes`, 'must be a list of times', 'e.g. ["10:00", "17:00"]');
    room.reportTimes.forEach((time, i) => {
      if (!isTime(time)) throw new ConfigError(`${path}.reportTimes[${i}]`, `"${time}" is not a time`, 'write it as HH:mm, e.g. "17:00"');
      if (time <= room.hearingAt)
        throw new ConfigError(`${path}.reportTimes[${i}]`, `the report (${time}) must come after the hearing (${room.hearingAt})`, 'list only times later than hearingAt');
    });
    room.reportTimes = [...new Set(room.reportTimes)].sort();
  }
  const reminder = room.reminderAfterMinutes;
  if (reminder !== undefined && reminder !== null && (!Number.isInteger(reminder) || reminder < 0 || reminder > 24 * 60))
    throw new ConfigError(`${path}.reminderAfterMinutes`, `${String(reminder)} is not a number of minutes`, 'use a whole number like 30, or 0 / null to turn reminders off');
  if (!isLocale(room.locale)) throw new ConfigError(`${path}.locale`, `"${room.locale}" is not supported`, 'use "ja" or "en"');
  if (!/^[A-Z]{2}$/.test(room.country)) throw new ConfigError(`${path}.country`, `"${room.country}" is not a country code`, 'use an ISO 3166 code like "JP"');
  if (!Array.isArray(room.workDays) || room.workDays.length === 0 || room.workDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    throw new ConfigError(`${path}.workDays`, 'must list weekdays 1 (Monday) to 7 (Sunday)', 'e.g. [1, 2, 3, 4, 5]');
  room.holidays = room.holidays.flatMap((entry, i) => expandDates(entry, `${path}.holidays[${i}]`));
  room.workDays = [...new Set(room.workDays)].sort() as Weekday[];
  return room;
}

export function resolveMember(input: MemberConfig, path: string): Member {
  if (!input.id || typeof input.id !== 'string') throw new ConfigError(`${path}.id`, 'is missing', 'give every member a unique string id');
  if (!input.name || typeof input.name !== 'string') throw new ConfigError(`${path}.name`, 'is missing', 'give the member a display name');
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone))
    throw new ConfigError(`${path}.timeZone`, `"${input.timeZone}" is not an IANA time zone`, 'use a zone like "Asia/Tokyo", or leave it out to use the room\'s');
  if (input.locale !== undefined && !isLocale(input.locale)) throw new ConfigError(`${path}.locale`, `"${input.locale}" is not supported`, 'use "ja" or "en"');
  return { aliases: [], ...stripUndefined(input) } as Member;
}

/** `YYYY-MM-DD` or a range `YYYY-MM-DD..YYYY-MM-DD` → every date. */
export function expandDates(entry: string, path: string): string[] {
  const [from, to = from] = entry.split('..');
  if (!isDate(from) || !isDate(to) || to < from)
    throw new ConfigError(path, `"${entry}" is not a date or range`, 'write "2026-12-29" or "2026-12-29..2027-01-03"');
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (; d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
