import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, createBot, InMemoryMetrics, type Bot, type ChatAdapter, type Logger, type Storage } from '@kaeru/core';
import { createBotServer, createJsonLogger, parseLogLevel, type KaeruServer, type LogLevel } from '@kaeru/server';
import { createTypeormStorage } from '@kaeru/storage-typeorm';
import { EXIT, reportError, type CliIo } from '../cli-io';
import { describeDatabase, resolveDatabase, type DatabaseOptions } from '../config/database';
import { CONFIG_FILE_NAMES, findConfigFile, loadConfig, type LoadedConfig } from '../config/load-config';
import { buildAdapters, secretValues } from '../serve/compose';
import { waitForSignals, type SignalSource } from '../serve/signals';

export interface ServeOptions {
  config?: string;
  db?: string;
  /** A server database URL; KAERU_DATABASE_URL keeps it out of the process list. */
  url?: string;
  type?: string;
  /** Default: env PORT, else 3000. 0 picks a free port. */
  port?: string;
  /** Default 0.0.0.0. */
  host?: string;
}

/** Everything checked and built before anything starts: a failure here is exit code 2. */
interface Prepared {
  loaded: LoadedConfig;
  database: DatabaseOptions;
  logger: Logger;
  metrics: InMemoryMetrics;
  /** Built, not connected: the bot connects on start. Built here because adapters keep data in it. */
  storage: Storage;
  adapters: ChatAdapter[];
  port: number;
  host?: string;
}

/**
 * `kaeru serve`: the long-running server. One HTTP port with the adapters' webhooks,
 * `/healthz` and `/metrics`; JSON-lines logs on stdout; SIGTERM or SIGINT stop it
 * gracefully (exit 0), a second signal stops it at once (exit 1).
 */
export async function runServe(options: ServeOptions, io: CliIo, signals: SignalSource = process): Promise<number> {
  let source: string | undefined;
  let prepared: Prepared;
  try {
    source = findConfigFile(io.cwd, options.config);
    prepared = prepare(options, loadConfig({ cwd: io.cwd, file: source }), io);
  } catch (error) {
    return reportError(error, io, source);
  }
  return serve(prepared, io, signals);
}

function prepare(options: ServeOptions, loaded: LoadedConfig | undefined, io: CliIo): Prepared {
  if (!loaded)
    throw new ConfigError('--config', `no ${CONFIG_FILE_NAMES.join(', ')} in ${io.cwd}`, 'write one with "adapters": ["slack"] and your rooms (README, "Run on Slack"), or pass --config <file>');
  const level = logLevel(io.env.LOG_LEVEL);
  const port = parsePort(options.port ?? io.env.PORT, options.port !== undefined ? '--port' : 'PORT');
  const database = resolveDatabase(options, loaded.storage, { cwd: io.cwd, configFile: loaded.source, env: io.env });
  // stdout is the log stream (one JSON object per line); stderr only gets the fatal start errors.
  const logger = createJsonLogger({ level, secrets: secretValues(io.env, database), write: (line) => io.stdout.write(`${line}\n`) });
  const metrics = new InMemoryMetrics();
  const storage = createTypeormStorage(database);
  const adapters = buildAdapters(loaded.adapters, { env: io.env, logger, metrics, baseDir: loaded.source ? dirname(loaded.source) : io.cwd, storage });
  return { loaded, database, logger, metrics, storage, adapters, port, host: options.host };
}

async function serve(parts: Prepared, io: CliIo, signals: SignalSource): Promise<number> {
  const { loaded, database, logger, metrics, storage, adapters } = parts;
  const signal = waitForSignals(signals, ['SIGTERM', 'SIGINT']);
  let bot: Bot | undefined;
  let server: KaeruServer | undefined;
  try {
    if (database.type === 'sqlite') mkdirSync(dirname(database.file), { recursive: true });
    bot = createBot({ config: loaded.bot, storage, adapters, logger, metrics });
    server = createBotServer({ bot, storage, adapters, metrics, logger, port: parts.port, host: parts.host });
    if (loaded.resolved.rooms.length === 0) logger.warn('no rooms in the config file: only rooms already stored get hearings and reports', { config: loaded.source });
    // Listen first: Slack's URL check is answered and /healthz says 503 while the
    // scheduler catches up (which may take a while: sends are rate-limited).
    await server.listen();
  } catch (error) {
    signal.dispose();
    return reportError(error, io, loaded.source);
  }
  logger.info('kaeru serve starting', { adapters: adapters.map((a) => a.name), database: describeDatabase(database, io.cwd), config: loaded.source });

  const starting = bot.start();
  const startError = starting.then(() => undefined, (error: unknown) => error ?? new Error('start failed'));
  const first = await Promise.race([startError.then((error) => ({ error })), signal.first.then((name) => ({ name }))]);
  if ('error' in first && first.error) {
    logger.error('kaeru serve could not start', { error: first.error });
    signal.dispose();
    await server.close();
    await bot.stop().catch(() => undefined);
    return reportError(first.error, io, loaded.source);
  }
  if ('error' in first) logger.info('kaeru serve started', { nextDueAt: bot.nextDueAt?.toISOString() });
  const name = await signal.first;

  logger.info('stopping: no new requests; finishing turns and sends in flight', { signal: name });
  const stopped = (async () => {
    await server.close();
    // Releases the claims of jobs not yet sent, so another instance (or the next start) takes them.
    await bot.stop();
    // A signal during start: bot.start() went on to start the adapters after stop(); stop them again.
    if ((await startError) === undefined && !('error' in first)) for (const adapter of adapters) await adapter.stop();
  })();
  const outcome = await Promise.race([stopped.then(() => 'stopped' as const), signal.second.then(() => 'forced' as const)]);
  signal.dispose();
  if (outcome === 'forced') {
    logger.warn('second signal: exiting without waiting for the work in flight');
    return EXIT.failed;
  }
  logger.info('kaeru serve stopped');
  return EXIT.ok;
}

function logLevel(text: string | undefined): LogLevel {
  try {
    return parseLogLevel(text);
  } catch {
    throw new ConfigError('LOG_LEVEL', `"${text}" is not a level`, 'use debug, info, warn, error or silent (default info)');
  }
}

function parsePort(text: string | undefined, setting: string): number {
  if (text === undefined || text === '') return 3000;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new ConfigError(setting, `"${text}" is not a port`, 'give a number from 1 to 65535 (0 picks a free one)');
  return port;
}
