export type LogFields = Record<string, unknown>;

/** Structured logging; implementations must never print secrets. */
export interface Logger {
  /** Detail for debugging. */
  debug(message: string, fields?: LogFields): void;
  /** Normal operation worth keeping. */
  info(message: string, fields?: LogFields): void;
  /** Something is wrong but kaeru goes on. */
  warn(message: string, fields?: LogFields): void;
  /** Something failed. */
  error(message: string, fields?: LogFields): void;
}

/** Discards everything (the default in tests). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
