import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from '@kaeru/storage-typeorm';
import { EXIT, reportError, type CliIo } from '../cli-io';
import { describeDatabase, resolveDatabase } from '../config/database';
import { findConfigFile, loadConfig, type LoadedConfig } from '../config/load-config';

export interface MigrateOptions {
  db?: string;
  /** A server database URL; KAERU_DATABASE_URL keeps it out of the process list. */
  url?: string;
  type?: string;
  config?: string;
}

/**
 * `kaeru migrate`: brings the database schema up to date and exits. `kaeru console`
 * does the same at start; this is for servers whose app user may not change the schema.
 */
export async function runMigrate(options: MigrateOptions, io: CliIo): Promise<number> {
  let source: string | undefined;
  let loaded: LoadedConfig | undefined;
  try {
    source = findConfigFile(io.cwd, options.config);
    loaded = loadConfig({ cwd: io.cwd, file: source });
    const database = resolveDatabase(options, loaded?.storage, { cwd: io.cwd, configFile: loaded?.source, env: io.env });
    if (database.type === 'sqlite') mkdirSync(dirname(database.file), { recursive: true });
    await migrate(database);
    io.stdout.write(`[kaeru] migrations applied: ${describeDatabase(database, io.cwd)}\n`);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, source);
  }
}
