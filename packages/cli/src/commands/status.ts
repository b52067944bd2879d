import type { Command } from 'commander';
import { formatJobStatus, jobStatus, localDate } from '@kaeru/core';
import { EXIT, processIo, reportError, type CliIo } from '../cli-io';
import { openStorage, type StorageFlags } from './open-storage';

export interface StatusOptions extends StorageFlags {
  /** `YYYY-MM-DD`; today in the first room's zone by default. */
  date?: string;
}

/** `kaeru status`: the day's jobs by kind and status, and every failed one with its reason. */
export async function runStatus(options: StatusOptions, io: CliIo, now: Date = new Date()): Promise<number> {
  let opened: Awaited<ReturnType<typeof openStorage>> | undefined;
  try {
    opened = await openStorage(options, io);
    const date = options.date ?? localDate(now, opened.timeZone ?? 'Asia/Tokyo');
    const summary = await jobStatus(opened.storage, date);
    io.stdout.write(`${[`[kaeru] ${opened.label}`, ...formatJobStatus(summary)].join('\n')}\n`);
    // A failed send is worth a non-zero exit for monitoring scripts.
    return summary.failed.length ? EXIT.failed : EXIT.ok;
  } catch (error) {
    return reportError(error, io, opened?.source);
  } finally {
    await opened?.storage.close();
  }
}

/** Adds `status` to the program; `done` receives the exit code. */
export function registerStatusCommand(program: Command, io: CliIo = processIo(), done: (code: number) => void = (code) => void (process.exitCode = code)): void {
  program
    .command('status')
    .description("print a day's jobs by status (sent, failed, skipped, claimed) and the failed ones with their reasons")
    .option('--date <YYYY-MM-DD>', 'the business date (default: today in the first room\'s zone)')
    .option('--db <file>', 'SQLite file (default: the one the bot uses)')
    .option('--config <file>', 'config file whose storage setting to use')
    .action(async (options: StatusOptions) => {
      done(await runStatus(options, io));
    });
}
