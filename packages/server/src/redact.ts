/** What replaces a secret in logs. */
export const REDACTED = '[redacted]';

// Field names whose values are secrets whatever they look like.
const SECRET_KEY = /(token|secret|password|authorization|cookie|signature|api[-_]?key|credential)/i;
// Slack tokens (bot, user, app-level, refresh, config) recognisable on sight.
const SLACK_TOKEN = /\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{6,}/g;
// `Authorization: Bearer …` pasted into a message.
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;

/**
 * Returns a copy of `value` with secrets replaced: values under secret-looking keys,
 * Slack tokens and bearer credentials anywhere in strings, and every `known` secret
 * (the configured signing secret, which has no recognisable shape).
 */
export function redact(value: unknown, known: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactString(value, known);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[…]';
  if (value instanceof Error) return redactError(value, known, depth);
  if (Array.isArray(value)) return value.map((item) => redact(item, known, depth + 1));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEY.test(key) && item != null ? REDACTED : redact(item, known, depth + 1);
  return out;
}

export function redactString(text: string, known: readonly string[] = []): string {
  let out = text.replace(SLACK_TOKEN, (token) => `${token.slice(0, 5)}${REDACTED}`).replace(BEARER, (_, scheme: string) => `${scheme} ${REDACTED}`);
  for (const secret of known) if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED);
  return out;
}

function redactError(error: Error, known: readonly string[], depth: number): Record<string, unknown> {
  const extra = redact({ ...error }, known, depth + 1) as Record<string, unknown>;
  return {
    name: error.name,
    message: redactString(error.message, known),
    ...extra,
    ...(error.stack ? { stack: redactString(error.stack, known) } : {}),
    ...(error.cause !== undefined ? { cause: redact(error.cause, known, depth + 1) } : {}),
  };
}
