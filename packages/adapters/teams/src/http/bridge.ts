import type { Request, Response } from 'botbuilder';
import type { TeamsRawRequest, TeamsRawResponse } from './http-types';

/**
 * The express-like request `CloudAdapter.process` reads: it only looks at `method`,
 * `headers` (for `authorization`) and an already parsed `body`.
 */
export function toBotbuilderRequest(raw: TeamsRawRequest, body: Record<string, unknown>): Request {
  return { method: raw.method, headers: raw.headers, body };
}

/**
 * The express-like response `CloudAdapter.process` writes (`status`, `header`, `send`,
 * `end`), recorded so the route can hand the server a plain `RawResponse` instead of
 * letting botbuilder write to the socket.
 */
export class RecordedResponse implements Response {
  /** Required by botbuilder's type for websocket upgrades, which this route never does. */
  readonly socket = undefined;
  private code = 200;
  private readonly headers: Record<string, string> = {};
  private body?: string;
  private ended = false;

  status(code: number): this {
    this.code = code;
    return this;
  }

  header(name: string, value: unknown): this {
    this.headers[name.toLowerCase()] = String(value);
    return this;
  }

  send(body?: unknown): this {
    if (body === undefined || body === null) return this;
    if (typeof body === 'string' || Buffer.isBuffer(body)) this.body = body.toString();
    else {
      // Invoke responses are objects: answer them as JSON, like express would.
      this.body = JSON.stringify(body);
      this.headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    return this;
  }

  end(): this {
    this.ended = true;
    return this;
  }

  /** What was written, as the server's response; a handler that never ended counts as a failure. */
  toRaw(): TeamsRawResponse {
    if (!this.ended) return { status: 500, headers: { 'content-type': 'text/plain' }, body: 'no response' };
    return { status: this.code, headers: { ...this.headers }, ...(this.body !== undefined ? { body: this.body } : {}) };
  }
}
