import { dirname, resolve } from 'node:path';
import { ConfigError } from '@kaeru/core';
import type { StorageSetting } from './schema';

/** Where `kaeru console` keeps its data when nothing else is said: created on first start. */
export const DEFAULT_SQLITE_FILE = '.kaeru/kaeru.sqlite';

/** The environment variable holding a server database URL (with its password). */
export const DATABASE_URL_ENV = 'KAERU_DATABASE_URL';

/** What `createTypeormStorage` and `migrate` take. */
export type DatabaseOptions = { type: 'sqlite'; file: string } | { type: 'postgres' | 'mysql'; url: string };

export interface DatabaseFlags {
  /** `--db <file>`: an SQLite file; wins over everything else. */
  db?: string;
  /** `--url <url>` (migrate): a server database; prefer KAERU_DATABASE_URL, argv is visible to `ps`. */
  url?: string;
  /** `--type postgres|mysql`, when the URL's scheme does not say. */
  type?: string;
}

/**
 * Picks the database: `--db`, then `--url`, then the config file's `storage` (a server
 * database's URL from KAERU_DATABASE_URL), then KAERU_DATABASE_URL alone, then the
 * default SQLite file. Relative SQLite paths are read from the config file's folder, or cwd.
 */
export function resolveDatabase(
  flags: DatabaseFlags,
  setting: StorageSetting | undefined,
  context: { cwd: string; configFile?: string; env: NodeJS.ProcessEnv },
): DatabaseOptions {
  const envUrl = context.env[DATABASE_URL_ENV]?.trim() || undefined;
  if (flags.db) return { type: 'sqlite', file: resolve(context.cwd, flags.db) };
  if (flags.url) return { type: serverType(flags.url, flags.type, '--url'), url: flags.url };
  if (setting?.type === 'sqlite') return { type: 'sqlite', file: resolve(context.configFile ? dirname(context.configFile) : context.cwd, setting.file) };
  if (setting) {
    const url = setting.url ?? envUrl;
    if (!url) throw new ConfigError('storage.url', `is not set for ${setting.type}`, `set ${DATABASE_URL_ENV}=${setting.type}://user:password@host/kaeru in the environment`);
    return { type: setting.type, url };
  }
  if (envUrl) return { type: serverType(envUrl, flags.type, DATABASE_URL_ENV), url: envUrl };
  return { type: 'sqlite', file: resolve(context.cwd, DEFAULT_SQLITE_FILE) };
}

function serverType(url: string, type: string | undefined, setting: string): 'postgres' | 'mysql' {
  if (type === 'postgres' || type === 'mysql') return type;
  if (type !== undefined) throw new ConfigError('--type', `"${type}" is not a server database`, 'use --type postgres or --type mysql');
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (/^(mysql|mariadb):\/\//i.test(url)) return 'mysql';
  throw new ConfigError(setting, 'is not a postgres:// or mysql:// URL', 'start it with postgres:// or mysql://, or add --type postgres|mysql');
}

/** For messages: the file, or the URL's host and database without the credentials. */
export function describeDatabase(options: DatabaseOptions, cwd: string): string {
  if (options.type === 'sqlite') {
    const file = options.file.startsWith(`${cwd}/`) ? options.file.slice(cwd.length + 1) : options.file;
    return `sqlite ${file}`;
  }
  const safe = options.url.replace(/\/\/[^@/]*@/, '//');
  return `${options.type} ${safe}`;
}
