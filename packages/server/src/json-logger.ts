import type { LogFields, Logger } from '@kaeru/core';
import { redact, redactString } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface JsonLoggerOptions {
  /** Lines below this level are dropped. Default `info`. */
  level?: LogLevel;
  /** Configured secret values to scrub even where they have no recognisable shape. */
  secrets?: readonly string[];
  /** Fields on every line (e.g. `{ instance }`). */
  base?: LogFields;
  /** Where lines go; default stdout. */
  write?: (line: string) => void;
  /** Timestamp source; default the system clock. */
  now?: () => Date;
}

/** Core's `Logger` as one JSON object per line, secrets redacted before anything is written. */
export class JsonLinesLogger implements Logger {
  private readonly threshold: number;
  private readonly secrets: readonly string[];
  private readonly write: (line: string) => void;

  constructor(private readonly options: JsonLoggerOptions = {}) {
    this.threshold = RANK[options.level ?? 'info'];
    this.secrets = options.secrets ?? [];
    this.write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
  }

  debug(message: string, fields?: LogFields): void {
    this.log('debug', message, fields);
  }
  info(message: string, fields?: LogFields): void {
    this.log('info', message, fields);
  }
  warn(message: string, fields?: LogFields): void {
    this.log('warn', message, fields);
  }
  error(message: string, fields?: LogFields): void {
    this.log('error', message, fields);
  }

  /** A logger writing the same way with more base fields (e.g. `{ adapter: 'slack' }`). */
  child(base: LogFields): JsonLinesLogger {
    return new JsonLinesLogger({ ...this.options, base: { ...this.options.base, ...base } });
  }

  private log(level: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void {
    if (RANK[level] < this.threshold) return;
    const time = (this.options.now?.() ?? new Date()).toISOString();
    const safe = redact({ ...this.options.base, ...fields }, this.secrets) as LogFields;
    this.write(JSON.stringify({ time, level, msg: redactString(message, this.secrets), ...safe }));
  }
}

/** `LOG_LEVEL`-style text → a level; unknown text is a mistake worth failing on. */
export function parseLogLevel(text: string | undefined, fallback: LogLevel = 'info'): LogLevel {
  if (text === undefined || text === '') return fallback;
  const level = text.toLowerCase();
  if (level in RANK) return level as LogLevel;
  throw new Error(`[kaeru] [server] log level "${text}" is not one of ${Object.keys(RANK).join(', ')}`);
}

export function createJsonLogger(options: JsonLoggerOptions = {}): JsonLinesLogger {
  return new JsonLinesLogger(options);
}
