import type { IncomingHttpHeaders } from 'node:http';

/** One inbound HTTP request, body already read as bytes (signatures are computed over them). */
export interface RawRequest {
  method: string;
  /** Path without the query string, e.g. `/slack/events`. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names, as node gives them. */
  headers: IncomingHttpHeaders;
  /** The exact bytes received; never parsed before the route verified them. */
  body: Buffer;
  receivedAt: Date;
}

/** What a route answers. */
export interface RawResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A route a webhook adapter asks the server to mount. */
export interface HttpRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Exact path; no patterns (webhook endpoints are fixed URLs). */
  path: string;
  handler(request: RawRequest): Promise<RawResponse>;
}

/** An adapter that serves HTTP (Slack Events API, Teams, LINE). */
export interface HttpAdapter {
  routes(): HttpRoute[];
}

/** True when `adapter` declares routes; the one place the server checks it. */
export function servesHttp<T>(adapter: T): adapter is T & HttpAdapter {
  return typeof (adapter as Partial<HttpAdapter> | undefined)?.routes === 'function';
}

/** A JSON response with the right content type. */
export function jsonResponse(status: number, value: unknown): RawResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}
