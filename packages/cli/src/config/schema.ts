import { z } from 'zod';

/**
 * The shape of `kaeru.config.json` (or `.yaml`). zod checks types and catches typos
 * (objects are strict: `hearingTime` is an error, not silently ignored); core's
 * `resolveConfig` then checks the values (zones, HH:mm times, dates) and fills defaults.
 */

const weekday = z.number().int().min(1).max(7);

export const roomSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  timeZone: z.string().optional(),
  locale: z.enum(['ja', 'en']).optional(),
  country: z.string().optional(),
  hearingAt: z.string().optional(),
  reportAt: z.string().optional(),
  teiji: z.string().optional(),
  lateFrom: z.string().optional(),
  workDays: z.array(weekday).optional(),
  members: z.array(z.string()).optional(),
  holidays: z.array(z.string()).optional(),
});

export const memberSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()).optional(),
  timeZone: z.string().optional(),
  locale: z.enum(['ja', 'en']).optional(),
});

/** Where data lives. A server database's password belongs in KAERU_DATABASE_URL, not here. */
export const storageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('sqlite'), file: z.string().min(1) }),
  z.strictObject({ type: z.enum(['postgres', 'mysql']), url: z.string().optional() }),
]);

export const configFileSchema = z.strictObject({
  /** Lets editors validate the file; ignored by kaeru. */
  $schema: z.string().optional(),
  storage: storageSchema.optional(),
  rooms: z.array(roomSchema).optional(),
  members: z.array(memberSchema).optional(),
  companyHolidays: z.array(z.string()).optional(),
  admins: z.array(z.string()).optional(),
});

export type ConfigFile = z.infer<typeof configFileSchema>;
export type StorageSetting = z.infer<typeof storageSchema>;

/** What to do about a wrong value, by setting name: the "Fix:" half of the message. */
export const FIXES: Record<string, string> = {
  storage: 'use { "type": "sqlite", "file": ".kaeru/kaeru.sqlite" } or { "type": "postgres" } with KAERU_DATABASE_URL set',
  type: 'use "sqlite", "postgres" or "mysql"',
  file: 'give the SQLite file path, e.g. ".kaeru/kaeru.sqlite"',
  url: 'leave it out and set KAERU_DATABASE_URL in the environment',
  rooms: 'write a list of rooms: [{ "id": "sales", "name": "営業部" }]',
  members: 'write a list: members of the file are [{ "id": "yamada", "name": "山田 洋子" }], members of a room are ids ["yamada"]',
  id: 'give it a unique string id, e.g. "sales"',
  name: 'give it a display name, e.g. "営業部"',
  aliases: 'list other names as strings, e.g. ["やまだ"]',
  timeZone: 'use an IANA zone like "Asia/Tokyo"',
  locale: 'use "ja" or "en"',
  country: 'use an ISO 3166 code like "JP"',
  hearingAt: 'write it as "HH:mm", e.g. "09:00"',
  reportAt: 'write it as "HH:mm", e.g. "10:00"',
  teiji: 'write it as "HH:mm", e.g. "18:00"',
  lateFrom: 'write it as "HH:mm", e.g. "20:00"',
  workDays: 'list weekdays 1 (Monday) to 7 (Sunday), e.g. [1, 2, 3, 4, 5]',
  holidays: 'list dates "2026-12-29" or ranges "2026-12-29..2027-01-03"',
  companyHolidays: 'list dates "2026-12-29" or ranges "2026-12-29..2027-01-03"',
  admins: 'list member ids, e.g. ["yamada"]',
};
