import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { importNationalHolidays, parseCabinetOfficeCsv } from '@kaeru/core';
import { EXIT, processIo, reportError, type CliIo } from '../cli-io';
import { openStorage, type StorageFlags } from './open-storage';

export interface HolidaysImportOptions extends StorageFlags {
  country?: string;
}

/**
 * `kaeru holidays import <file>`: reads the Cabinet Office CSV (`syukujitsu.csv`, Shift_JIS
 * or UTF-8) and stores it in the database, where it overrides the built-in national
 * holidays for every year the file covers, for every instance and after every restart.
 * Running bots pick it up at their next scheduled run.
 */
export async function runHolidaysImport(file: string, options: HolidaysImportOptions, io: CliIo): Promise<number> {
  let opened: Awaited<ReturnType<typeof openStorage>> | undefined;
  try {
    const holidays = parseCabinetOfficeCsv(readFileSync(resolve(io.cwd, file)));
    // Writing rows like the bot does at start: bring a new database's schema up first.
    opened = await openStorage(options, io, true);
    const country = options.country ?? 'JP';
    const { years, count } = await importNationalHolidays(opened.storage, country, holidays);
    io.stdout.write(`[kaeru] imported ${count} national holidays of ${country} for ${years[0]}–${years[years.length - 1]} into ${opened.label}; they replace the built-in list for those years\n`);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, opened?.source);
  } finally {
    await opened?.storage.close();
  }
}

/** Adds `holidays import <file>` to the program; `done` receives the exit code. */
export function registerHolidaysCommand(program: Command, io: CliIo = processIo(), done: (code: number) => void = (code) => void (process.exitCode = code)): void {
  const holidays = program.command('holidays').description('national holiday data');
  holidays
    .command('import <file>')
    .description('import the Cabinet Office holiday CSV (syukujitsu.csv, Shift_JIS or UTF-8); it overrides the built-in list for the years it covers')
    .option('--country <code>', 'the country the list is for', 'JP')
    .option('--db <file>', 'SQLite file (default: the one the bot uses)')
    .option('--config <file>', 'config file whose storage setting to use')
    .action(async (file: string, options: HolidaysImportOptions) => {
      done(await runHolidaysImport(file, options, io));
    });
}
