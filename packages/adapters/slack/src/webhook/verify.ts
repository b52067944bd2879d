import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window: requests older (or newer) than this are refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type VerifyOutcome = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export interface SignedRequest {
  /** `X-Slack-Request-Timestamp`, seconds since the epoch. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`, `v0=<hex>`. */
  signature: string | undefined;
  /** The raw bytes, exactly as received. */
  body: Buffer;
}

/** `v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}`; exported so tests and tools sign the same way. */
export function signSlackRequest(signingSecret: string, timestamp: string | number, body: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(body);
  return `v0=${hmac.digest('hex')}`;
}

/**
 * Checks a request came from Slack, before anything reads its body: the timestamp
 * must be within five minutes of `now` (a captured request cannot be replayed later)
 * and the signature must match, compared in constant time.
 */
export function verifySlackSignature(request: SignedRequest, signingSecret: string, now: Date): VerifyOutcome {
  const { timestamp, signature, body } = request;
  if (!timestamp || !signature) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp) || !/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed' };
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signSlackRequest(signingSecret, timestamp, body));
  const given = Buffer.from(signature);
  // Both are `v0=` + 64 hex characters here, so the lengths match as timingSafeEqual requires.
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** One header's value, whether node gave a string or (for repeated headers) an array. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
