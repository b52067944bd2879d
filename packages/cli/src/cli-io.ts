import type { Readable, Writable } from 'node:stream';

/** What a command touches of the process, passed in so tests can run commands in-process. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const processIo = (): CliIo => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

/** Exit codes: 0 done, 1 failed while running, 2 bad configuration or flags (nothing was started). */
export const EXIT = { ok: 0, failed: 1, config: 2 } as const;

/** Prints an error the way a user can act on it and returns the exit code. */
export function reportError(error: unknown, io: CliIo, source?: string): number {
  const coded = error as { code?: string; message?: string };
  if (coded?.code === 'config_invalid') {
    io.stderr.write(`${coded.message}\n`);
    if (source) io.stderr.write(`[kaeru] (in ${source})\n`);
    return EXIT.config;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${message.startsWith('[kaeru]') ? message : `[kaeru] ${message}`}\n`);
  return EXIT.failed;
}
