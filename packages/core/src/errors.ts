/** Stable error codes: callers switch on `code`, never on message text. */
export type KaeruErrorCode =
  | 'config_invalid'
  | 'not_supported'
  | 'storage_failed'
  | 'send_failed'
  | 'schema_newer_than_code';

/** The one error base of kaeru; messages are prefixed with their source. */
export class KaeruError extends Error {
  constructor(
    readonly code: KaeruErrorCode,
    message: string,
    readonly source = 'kaeru',
    readonly context?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(source === 'kaeru' ? `[kaeru] ${message}` : `[kaeru] [${source}] ${message}`, options);
    this.name = 'KaeruError';
  }
}

/** An adapter was asked for a capability it declared it does not have. */
export class NotSupportedError extends KaeruError {
  constructor(feature: string, adapter: string) {
    super('not_supported', `${feature} is not supported by this adapter`, adapter, { feature });
    this.name = 'NotSupportedError';
  }
}

/** A configuration value is wrong; `setting` names it and `fix` says what to do. */
export class ConfigError extends KaeruError {
  constructor(
    readonly setting: string,
    problem: string,
    readonly fix: string,
  ) {
    super('config_invalid', `configuration: ${setting}: ${problem}. Fix: ${fix}`, 'kaeru', { setting });
    this.name = 'ConfigError';
  }
}
