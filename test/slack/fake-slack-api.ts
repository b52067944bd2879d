import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAll } from '../support/read-body';

/** One request the fake received, in arrival order (failed attempts included). */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** What the fake answered: 200, 429, 500. */
  status: number;
  /** Slack's `error` when the answer was `ok: false`. */
  error?: string;
  /** The body answered (for 200s). */
  response?: Record<string, unknown>;
}

export type Failure = 'ratelimited' | 'http500' | 'invalid_auth';

export interface FakeUser {
  id: string;
  name?: string;
  real_name?: string;
  display_name?: string;
  tz?: string;
  locale?: string;
  is_bot?: boolean;
  deleted?: boolean;
}

/**
 * A fake Slack Web API on 127.0.0.1 that speaks the wire format `@slack/web-api`
 * uses (POST, form-encoded args, `Authorization: Bearer`), records every call, and
 * fails on request: 429 with `Retry-After: 1`, HTTP 500, or `invalid_auth`.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly channelMembers = new Map<string, string[]>();
  private readonly failures: { method: string; failure: Failure; remaining: number }[] = [];
  private tsSeq = 0;

  private constructor(
    private readonly server: Server,
    readonly token: string,
  ) {}

  static async start(token = 'xoxb-test-token'): Promise<FakeSlackApi> {
    let fake!: FakeSlackApi;
    const server = createServer((req, res) => void fake.handle(req, res));
    fake = new FakeSlackApi(server, token);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The base URL to give `WebClient` as `slackApiUrl`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  /** The next `times` calls of `method` fail this way. */
  failNext(method: string, failure: Failure, times = 1): void {
    this.failures.push({ method, failure, remaining: times });
  }

  /** Calls of `method` that succeeded (what Slack actually did). */
  succeeded(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200 && !c.error);
  }

  /** Every attempt of `method`, failed ones included. */
  attempts(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    const args = decodeArgs(await readAll(req), req.headers['content-type']);
    const call: RecordedCall = { method, args, status: 200 };
    this.calls.push(call);
    const failure = this.takeFailure(method);
    if (failure === 'ratelimited') {
      call.status = 429;
      call.error = 'ratelimited';
      return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
    }
    if (failure === 'http500') {
      call.status = 500;
      return send(res, 500, { ok: false, error: 'internal_error' });
    }
    if (failure === 'invalid_auth' || req.headers.authorization !== `Bearer ${this.token}`) {
      call.error = 'invalid_auth';
      return send(res, 200, { ok: false, error: 'invalid_auth' });
    }
    const answer = this.answer(method, args);
    if (answer.ok === false) call.error = String(answer.error);
    call.response = answer;
    send(res, 200, answer);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', team_id: 'T1', bot_id: 'BBOT' };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'chat.postMessage': {
        const ts = `1796601600.${String(++this.tsSeq).padStart(6, '0')}`;
        return { ok: true, channel: args.channel, ts, message: { text: args.text, ts } };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: user.id,
            name: user.name ?? user.id.toLowerCase(),
            real_name: user.real_name,
            tz: user.tz,
            locale: user.locale,
            is_bot: user.is_bot ?? false,
            deleted: user.deleted ?? false,
            profile: { display_name: user.display_name ?? '', real_name: user.real_name },
          },
        };
      }
      case 'conversations.members': {
        const all = this.channelMembers.get(String(args.channel));
        if (!all) return { ok: false, error: 'channel_not_found' };
        const start = Number(args.cursor ?? 0);
        const limit = Number(args.limit ?? 100);
        const next = start + limit < all.length ? String(start + limit) : '';
        return { ok: true, members: all.slice(start, start + limit), response_metadata: { next_cursor: next } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private takeFailure(method: string): Failure | undefined {
    const entry = this.failures.find((f) => f.method === method && f.remaining > 0);
    if (!entry) return undefined;
    entry.remaining--;
    return entry.failure;
  }
}

/** The SDK sends form-encoded args with objects (blocks) as JSON strings; JSON bodies are accepted too. */
function decodeArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (!body) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
