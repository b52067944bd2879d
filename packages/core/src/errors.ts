/** Stable error codes: callers switch on `code`, never on message text. */
export type KaeruErrorCode =
  | 'config_invalid'
  | 'not_supported'
  | 'storage_failed'
  | 'send_failed'
  | 'send_rate_limited'
  | 'send_transient'
  | 'holidays_invalid'
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

/**
 * Adapters signal how a send failed by throwing one of the three errors below; the outbox
 * decides from the class alone whether to wait, retry or give up. Anything else thrown by
 * `send` is treated as permanent: the message may or may not have reached the platform,
 * and a blind retry could deliver it twice.
 */

/** The platform answered 429: try again after `retryAfterMs` (its `Retry-After`). */
export class RateLimitedError extends KaeruError {
  constructor(
    readonly retryAfterMs: number,
    source = 'kaeru',
  ) {
    super('send_rate_limited', `rate limited; retry after ${retryAfterMs} ms`, source, { retryAfterMs });
    this.name = 'RateLimitedError';
  }
}

/** A failure worth retrying with backoff (timeout, 5xx, connection reset) where the message surely did not arrive. */
export class TransientSendError extends KaeruError {
  constructor(message: string, source = 'kaeru', options?: { cause?: unknown }) {
    super('send_transient', message, source, undefined, options);
    this.name = 'TransientSendError';
  }
}

/** A failure no retry will fix (unknown channel, revoked token, message too long, too late). */
export class PermanentSendError extends KaeruError {
  constructor(message: string, source = 'kaeru', options?: { cause?: unknown }) {
    super('send_failed', message, source, undefined, options);
    this.name = 'PermanentSendError';
  }
}
