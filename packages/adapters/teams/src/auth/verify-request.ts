import type { Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

export type VerifyOutcome = { ok: true } | { ok: false; status: 401 | 503; reason: string };

/** `Bearer <header>.<payload>.<signature>`, base64url parts: anything else is refused unread. */
const BEARER_JWT = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The cheap check done before the body is parsed: a request without a JWT-shaped bearer token is refused at once. */
export function hasBearerToken(header: string | undefined): header is string {
  return header !== undefined && header.length < 16_384 && BEARER_JWT.test(header);
}

/**
 * Validates the Bot Framework JWT with botbuilder's own rules (issuer, audience = our
 * app id, signature from the OpenID metadata keys, expiry, the `serviceurl` claim
 * matching the activity, channel endorsements). It needs the parsed activity for the
 * last two, which is why the body is parsed before this runs. Every failure is a 401:
 * botbuilder itself answers 500 to a bad signature (jsonwebtoken's error is not its
 * `AuthenticationError`), which would invite retries of a forged request.
 */
export async function verifyRequest(auth: Pick<ConfigurationBotFrameworkAuthentication, 'authenticateRequest'>, activity: Record<string, unknown>, header: string): Promise<VerifyOutcome> {
  try {
    await auth.authenticateRequest(activity as Partial<Activity> as Activity, header);
    return { ok: true };
  } catch (error) {
    const e = error as { statusCode?: number; name?: string; message?: string };
    // The signing keys could not be loaded: our problem, not the caller's; the channel retries a 503.
    if (e.statusCode === 500 || e.name === 'FetchError') return { ok: false, status: 503, reason: e.message ?? 'openid metadata unavailable' };
    return { ok: false, status: 401, reason: e.message ?? String(error) };
  }
}
