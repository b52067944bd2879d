import { KaeruError, PermanentSendError, RateLimitedError, TransientSendError } from '@kaeru/core';
import { TEAMS } from '../ids';

/** What a failed connector call looks like: botbuilder throws `RestError`s from `@azure/core-rest-pipeline`. */
interface ConnectorFailure {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined } };
}

// No request reached the service (or none answered): sending again cannot deliver twice.
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * Turns a connector failure into the error class core's outbox acts on. botbuilder's
 * ConnectorClient has already retried (its pipeline's default policy: up to 3 retries,
 * 429/503 after their `Retry-After`, 5xx/408 and network errors with exponential backoff
 * from 1 s); what reaches here is what that gave up on:
 * - 429 → `RateLimitedError` with the last `Retry-After` (the outbox pauses all sends);
 * - 5xx, 408, network errors → `TransientSendError` (the outbox backs off and retries);
 * - 403 (bot removed, member gone, app blocked), 404 (conversation or message deleted)
 *   and every other 4xx → `PermanentSendError`: recorded, never retried.
 */
export function toSendError(error: unknown, operation: string, target: string): KaeruError {
  if (error instanceof KaeruError) return error;
  const e = (error ?? {}) as ConnectorFailure;
  const status = e.statusCode;
  const detail = `${operation} for ${target} failed: ${status ? `HTTP ${status}` : (e.code ?? 'error')}${e.code && status ? ` ${e.code}` : ''}`;
  if (status === 429) return new RateLimitedError(retryAfterMs(e) ?? 1000, TEAMS);
  if ((status !== undefined && (status >= 500 || status === 408)) || (status === undefined && e.code !== undefined && NETWORK.has(e.code)))
    return new TransientSendError(detail, TEAMS, { cause: error });
  return new PermanentSendError(status === 403 || status === 404 ? `${detail} (the conversation, message or member is gone)` : detail, TEAMS, { cause: error });
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function retryAfterMs(error: ConnectorFailure, now = Date.now()): number | undefined {
  const value = error.response?.headers?.get?.('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
