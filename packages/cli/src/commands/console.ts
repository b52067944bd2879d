import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConsoleAdapter } from '@kaeru/adapter-console';
import { ConfigError, createBot, resolveConfig, VirtualClock } from '@kaeru/core';
import { createTypeormStorage } from '@kaeru/storage-typeorm';
import { EXIT, reportError, type CliIo } from '../cli-io';
import { describeDatabase, resolveDatabase } from '../config/database';
import { findConfigFile, loadConfig, type LoadedConfig } from '../config/load-config';
import { DEMO_CONFIG } from '../demo';
import { createStderrLogger } from '../stderr-logger';
import { defaultVirtualStart, parseStart } from '../virtual-start';

export interface ConsoleOptions {
  /** SQLite file; default `.kaeru/kaeru.sqlite` in the current directory. */
  db?: string;
  /** Config file; default `kaeru.config.json` (or `.yaml`) in the current directory, else the demo. */
  config?: string;
  clock?: string;
  /** Where a virtual clock starts (ISO). */
  start?: string;
  verbose?: boolean;
}

/**
 * `kaeru console`: the bot in this terminal, on an SQLite file kept between runs.
 * Resolves to the exit code once input ended (or /quit) and the bot stopped.
 */
export async function runConsole(options: ConsoleOptions, io: CliIo): Promise<number> {
  let source: string | undefined;
  let loaded: LoadedConfig | undefined;
  try {
    source = findConfigFile(io.cwd, options.config);
    loaded = loadConfig({ cwd: io.cwd, file: source });
  } catch (error) {
    return reportError(error, io, source);
  }
  try {
    const config = loaded?.bot ?? DEMO_CONFIG;
    const resolved = loaded?.resolved ?? resolveConfig(DEMO_CONFIG);
    const database = resolveDatabase({ db: options.db }, loaded?.storage, { cwd: io.cwd, configFile: loaded?.source, env: io.env });
    const timeZone = resolved.rooms[0]?.timeZone ?? 'Asia/Tokyo';
    const clock = pickClock(options, timeZone);

    if (database.type === 'sqlite') mkdirSync(dirname(database.file), { recursive: true });
    // Typed or piped lines wait until the bot has fully started (scheduler armed, catch-up sent).
    let started!: () => void;
    let failed!: (error: unknown) => void;
    const inputReady = new Promise<void>((resolve, reject) => ((started = resolve), (failed = reject)));
    const adapter = createConsoleAdapter({
      input: io.stdin,
      output: io.stdout,
      members: resolved.members.map(({ id, name }) => ({ id, name })),
      rooms: resolved.rooms.map(({ id, name }) => ({ id, name })),
      clock,
      timeZone,
      locale: resolved.rooms[0]?.locale,
      inputReady,
      notes: [
        `data: ${describeDatabase(database, io.cwd)} (kept between runs) · config: ${loaded?.source ?? 'demo (write kaeru.config.json to use your own)'}`,
      ],
    });
    const bot = createBot({
      config,
      storage: createTypeormStorage(database),
      adapters: [adapter],
      clock,
      logger: createStderrLogger(io.stderr, options.verbose),
    });

    // SIGTERM ends the console like end of input: the turn in progress finishes first.
    const onTerm = (): void => void adapter.stop();
    process.once('SIGTERM', onTerm);
    try {
      await bot.start();
    } catch (error) {
      failed(error);
      throw error;
    }
    started();
    try {
      await adapter.closed;
    } finally {
      process.off('SIGTERM', onTerm);
      await bot.stop();
    }
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, loaded?.source);
  }
}

function pickClock(options: ConsoleOptions, timeZone: string): VirtualClock | undefined {
  const kind = options.clock ?? 'real';
  if (kind !== 'real' && kind !== 'virtual') throw new ConfigError('--clock', `"${kind}" is not a clock`, 'use --clock real (the default) or --clock virtual');
  if (kind === 'real') {
    if (options.start) throw new ConfigError('--start', 'only moves a virtual clock', 'add --clock virtual, or leave --start out');
    // Undefined: createBot takes the system clock, and the console's /time says it cannot move it.
    return undefined;
  }
  return new VirtualClock(options.start ? parseStart(options.start, timeZone) : defaultVirtualStart(new Date(), timeZone));
}
