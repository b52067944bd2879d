import { ConfigError, type ChatAdapter } from '@kaeru/core';
import type { AdapterSettings } from '../config/schema';
import type { DatabaseOptions } from '../config/database';
import { adapterPlugin, ADAPTER_PLUGINS, type AdapterContext } from './adapters';

/**
 * The adapters the config file asks for, in the file's order. Nothing is started here:
 * a missing secret throws a `ConfigError` naming its variable before any port is opened.
 */
export function buildAdapters(settings: AdapterSettings | undefined, context: AdapterContext): ChatAdapter[] {
  const names = Object.keys(settings ?? {});
  if (names.length === 0)
    throw new ConfigError('adapters', settings ? 'lists no chat platform' : 'is not set', `add "adapters": ["${ADAPTER_PLUGINS[0].name}"] to the config file (known: ${ADAPTER_PLUGINS.map((p) => p.name).join(', ')})`);
  return names.map((name) => {
    const plugin = adapterPlugin(name);
    // The schema only lets known names through; this guards callers that skip it.
    if (!plugin) throw new ConfigError(`adapters.${name}`, 'is not a chat platform kaeru knows', `use one of ${ADAPTER_PLUGINS.map((p) => p.name).join(', ')}`);
    return plugin.create(settings![name], context);
  });
}

/**
 * Every secret value this process may hold, for the logger to scrub: all adapters'
 * variables (configured or not: a stray token is still a token) and the database
 * URL with its password, raw and percent-decoded.
 */
export function secretValues(env: NodeJS.ProcessEnv, database?: DatabaseOptions): string[] {
  const values = ADAPTER_PLUGINS.flatMap((plugin) => plugin.secretEnv.map((name) => env[name]));
  if (database && database.type !== 'sqlite') {
    values.push(database.url);
    try {
      const password = new URL(database.url).password;
      values.push(password, decodeURIComponent(password));
    } catch {
      // Not a parseable URL: the whole value above is still scrubbed.
    }
  }
  return [...new Set(values.filter((value): value is string => !!value))];
}
