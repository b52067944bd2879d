import { LogLevel, WebClient, WebClientEvent, type Logger as SlackLogger } from '@slack/web-api';
import type { Logger } from '@kaeru/core';
import type { SlackRetryConfig } from '../config';

export interface WebClientOptions {
  token: string;
  apiUrl?: string;
  retry: SlackRetryConfig;
  logger: Logger;
  /** Called on every 429 with the method and the seconds Slack asked to wait. */
  onRateLimited?: (method: string, retryAfterSeconds: number) => void;
}

/**
 * The one place a `WebClient` is made. Rate limits: `rejectRateLimitedCalls: false`
 * (the default) makes the client itself honour `Retry-After` on a 429: it pauses its
 * whole request queue for that many seconds, then retries the call under `retryConfig`
 * (p-retry). We keep that and bound the retries (`retry.retries`, 1–30 s backoff by
 * default) instead of the SDK's ten retries over ~30 minutes, so a hearing fails
 * within minutes, visibly, rather than arriving at lunch. HTTP 5xx and network errors
 * are retried the same way; Slack's `ok: false` errors (`invalid_auth`, ...) are not.
 */
export function createWebClient(options: WebClientOptions): WebClient {
  const client = new WebClient(options.token, {
    slackApiUrl: options.apiUrl,
    rejectRateLimitedCalls: false,
    retryConfig: { retries: options.retry.retries, minTimeout: options.retry.minTimeoutMs, maxTimeout: options.retry.maxTimeoutMs, factor: 2 },
    logger: bridgeLogger(options.logger),
    logLevel: LogLevel.WARN,
    // Tokens must never be sent elsewhere than the configured API.
    allowAbsoluteUrls: false,
  });
  client.on(WebClientEvent.RATE_LIMITED, (retryAfter: number, request: { url?: string }) => {
    const method = request?.url?.split('/').pop() ?? 'unknown';
    options.logger.warn('rate limited by Slack; waiting', { method, retryAfterSeconds: retryAfter });
    options.onRateLimited?.(method, retryAfter);
  });
  return client;
}

/** The SDK's logger interface over core's; the SDK's debug output (request bodies) is dropped. */
export function bridgeLogger(logger: Logger): SlackLogger {
  let level = LogLevel.WARN;
  const rank = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  const at = (l: LogLevel) => rank.indexOf(l) >= rank.indexOf(level);
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: () => {},
    info: (...parts) => at(LogLevel.INFO) && logger.info(`[slack web-api] ${text(parts)}`),
    warn: (...parts) => at(LogLevel.WARN) && logger.warn(`[slack web-api] ${text(parts)}`),
    error: (...parts) => at(LogLevel.ERROR) && logger.error(`[slack web-api] ${text(parts)}`),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}
