import { existsSync } from 'node:fs';
import { type PurgeCounts, type RetentionSettings, purgeExpired } from '@kaeru/core';
import { createTypeormStorage } from '@kaeru/storage-typeorm';
import { type Command, Option } from 'commander';
import { EXIT, reportError, type CliIo } from '../cli-io';
import { DATABASE_URL_ENV, DEFAULT_SQLITE_FILE, describeDatabase, resolveDatabase } from '../config/database';
import { findConfigFile, loadConfig } from '../config/load-config';

export interface PurgeOptions {
  member?: string;
  expired?: boolean;
  days?: string;
  db?: string;
  url?: string;
  type?: string;
  config?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeCounts(c: PurgeCounts): string {
  return [
    plural(c.members, 'member'),
    plural(c.declarations, 'declaration'),
    plural(c.history, 'history entry').replace('entrys', 'entries'),
    plural(c.jobs, 'job'),
    plural(c.rooms, 'room membership').replace('memberships', 'memberships'),
    plural(c.inbound, 'inbound event id'),
  ].join(', ');
}

/**
 * `kaeru purge --member <id>` erases one member's data (a leaver, or a request for
 * erasure); `kaeru purge --expired` applies the retention now, as the running bot does
 * once a day. Works on the same database `kaeru console` and `kaeru migrate` pick.
 */
export async function runPurge(options: PurgeOptions, io: CliIo): Promise<number> {
  let source: string | undefined;
  try {
    if (!options.member === !options.expired) {
      io.stderr.write('[kaeru] purge: give exactly one of --member <id> or --expired\n');
      return EXIT.config;
    }
    source = findConfigFile(io.cwd, options.config);
    const loaded = loadConfig({ cwd: io.cwd, file: source });
    const database = resolveDatabase(options, loaded?.storage, { cwd: io.cwd, configFile: loaded?.source, env: io.env });
    // Purging never creates a database: a wrong path must not look like "nothing to purge".
    if (database.type === 'sqlite' && !existsSync(database.file)) {
      io.stderr.write(`[kaeru] purge: no database at ${describeDatabase(database, io.cwd)}\n`);
      return EXIT.failed;
    }
    const storage = createTypeormStorage({ ...database, migrate: false });
    await storage.init();
    try {
      if (options.member) {
        const counts = await storage.maintenance.purgeMember(options.member);
        io.stdout.write(`[kaeru] purged ${options.member}: ${describeCounts(counts)}\n`);
        // The config file seeds members at every start: left there, the profile comes back.
        if (loaded?.resolved.members.some((m) => m.id === options.member)) {
          io.stderr.write(`[kaeru] ${options.member} is still in ${loaded.source}: remove it from members and rooms, or the next start adds the profile again\n`);
        }
      } else {
        const retention = (loaded?.bot as { retention?: RetentionSettings } | undefined)?.retention ?? {};
        const settings: RetentionSettings = options.days ? { ...retention, days: Number(options.days) } : retention;
        const counts = await purgeExpired(storage, new Date(), settings);
        io.stdout.write(`[kaeru] purged expired data: ${describeCounts(counts)}\n`);
      }
    } finally {
      await storage.close();
    }
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, source);
  }
}

/** Adds `kaeru purge` to the program; `done` receives the exit code. */
export function registerPurgeCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  return program
    .command('purge')
    .description('erase one member\u2019s data (--member), or data older than the retention (--expired)')
    .option('--member <id>', 'the member id to erase: profile, declarations, history, jobs, room memberships')
    .option('--expired', 'delete declarations, history and jobs older than the retention (default 400 days) and inbound ids older than 7 days')
    .option('--days <n>', 'with --expired: the retention in days, instead of the config file\u2019s')
    .option('--db <file>', `SQLite file (default: ${DEFAULT_SQLITE_FILE})`)
    .option('--url <url>', `server database URL (prefer ${DATABASE_URL_ENV}: argv is visible to other users)`)
    .addOption(new Option('--type <type>', 'server database type, when the URL does not say').choices(['postgres', 'mysql']))
    .option('--config <file>', 'config file whose storage (and retention) setting to use')
    .action(async (options: PurgeOptions) => done(await runPurge(options, io)));
}
