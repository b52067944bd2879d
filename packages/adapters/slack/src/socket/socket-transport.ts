import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from '@kaeru/core';
import { bridgeLogger } from '../api/web-client';
import { MalformedPayloadError, parseEventCallback, parseInteraction, parseSlashCommand, type SlackInbound } from '../webhook/parse';
import type { EventEnvelope, SlashCommandFields } from '../webhook/payloads';

/** One Socket Mode envelope as `SocketModeClient` emits it on `slack_event`. */
export interface SocketEnvelope {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  type: string;
  body: unknown;
  retry_num?: number;
}

/** The part of `SocketModeClient` used here; tests substitute a fake. */
export interface SocketClient {
  on(event: 'slack_event', listener: (envelope: SocketEnvelope) => void): unknown;
  start(): Promise<unknown>;
  disconnect(): Promise<void>;
}

export type SocketClientFactory = (options: { appToken: string; apiUrl?: string; logger: Logger }) => SocketClient;

export const createSocketModeClient: SocketClientFactory = ({ appToken, apiUrl, logger }) =>
  new SocketModeClient({ appToken, logger: bridgeLogger(logger), clientOptions: apiUrl ? { slackApiUrl: apiUrl } : undefined }) as unknown as SocketClient;

export interface SocketTransportOptions {
  client: SocketClient;
  now: () => Date;
  fallbackTeam?: string;
  logger: Logger;
  dispatch: (inbound: SlackInbound, retryNum: number | undefined) => void;
}

/**
 * Socket Mode: Slack pushes the same payloads over a WebSocket the app opened, so no
 * public URL is needed. The connection itself is authenticated by the app token, so
 * there is no signature to check; each envelope is acknowledged first, then parsed by
 * the same functions as the HTTP path.
 */
export function attachSocketTransport(options: SocketTransportOptions): { start(): Promise<void>; stop(): Promise<void> } {
  options.client.on('slack_event', (envelope) => {
    void envelope.ack().catch((error: unknown) => options.logger.warn('socket mode ack failed', { error }));
    let inbound: SlackInbound;
    try {
      inbound = parseEnvelope(envelope, options.now(), options.fallbackTeam);
    } catch (error) {
      if (!(error instanceof MalformedPayloadError)) throw error;
      options.logger.warn('unreadable Slack payload', { error: error.message, type: envelope.type });
      return;
    }
    options.dispatch(inbound, envelope.retry_num);
  });
  return {
    start: async () => void (await options.client.start()),
    stop: () => options.client.disconnect(),
  };
}

function parseEnvelope(envelope: SocketEnvelope, receivedAt: Date, fallbackTeam?: string): SlackInbound {
  switch (envelope.type) {
    case 'events_api':
      return parseEventCallback(envelope.body as EventEnvelope, receivedAt, fallbackTeam);
    case 'interactive':
      return parseInteraction(envelope.body, receivedAt, fallbackTeam);
    case 'slash_commands':
      return parseSlashCommand(envelope.body as SlashCommandFields, receivedAt, fallbackTeam);
    default:
      return { kind: 'ignored', reason: `socket envelope ${envelope.type}` };
  }
}
