import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Incoming, IncomingSink, Outgoing } from '@kaeru/core';
import { createTeamsAdapter, type TeamsAdapter, type TeamsAdapterConfig } from '@kaeru/adapter-teams';
import { createKaeruServer, type KaeruServer } from '@kaeru/server';
import { FakeConnector } from './fake-connector';

export const TENANT = '3e0f6c2a-7b8d-4e9f-a1b2-c3d4e5f60718';
export const APP_ID = '00000000-0000-4000-8000-00000000b07a';
export const BOT_ID = `28:${APP_ID}`;
export const CHANNEL = '19:SalesGeneralChannel0123456789abcdef@thread.tacv2';
export const YAMADA = { id: '29:1YamadaYokoBotFrameworkUserIdAbCdEfGhIjKlMnOp', aad: '6f1b2c3d-1111-4a5b-8c9d-0e1f2a3b4c5d', chat: 'a:1YamadaPersonalChatAbCdEfGhIjKlMnOpQrStUvWxYz' };
export const KEN = { id: '29:1KenTanakaBotFrameworkUserIdQrStUvWxYzAbCdEf', aad: '7a2b3c4d-2222-4b6c-9d0e-1f2a3b4c5d6e', chat: 'a:1KenPersonalChatQrStUvWxYzAbCdEfGhIjKlMnOp' };
export const member = (aad: string) => `teams:${TENANT}:${aad}`;
export const ROOM = `teams:${TENANT}:${CHANNEL}`;

/** A fixture from test/fixtures/teams, its `serviceUrl` pointed at the fake connector; each call gets a fresh copy. */
export function fixture<T = Record<string, any>>(name: string, serviceUrl?: string): T {
  const activity = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'teams', `${name}.json`), 'utf8')) as Record<string, unknown>;
  if (serviceUrl) activity.serviceUrl = serviceUrl;
  return activity as T;
}

/** POSTs an activity the way the Bot Connector does. */
export async function postActivity(url: string, activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  return { status: response.status, text: await response.text() };
}

export interface TeamsHarness {
  connector: FakeConnector;
  adapter: TeamsAdapter;
  server: KaeruServer;
  /** `http://127.0.0.1:<port>/api/messages`. */
  messagesUrl: string;
  /** Everything the adapter handed to the sink. */
  received: Incoming[];
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

/** The fake connector, a Teams adapter with auth off, and the kaeru server mounting its route, all on 127.0.0.1. */
export async function startTeamsHarness(options: { sink?: IncomingSink; adapter?: Partial<TeamsAdapterConfig>; start?: boolean } = {}): Promise<TeamsHarness> {
  const connector = await FakeConnector.start();
  const received: Incoming[] = [];
  const adapter = createTeamsAdapter({ auth: 'disabled-for-local-testing', env: {}, botId: BOT_ID, ...options.adapter });
  const server = createKaeruServer({ port: 0, host: '127.0.0.1', routes: adapter.routes() });
  const { url } = await server.listen();
  if (options.start !== false)
    await adapter.start(async (incoming) => {
      received.push(incoming);
      return options.sink ? options.sink(incoming) : ([] as Outgoing[]);
    });
  const messagesUrl = `${url}/api/messages`;
  return {
    connector,
    adapter,
    server,
    messagesUrl,
    received,
    post: (activity, headers) => postActivity(messagesUrl, activity, headers),
    async close() {
      await server.close();
      await adapter.stop();
      await connector.close();
    },
  };
}
