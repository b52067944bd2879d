import { Command, Option } from 'commander';
import { processIo, type CliIo } from './cli-io';
import { runConsole } from './commands/console';
import { runMigrate } from './commands/migrate';
import { runServe } from './commands/serve';
import { registerBackupCommands } from './commands/backup';
import { registerCreditsCommand } from './commands/credits';
import { registerHolidaysCommand } from './commands/holidays';
import { registerPurgeCommand } from './commands/purge';
import { registerStatusCommand } from './commands/status';
import { DATABASE_URL_ENV, DEFAULT_SQLITE_FILE } from './config/database';

/** The `kaeru` command line; `run` resolves to the exit code instead of exiting, for tests. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code = 0;
  const program = new Command('kaeru')
    .description('kaeru (帰る): the leave-time bot')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('console')
    .description('run the bot in this terminal (interactive, or a script piped in)')
    .option('--db <file>', `SQLite file, created on first start and kept (default: ${DEFAULT_SQLITE_FILE})`)
    .option('--config <file>', 'config file (default: kaeru.config.json or .yaml here, else a demo team)')
    .addOption(new Option('--clock <kind>', 'real time, or a virtual clock moved with /time').choices(['real', 'virtual']).default('real'))
    .option('--start <iso>', 'where a virtual clock starts (default: 08:55 of today or the last weekday)')
    .option('--verbose', 'log info and debug lines to stderr')
    .action(async (options) => {
      code = await runConsole(options, io);
    });

  program
    .command('migrate')
    .description(`bring the database schema up to date and exit (a server URL comes from ${DATABASE_URL_ENV})`)
    .option('--db <file>', `SQLite file (default: ${DEFAULT_SQLITE_FILE})`)
    .option('--url <url>', `server database URL (prefer ${DATABASE_URL_ENV}: argv is visible to other users)`)
    .addOption(new Option('--type <type>', 'server database type, when the URL does not say').choices(['postgres', 'mysql']))
    .option('--config <file>', 'config file whose storage setting to use')
    .action(async (options) => {
      code = await runMigrate(options, io);
    });

  program
    .command('serve')
    .description('run the bot server: the chat adapters of the config file, /healthz and /metrics (secrets from the environment)')
    .option('--config <file>', 'config file with "adapters" and rooms (default: kaeru.config.json or .yaml here)')
    .option('--db <file>', `SQLite file (default: the file's storage, else ${DEFAULT_SQLITE_FILE})`)
    .option('--url <url>', `server database URL (prefer ${DATABASE_URL_ENV}: argv is visible to other users)`)
    .addOption(new Option('--type <type>', 'server database type, when the URL does not say').choices(['postgres', 'mysql']))
    .option('--port <n>', 'HTTP port (default: $PORT, else 3000; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (default: 0.0.0.0)')
    .action(async (options) => {
      code = await runServe(options, io);
    });

  // Maintenance commands, each in its own file; they hand their exit code back here.
  const done = (exit: number): void => void (code = exit);
  registerStatusCommand(program, io, done);
  registerHolidaysCommand(program, io, done);
  registerPurgeCommand(program, io, done);
  registerBackupCommands(program, io, done);
  registerCreditsCommand(program, io, done);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    // commander has printed its own message (unknown option, --help, --version).
    const exit = (error as { exitCode?: number }).exitCode;
    return exit === 0 ? 0 : 2;
  }
  return code;
}
