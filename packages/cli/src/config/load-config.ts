import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { ConfigError, resolveConfig, type KaeruConfig, type ResolvedConfig } from '@kaeru/core';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { adapterPlugin, ADAPTER_PLUGINS } from '../serve/adapters';
import { configFileSchema, FIXES, type AdapterSettings, type StorageSetting } from './schema';

/** Looked for in the current directory, in this order, when `--config` is not given. */
export const CONFIG_FILE_NAMES = ['kaeru.config.json', 'kaeru.config.yaml', 'kaeru.config.yml'];

export interface LoadedConfig {
  /** The file it came from (absolute), or `undefined` for settings given in code. */
  source?: string;
  /** The bot's settings, as written (createBot fills the defaults). */
  bot: KaeruConfig;
  /** The same with every default filled in and every value checked. */
  resolved: ResolvedConfig;
  storage?: StorageSetting;
  /** The chat platforms `kaeru serve` runs, with their settings from the file. */
  adapters?: AdapterSettings;
}

/** The config file to read: `explicit` (must exist), else the first of CONFIG_FILE_NAMES in `cwd`. */
export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) throw new ConfigError('--config', `${path} does not exist`, 'give the path of a kaeru.config.json or .yaml file');
    return path;
  }
  return CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).find((path) => existsSync(path));
}

/**
 * Reads and checks the config file; `undefined` when there is none (the caller picks a
 * demo). Any bad value throws a `ConfigError` naming the setting and the fix.
 */
export function loadConfig(options: { cwd?: string; file?: string } = {}): LoadedConfig | undefined {
  const path = findConfigFile(options.cwd ?? process.cwd(), options.file);
  if (!path) return undefined;
  return parseConfig(readFileSync(path, 'utf8'), path);
}

/** Parses JSON or YAML text (by the file's extension) and validates it. */
export function parseConfig(text: string, source: string): LoadedConfig {
  const yaml = ['.yaml', '.yml'].includes(extname(source).toLowerCase());
  let raw: unknown;
  try {
    raw = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const problem = `is not valid ${yaml ? 'YAML' : 'JSON'} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    throw new ConfigError(source, problem, yaml ? 'check the indentation and quoting' : 'check commas, quotes and brackets (a JSON file has no comments)');
  }
  return validateConfig(raw ?? {}, source);
}

/** Checks a parsed config: shapes and typos with zod, then values and defaults with core. */
export function validateConfig(raw: unknown, source?: string): LoadedConfig {
  rejectSecrets(raw);
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) throw toConfigError(parsed.error.issues[0], raw);
  const { storage, adapters, $schema: _ignored, ...rest } = parsed.data;
  // zod checked the shapes (workDays are integers 1–7); resolveConfig checks the values.
  const bot = rest as KaeruConfig;
  if (storage && storage.type !== 'sqlite' && storage.url && /^[a-z+]+:\/\/[^/@]*:[^/@]*@/i.test(storage.url))
    throw new ConfigError('storage.url', 'holds a password, and config files get committed', 'leave storage.url out and set KAERU_DATABASE_URL in the environment');
  return { source, bot, resolved: resolveConfig(bot), storage, adapters: adapters as AdapterSettings | undefined };
}

/** A token in an adapter's section would get committed with the file: say which variable holds it instead. */
function rejectSecrets(raw: unknown): void {
  const adapters = (raw as { adapters?: unknown } | null)?.adapters;
  if (!adapters || typeof adapters !== 'object' || Array.isArray(adapters)) return;
  for (const [name, section] of Object.entries(adapters)) {
    const variables = adapterPlugin(name)?.secretKeys ?? {};
    for (const key of Object.keys(section && typeof section === 'object' ? section : {})) {
      const variable = variables[key] ?? (/token|secret|password/i.test(key) ? `the ${name.toUpperCase()}_* variable` : undefined);
      if (variable)
        throw new ConfigError(`adapters.${name}.${key}`, 'is a secret, and config files get committed', `remove it and set ${variable} in the environment`);
    }
  }
}

/** `["rooms", 0, "timeZone"]` → `rooms[0].timeZone`. */
export function settingPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

function toConfigError(issue: z.core.$ZodIssue, raw: unknown): ConfigError {
  const path = issue.path;
  const name = [...path].reverse().find((key): key is string => typeof key === 'string') ?? 'storage';
  const value = path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), raw);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      if (settingPath(path) === 'adapters' && !isSection((raw as { adapters?: unknown }).adapters)) {
        // Written as a list of names: say so in the list's own terms, not as a key of a section.
        const names = ADAPTER_PLUGINS.map((plugin) => plugin.name);
        const near = names.find((name) => similar(name, key));
        return new ConfigError('adapters', `"${key}" is not a chat platform kaeru knows`, `${near ? `did you mean "${near}"? Known` : 'use one of'}: ${names.join(', ')}`);
      }
      const known = knownKeys(path, raw);
      const near = known.find((k) => k !== key && similar(k, key));
      const fix = `remove it${near ? `, or did you mean "${near}"?` : '.'}${known.length ? ` Settings here: ${known.join(', ')}` : ''}`;
      return new ConfigError(settingPath([...path, key]), 'is not a setting', fix);
    }
    case 'invalid_type':
      if (value === undefined) return new ConfigError(settingPath(path), 'is missing', FIXES[name] ?? issue.message);
      return new ConfigError(settingPath(path), `expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, got ${JSON.stringify(value)}`, FIXES[name] ?? issue.message);
    case 'invalid_union':
    case 'invalid_value':
      return new ConfigError(settingPath(path), `${JSON.stringify(value)} is not allowed`, FIXES[name] ?? issue.message);
    case 'too_small':
    case 'too_big':
      return new ConfigError(settingPath(path), typeof value === 'string' ? 'is empty' : `${JSON.stringify(value)} is out of range`, FIXES[name] ?? issue.message);
    default:
      return new ConfigError(settingPath(path), `${JSON.stringify(value)}: ${issue.message.toLowerCase()}`, FIXES[name] ?? 'see kaeru.config.example.json');
  }
}

function isSection(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function knownKeys(path: readonly PropertyKey[], raw: unknown): string[] {
  const shape = configFileSchema.shape;
  if (path.length === 0) return Object.keys(shape).filter((k) => k !== '$schema');
  const section = path[0];
  if (section === 'rooms') return Object.keys(shape.rooms.unwrap().element.shape);
  if (section === 'members') return Object.keys(shape.members.unwrap().element.shape);
  if (section === 'adapters') {
    if (path.length === 1) return ADAPTER_PLUGINS.map((plugin) => plugin.name);
    return Object.keys(adapterPlugin(String(path[1]))?.settings.shape ?? {});
  }
  if (section === 'storage') return (raw as { storage?: { type?: unknown } }).storage?.type === 'sqlite' ? ['type', 'file'] : ['type', 'url'];
  return [];
}

/** Catches the usual typos: case, `_`/`-`, a missing or extra letter (hearingAt ~ hearing_at, hearingTime ~ hearingAt). */
function similar(known: string, typed: string): boolean {
  const fold = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');
  const [a, b] = [fold(known), fold(typed)];
  if (a === b) return true;
  const stem = (s: string): string => s.replace(/(at|time|s)$/, '');
  return stem(a) === stem(b) || editDistance(a, b) <= 2;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
