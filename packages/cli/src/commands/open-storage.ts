import { createTypeormStorage, type TypeormStorage } from '@kaeru/storage-typeorm';
import type { CliIo } from '../cli-io';
import { describeDatabase, resolveDatabase } from '../config/database';
import { findConfigFile, loadConfig } from '../config/load-config';

export interface StorageFlags {
  db?: string;
  config?: string;
}

/**
 * The database the bot itself would use (`--db`, the config file's `storage`, then
 * KAERU_DATABASE_URL, then the default SQLite file). Without `migrate`, a schema that is
 * not up to date stops it: a command that only reads must not change the schema.
 */
export async function openStorage(flags: StorageFlags, io: CliIo, migrate = false): Promise<{ storage: TypeormStorage; label: string; source?: string; timeZone?: string }> {
  const source = findConfigFile(io.cwd, flags.config);
  const loaded = loadConfig({ cwd: io.cwd, file: source });
  const database = resolveDatabase({ db: flags.db }, loaded?.storage, { cwd: io.cwd, configFile: loaded?.source, env: io.env });
  const storage = createTypeormStorage({ ...database, migrate });
  await storage.init();
  return { storage, label: describeDatabase(database, io.cwd), source, timeZone: loaded?.resolved.rooms[0]?.timeZone };
}
