import { z } from 'zod';
import { ADAPTER_PLUGINS } from '../serve/adapters';

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
  reportTimes: z.array(z.string()).optional(),
  reminderAfterMinutes: z.number().int().nullable().optional(),
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

/**
 * The chat platforms `kaeru serve` runs (the console ignores them): a list of names,
 * `["slack"]`, or a section per platform with its non-secret settings,
 * `{ "slack": { "transport": "socket" } }`. The list is read as the section with empty
 * settings, so a misspelt name gets the same "did you mean" as any other key.
 */
export const adaptersSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { [value]: {} } : Array.isArray(value) ? Object.fromEntries(value.map((name) => [String(name), {}])) : value),
  z.strictObject(Object.fromEntries(ADAPTER_PLUGINS.map((plugin) => [plugin.name, plugin.settings.optional()]))),
);

export const configFileSchema = z.strictObject({
  /** Lets editors validate the file; ignored by kaeru. */
  $schema: z.string().optional(),
  storage: storageSchema.optional(),
  adapters: adaptersSchema.optional(),
  rooms: z.array(roomSchema).optional(),
  members: z.array(memberSchema).optional(),
  companyHolidays: z.array(z.string()).optional(),
  admins: z.array(z.string()).optional(),
  retention: z.strictObject({ days: z.number().int().optional(), inboundDays: z.number().int().optional() }).optional(),
  credits: z.strictObject({ instance: z.string(), mode: z.enum(['standard', 'unlimited']).optional() }).optional(),
});

export type ConfigFile = z.infer<typeof configFileSchema>;
export type StorageSetting = z.infer<typeof storageSchema>;
/** Adapter name → its settings from the file (secrets come from the environment). */
export type AdapterSettings = Record<string, Record<string, unknown>>;

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
  reportTimes: 'list more report times as "HH:mm", e.g. ["17:00"]',
  reminderAfterMinutes: 'use a whole number of minutes like 30, or 0 / null to turn reminders off',
  teiji: 'write it as "HH:mm", e.g. "18:00"',
  lateFrom: 'write it as "HH:mm", e.g. "20:00"',
  workDays: 'list weekdays 1 (Monday) to 7 (Sunday), e.g. [1, 2, 3, 4, 5]',
  holidays: 'list dates "2026-12-29" or ranges "2026-12-29..2027-01-03"',
  companyHolidays: 'list dates "2026-12-29" or ranges "2026-12-29..2027-01-03"',
  admins: 'list member ids, e.g. ["yamada"]',
  retention: 'write { "days": 400, "inboundDays": 7 } (both optional)',
  days: 'give a whole number of days, at least 7 (default 400)',
  inboundDays: 'give a whole number of days, at least 1 (default 7)',
  credits: 'write { "instance": "t2.micro" } (and optionally "mode": "standard" or "unlimited")',
  instance: 'name a burstable instance type, e.g. "t2.micro" or "t3.micro"',
  mode: 'use "standard" or "unlimited"',
  adapters: `list the chat platforms to serve, e.g. ["slack"] (known: ${ADAPTER_PLUGINS.map((p) => p.name).join(', ')})`,
  transport: 'use "http" (Events API) or "socket" (Socket Mode)',
  path: 'give the webhook path, starting with "/", e.g. "/slack/events"',
  teamId: 'give the workspace id, e.g. "T0123ABCD"',
  sendsPerSecond: 'give a number above 0, e.g. 1',
  defaultServiceUrl: 'give an https URL, or leave it out for Teams\' global one',
  referencesFile: 'give a file path, e.g. ".kaeru/teams-references.json"',
};
