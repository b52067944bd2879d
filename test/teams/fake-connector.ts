import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAll } from '../support/read-body';

export type ConnectorCallKind = 'post' | 'reply' | 'update' | 'create' | 'members' | 'member' | 'pagedmembers' | 'unknown';

/** One request the fake received, in arrival order (failed attempts included). */
export interface ConnectorCall {
  kind: ConnectorCallKind;
  method: string;
  path: string;
  conversationId?: string;
  /** The activity replied to (`reply`) or replaced (`update`). */
  activityId?: string;
  body: any;
  /** What the fake answered. */
  status: number;
  /** The id given to a posted activity or created conversation. */
  id?: string;
  authorization?: string;
}

export interface FakeMember {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  givenName?: string;
  surname?: string;
}

interface Failure {
  kind?: ConnectorCallKind;
  status: number;
  retryAfter?: string;
  remaining: number;
}

/**
 * A fake Bot Connector service on 127.0.0.1, the `serviceUrl` of the test activities: it
 * speaks the v3 REST wire format botbuilder's ConnectorClient uses, records what the bot
 * posts, replies, updates and creates, serves rosters for TeamsInfo, and fails on request
 * (429 with Retry-After, 500, 403, 404) the way Teams does.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Roster per conversation id (a channel's is its team's). */
  readonly rosters = new Map<string, FakeMember[]>();
  private readonly failures: Failure[] = [];
  private seq = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeConnector> {
    let fake!: FakeConnector;
    const server = createServer((req, res) => void fake.handle(req, res));
    fake = new FakeConnector(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The service URL to put in activities (with the trailing slash Teams uses). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** The next `times` calls (of `kind`, or of any kind) fail with `status`. */
  failNext(status: number, options: { kind?: ConnectorCallKind; times?: number; retryAfter?: string } = {}): void {
    this.failures.push({ kind: options.kind, status, retryAfter: options.retryAfter, remaining: options.times ?? 1 });
  }

  /** Calls that succeeded, optionally of one kind and from an index on. */
  succeeded(kind?: ConnectorCallKind, from = 0): ConnectorCall[] {
    return this.calls.slice(from).filter((c) => c.status < 300 && (!kind || c.kind === kind));
  }

  /** Successful posts and replies into one conversation (channel posts match their threads too). */
  messagesIn(conversationId: string, from = 0): ConnectorCall[] {
    return this.succeeded(undefined, from).filter((c) => (c.kind === 'post' || c.kind === 'reply') && c.conversationId?.split(';')[0] === conversationId);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readAll(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const call: ConnectorCall = {
      kind: 'unknown',
      method: req.method ?? 'GET',
      path: url.pathname,
      body: raw ? JSON.parse(raw) : undefined,
      status: 200,
      authorization: req.headers.authorization,
    };
    // v3 / conversations / {id} / activities / {activityId} | members / {userId} | pagedmembers
    if (parts[0] === 'v3' && parts[1] === 'conversations') {
      call.conversationId = parts[2];
      if (parts.length === 2 && call.method === 'POST') call.kind = 'create';
      else if (parts[3] === 'activities' && call.method === 'POST') call.kind = parts[4] ? 'reply' : 'post';
      else if (parts[3] === 'activities' && call.method === 'PUT') call.kind = 'update';
      else if (parts[3] === 'members' && call.method === 'GET') call.kind = parts[4] ? 'member' : 'members';
      else if (parts[3] === 'pagedmembers' && call.method === 'GET') call.kind = 'pagedmembers';
      call.activityId = call.kind === 'member' ? undefined : parts[4];
    }
    this.calls.push(call);
    const failure = this.takeFailure(call.kind);
    if (failure) {
      call.status = failure.status;
      const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
      return send(res, failure.status, { error: { code: errorCode(failure.status), message: `fake connector: ${failure.status}` } }, headers);
    }
    const answer = this.answer(call, parts, url);
    call.status = answer.status;
    send(res, answer.status, answer.body);
  }

  private answer(call: ConnectorCall, parts: string[], url: URL): { status: number; body: unknown } {
    switch (call.kind) {
      case 'create': {
        call.id = `a:1created${++this.seq}`;
        return { status: 201, body: { id: call.id } };
      }
      case 'post':
      case 'reply':
        call.id = String(1796601600000 + ++this.seq);
        return { status: 201, body: { id: call.id } };
      case 'update':
        return { status: 200, body: { id: call.activityId } };
      case 'members':
        return { status: 200, body: this.roster(call.conversationId!).map(account) };
      case 'member': {
        const member = this.roster(call.conversationId!).find((m) => m.id === parts[4] || m.aadObjectId === parts[4]);
        return member ? { status: 200, body: account(member) } : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'not found' } } };
      }
      case 'pagedmembers': {
        const all = this.roster(call.conversationId!);
        const start = Number(url.searchParams.get('continuationToken') ?? 0);
        const size = Number(url.searchParams.get('pageSize') ?? 100);
        const next = start + size < all.length ? String(start + size) : undefined;
        return { status: 200, body: { members: all.slice(start, start + size).map(account), ...(next ? { continuationToken: next } : {}) } };
      }
      default:
        return { status: 404, body: { error: { code: 'NotFound', message: `no route ${call.method} ${call.path}` } } };
    }
  }

  private roster(conversationId: string): FakeMember[] {
    return this.rosters.get(conversationId.split(';')[0]) ?? [];
  }

  private takeFailure(kind: ConnectorCallKind): Failure | undefined {
    const entry = this.failures.find((f) => f.remaining > 0 && (!f.kind || f.kind === kind));
    if (!entry) return undefined;
    entry.remaining--;
    return entry;
  }
}

function account(member: FakeMember): Record<string, unknown> {
  return { objectId: member.aadObjectId, tenantId: undefined, userRole: 'user', ...member };
}

function errorCode(status: number): string {
  return ({ 403: 'BotNotInConversationRoster', 404: 'ConversationNotFound', 429: 'Throttled' } as Record<number, string>)[status] ?? 'ServiceError';
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
