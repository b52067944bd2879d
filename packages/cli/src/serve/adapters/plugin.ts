import type { ChatAdapter, Logger, Metrics, Storage } from '@kaeru/core';
import type { z } from 'zod';

/** What every adapter gets from `kaeru serve` besides its own settings. */
export interface AdapterContext {
  env: NodeJS.ProcessEnv;
  logger: Logger;
  metrics: Metrics;
  /** Where relative paths of the adapter's settings are read from: the config file's folder. */
  baseDir: string;
  /** The bot's storage, not yet initialised (the bot does that on start): where adapters keep their own data. */
  storage: Storage;
}

/**
 * One chat platform as `kaeru serve` knows it: the non-secret settings its config
 * section may hold, the environment variables holding its secrets, and how to build it.
 */
export interface AdapterPlugin<S extends Record<string, unknown> = Record<string, unknown>> {
  /** The name in the config file: `"adapters": ["slack"]` or `"adapters": { "slack": { … } }`. */
  name: string;
  /** The config section, a strict object: a typo is an error, not a silently ignored key. */
  settings: z.ZodObject<z.ZodRawShape, z.core.$strict>;
  /** Secret-looking keys someone may write into the file → the variable that holds them instead. */
  secretKeys: Record<string, string>;
  /** Environment variables whose values are scrubbed from every log line. */
  secretEnv: string[];
  /** Builds the adapter; a missing secret throws a `ConfigError` naming its variable. */
  create(settings: S, context: AdapterContext): ChatAdapter;
}
