import type { WebClient } from '@slack/web-api';
import {
  silentLogger,
  type AdapterCapabilities,
  type ChatAdapter,
  type Incoming,
  type IncomingSink,
  type Logger,
  type Outgoing,
  type SentMessage,
  type Target,
} from '@kaeru/core';
import { createWebClient } from './api/web-client';
import { SlackSender } from './api/slack-sender';
import { resolveSlackConfig, type ResolvedSlackConfig, type SlackAdapterConfig } from './config';
import { SlackDirectory } from './directory/slack-directory';
import { SLACK } from './ids';
import { renderMessage } from './render/blocks';
import { attachSocketTransport, createSocketModeClient, type SocketClientFactory } from './socket/socket-transport';
import { createEventsRoute } from './webhook/events-route';
import type { SlackHttpRoute } from './webhook/http-types';
import type { SlackDirectoryChange, SlackInbound } from './webhook/parse';
import { RecentIds } from '@kaeru/core';

export type SlackDirectoryListener = (change: SlackDirectoryChange) => void | Promise<void>;

/** Parts a test or an embedder may supply instead of the real ones. */
export interface SlackAdapterParts {
  client?: WebClient;
  socketClientFactory?: SocketClientFactory;
}

/**
 * Slack behind kaeru's `ChatAdapter`: Events API over HTTP (`routes()`, mounted by
 * `@kaeru/server`) or Socket Mode, replies as Block Kit through the Web API.
 */
export class SlackAdapter implements ChatAdapter {
  readonly name = SLACK;
  readonly capabilities: AdapterCapabilities;
  /** users.info / conversations.members, for syncing members and rooms into storage. */
  readonly directory: SlackDirectory;

  private readonly logger: Logger;
  private readonly sender: SlackSender;
  private readonly recent = new RecentIds();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly directoryListeners: SlackDirectoryListener[] = [];
  private readonly route?: SlackHttpRoute;
  private readonly socket?: { start(): Promise<void>; stop(): Promise<void> };
  private sink?: IncomingSink;

  constructor(
    private readonly config: ResolvedSlackConfig,
    parts: SlackAdapterParts = {},
  ) {
    this.logger = config.logger ?? silentLogger;
    const now = config.now ?? (() => new Date());
    const client =
      parts.client ??
      createWebClient({
        token: config.botToken,
        apiUrl: config.apiUrl,
        retry: config.retry,
        logger: this.logger,
        onRateLimited: (method) => config.metrics?.increment('kaeru_rate_limit_waits_total', { adapter: SLACK, method }),
      });
    this.sender = new SlackSender(client);
    this.directory = new SlackDirectory(client, config.profileTtlMs, now);
    this.capabilities = { buttons: true, directMessages: true, editMessages: true, userDirectory: true, sendsPerSecond: config.sendsPerSecond };
    const dispatch = (inbound: SlackInbound, retryNum: number | undefined) => this.dispatch(inbound, retryNum);
    if (config.transport === 'http') {
      this.route = createEventsRoute({
        path: config.path,
        signingSecret: config.signingSecret!,
        now,
        fallbackTeam: config.teamId,
        logger: this.logger,
        accepting: () => this.sink !== undefined,
        dispatch,
      });
    } else {
      const factory = parts.socketClientFactory ?? createSocketModeClient;
      this.socket = attachSocketTransport({
        client: factory({ appToken: config.appToken!, apiUrl: config.apiUrl, logger: this.logger }),
        now,
        fallbackTeam: config.teamId,
        logger: this.logger,
        dispatch,
      });
    }
  }

  /** The webhook routes for `@kaeru/server`; none with Socket Mode. */
  routes(): SlackHttpRoute[] {
    return this.route ? [this.route] : [];
  }

  async start(sink: IncomingSink): Promise<void> {
    this.sink = sink;
    await this.socket?.start();
    this.logger.info('slack adapter started', { transport: this.config.transport, path: this.route?.path });
  }

  /** Stops taking events (HTTP answers 503, so Slack redelivers elsewhere) and finishes the ones acknowledged. */
  async stop(): Promise<void> {
    this.sink = undefined;
    await this.socket?.stop();
    await this.idle();
  }

  async send(target: Target, message: Outgoing): Promise<SentMessage> {
    const ref = await this.sender.post(target, renderMessage(message));
    return { ref };
  }

  async edit(target: Target, ref: string, message: Outgoing): Promise<void> {
    await this.sender.update(target, ref, renderMessage(message));
  }

  /** Calls `listener` when a member joins or leaves a channel the bot is in; returns an unsubscribe. */
  onDirectoryChange(listener: SlackDirectoryListener): () => void {
    this.directoryListeners.push(listener);
    return () => this.directoryListeners.splice(this.directoryListeners.indexOf(listener) >>> 0, 1);
  }

  /** Resolves when every acknowledged event has been handled (graceful stop, tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Acknowledged already: drop redeliveries, then process in the background, tracked for `idle()`. */
  private dispatch(inbound: SlackInbound, retryNum: number | undefined): void {
    if (inbound.kind === 'challenge') return;
    if (inbound.kind === 'ignored') return void this.logger.debug('ignored Slack payload', { reason: inbound.reason, eventId: inbound.eventId });
    const eventId = inbound.kind === 'incoming' ? inbound.incoming.eventId : inbound.eventId;
    if (!this.recent.remember(eventId)) {
      this.logger.info('dropped a redelivered Slack event', { eventId, retryNum });
      this.config.metrics?.increment('kaeru_redeliveries_dropped_total', { adapter: SLACK });
      return;
    }
    const work = (inbound.kind === 'incoming' ? this.deliver(inbound.incoming) : this.announce(inbound.change)).catch((error: unknown) =>
      this.logger.error('processing a Slack event failed', { eventId, error }),
    );
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async deliver(incoming: Incoming): Promise<void> {
    const sink = this.sink;
    if (!sink) return;
    this.config.metrics?.increment('kaeru_messages_in_total', { adapter: SLACK, type: incoming.action !== undefined ? 'action' : 'message' });
    const profile = this.config.attachProfiles ? await this.profileFor(incoming.memberId) : undefined;
    await sink(profile ? { ...incoming, profile } : incoming);
  }

  /** A profile lookup that fails must not lose the member's message. */
  private async profileFor(memberId: string): Promise<Incoming['profile']> {
    try {
      const profile = await this.directory.profile(memberId);
      if (!profile || profile.isBot) return undefined;
      const { name, aliases, timeZone, locale } = profile;
      return Object.fromEntries(Object.entries({ name, aliases, timeZone, locale }).filter(([, v]) => v !== undefined));
    } catch (error) {
      this.logger.warn('users.info failed; handling the message without a profile', { memberId, error });
      return undefined;
    }
  }

  private async announce(change: SlackDirectoryChange): Promise<void> {
    for (const listener of this.directoryListeners) await listener(change);
  }
}

/** Validates `config` (a missing secret names its `SLACK_*` variable) and builds the adapter. */
export function createSlackAdapter(config: SlackAdapterConfig, parts?: SlackAdapterParts): SlackAdapter {
  return new SlackAdapter(resolveSlackConfig(config), parts);
}
