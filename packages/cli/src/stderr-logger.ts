import type { Writable } from 'node:stream';
import type { LogFields, Logger } from '@kaeru/core';

/**
 * Logs to stderr, so stdout stays the conversation (a piped transcript has no log
 * noise). Warnings and errors always; info and debug only with `--verbose`.
 */
export function createStderrLogger(stderr: Writable, verbose = false): Logger {
  const write = (level: string, message: string, fields?: LogFields): void => {
    const extra = fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
    stderr.write(`[kaeru] ${level} ${message.replace(/^\[kaeru\] /, '')}${extra}\n`);
  };
  return {
    debug: (message, fields) => verbose && write('debug', message, fields),
    info: (message, fields) => verbose && write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
