import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Incoming, IncomingSink, Outgoing } from '@kaeru/core';
import { createSlackAdapter, signSlackRequest, type SlackAdapter, type SlackAdapterConfig } from '@kaeru/adapter-slack';
import { createKaeruServer, type KaeruServer, type KaeruServerOptions } from '@kaeru/server';
import { FakeSlackApi } from './fake-slack-api';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const BOT_TOKEN = 'xoxb-1234-5678-test';

/** A fixture from test/fixtures/slack, parsed; each test gets its own copy to tweak. */
export function fixture<T = Record<string, any>>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'slack', `${name}.json`), 'utf8')) as T;
}

/** A form body the way Slack sends interactivity (`payload=<json>`). */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export interface PostOptions {
  /** Seconds since the epoch to sign with; now by default. */
  timestamp?: number;
  secret?: string;
  /** Replace the signature header (or drop it with `null`). */
  signature?: string | null;
  headers?: Record<string, string>;
}

/** POSTs `body` signed as Slack would, at send time. */
export async function postSigned(url: string, body: string, options: PostOptions = {}): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature === undefined ? signSlackRequest(options.secret ?? SIGNING_SECRET, timestamp, body) : options.signature;
  const contentType = body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded';
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), ...options.headers };
  if (signature !== null) headers['x-slack-signature'] = signature;
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

export interface SlackHarness {
  api: FakeSlackApi;
  adapter: SlackAdapter;
  server: KaeruServer;
  /** The events URL (`/slack/events`). */
  eventsUrl: string;
  baseUrl: string;
  /** Everything the adapter handed to the sink. */
  received: Incoming[];
  /** POSTs a signed body and waits until the adapter finished processing it. */
  post(body: unknown, options?: PostOptions): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

/**
 * The fake Web API, a Slack adapter pointed at it (fast retries) and the kaeru server
 * mounting its route, all on 127.0.0.1 ephemeral ports.
 */
export async function startSlackHarness(
  options: { sink?: IncomingSink; adapter?: Partial<SlackAdapterConfig>; server?: Partial<KaeruServerOptions>; start?: boolean } = {},
): Promise<SlackHarness> {
  const api = await FakeSlackApi.start(BOT_TOKEN);
  const received: Incoming[] = [];
  const adapter = createSlackAdapter({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: api.url,
    retry: { retries: 5, minTimeoutMs: 10, maxTimeoutMs: 50 },
    attachProfiles: false,
    ...options.adapter,
  });
  const server = createKaeruServer({ port: 0, host: '127.0.0.1', routes: adapter.routes(), ...options.server });
  const { url } = await server.listen();
  const sink: IncomingSink =
    options.sink ??
    (async (incoming) => {
      received.push(incoming);
      return [] as Outgoing[];
    });
  if (options.start !== false)
    await adapter.start(async (incoming) => {
      if (options.sink) received.push(incoming);
      return sink(incoming);
    });
  const eventsUrl = `${url}/slack/events`;
  return {
    api,
    adapter,
    server,
    eventsUrl,
    baseUrl: url,
    received,
    async post(body, postOptions) {
      const response = await postSigned(eventsUrl, typeof body === 'string' ? body : JSON.stringify(body), postOptions);
      await adapter.idle();
      return response;
    },
    async close() {
      await server.close();
      await adapter.stop();
      await api.close();
    },
  };
}
