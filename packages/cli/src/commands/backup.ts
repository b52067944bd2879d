import { resolve } from 'node:path';
import { backupSqlite, restoreSqlite } from '@kaeru/storage-typeorm';
import type { Command } from 'commander';
import { EXIT, reportError, type CliIo } from '../cli-io';
import { DEFAULT_SQLITE_FILE, describeDatabase, resolveDatabase } from '../config/database';
import { findConfigFile, loadConfig } from '../config/load-config';

export interface BackupOptions {
  db?: string;
  config?: string;
}

const SERVER_HINT = 'server databases are backed up with their own tools: see docs/backup.md (pg_dump, mysqldump)';

/** The SQLite file the bot uses, as `kaeru console` picks it; server databases are refused. */
function sqliteFile(options: BackupOptions, io: CliIo): { file: string; source?: string } {
  const source = findConfigFile(io.cwd, options.config);
  const loaded = loadConfig({ cwd: io.cwd, file: source });
  const database = resolveDatabase({ db: options.db }, loaded?.storage, { cwd: io.cwd, configFile: loaded?.source, env: io.env });
  if (database.type !== 'sqlite') throw new Error(`[kaeru] ${describeDatabase(database, io.cwd)}: ${SERVER_HINT}`);
  return { file: database.file, source };
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** `kaeru backup <file>`: an online, consistent copy; the bot may keep running. */
export async function runBackup(to: string, options: BackupOptions, io: CliIo): Promise<number> {
  let source: string | undefined;
  try {
    const target = sqliteFile(options, io);
    source = target.source;
    const result = await backupSqlite(target.file, resolve(io.cwd, to));
    io.stdout.write(`[kaeru] backed up ${target.file} to ${resolve(io.cwd, to)} (${kb(result.bytes)}, ${result.ms} ms)\n`);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, source);
  }
}

/** `kaeru restore <file>`: offline; refuses while a bot has the database open. */
export async function runRestore(from: string, options: BackupOptions, io: CliIo): Promise<number> {
  let source: string | undefined;
  try {
    const target = sqliteFile(options, io);
    source = target.source;
    const result = await restoreSqlite(resolve(io.cwd, from), target.file);
    io.stdout.write(`[kaeru] restored ${target.file} from ${resolve(io.cwd, from)} (${kb(result.bytes)}, ${result.ms} ms)\n`);
    if (result.previous) io.stdout.write(`[kaeru] the database it replaced is kept as ${result.previous}\n`);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, source);
  }
}

/** Adds `kaeru backup` and `kaeru restore` to the program; `done` receives the exit code. */
export function registerBackupCommands(program: Command, io: CliIo, done: (code: number) => void): Command {
  program
    .command('backup')
    .description('copy the SQLite database while the bot runs (consistent online backup; never overwrites)')
    .argument('<file>', 'where to write the copy, e.g. backups/kaeru-2026-12-07.sqlite')
    .option('--db <file>', `SQLite file (default: ${DEFAULT_SQLITE_FILE})`)
    .option('--config <file>', 'config file whose storage setting to use')
    .action(async (file: string, options: BackupOptions) => done(await runBackup(file, options, io)));
  return program
    .command('restore')
    .description('replace the SQLite database with a backup; stop the bot first (refused while it runs)')
    .argument('<file>', 'a file written by kaeru backup')
    .option('--db <file>', `SQLite file (default: ${DEFAULT_SQLITE_FILE})`)
    .option('--config <file>', 'config file whose storage setting to use')
    .action(async (file: string, options: BackupOptions) => done(await runRestore(file, options, io)));
}
