import { AsyncLocalStorage } from 'node:async_hooks';
import {
  NotSupportedError,
  PermanentSendError,
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
import { CloudAdapter, type TurnContext } from 'botbuilder';
import { createAuthentication } from './auth/authentication';
import { verifyRequest } from './auth/verify-request';
import { resolveTeamsConfig, type ResolvedTeamsConfig, type TeamsAdapterConfig } from './config';
import { ConnectorDirectory, type TeamsDirectory } from './directory/teams-directory';
import { createMessagesRoute } from './http/messages-route';
import type { TeamsHttpRoute } from './http/http-types';
import { TEAMS } from './ids';
import type { TeamsActivity } from './inbound/activity';
import { MalformedActivityError, parseTeamsActivity, type TeamsDirectoryChange, type TeamsInbound } from './inbound/parse';
import { RecentIds } from '@kaeru/core';
import { decodeMessageRef, encodeMessageRef } from './proactive/message-ref';
import { TeamsMessenger } from './proactive/messenger';
import { MemoryReferenceStore, type ConversationReferenceStore } from './proactive/reference-store';
import { renderActivity } from './render/activity';
import { toSendError } from './send/send-error';

export type TeamsDirectoryListener = (change: TeamsDirectoryChange) => void | Promise<void>;

/** Parts a test or an embedder may supply instead of the real ones. */
export interface TeamsAdapterParts {
  directory?: TeamsDirectory;
}

/** The inbound turn being handled, so its replies go back into the same chat or thread. */
interface TurnScope {
  context: TurnContext;
  /** The member (1:1 chat) or room (channel) the turn came from. */
  targetId: string;
}

/**
 * Microsoft Teams behind kaeru's `ChatAdapter`, through botbuilder's `CloudAdapter`
 * (wrapped, not extended): `POST /api/messages` (`routes()`, mounted by `@kaeru/server`),
 * hearings and reports as Adaptive Cards, proactive sends from stored references.
 */
export class TeamsAdapter implements ChatAdapter {
  readonly name = TEAMS;
  readonly capabilities: AdapterCapabilities;
  /** Profiles and channel rosters through TeamsInfo. */
  readonly directory: TeamsDirectory;
  /** Where each member's chat and each room's channel can be reached. */
  readonly references: ConversationReferenceStore;

  private readonly logger: Logger;
  private readonly cloud: CloudAdapter;
  private readonly messenger: TeamsMessenger;
  private readonly route: TeamsHttpRoute;
  private readonly recent = new RecentIds();
  private readonly turns = new AsyncLocalStorage<TurnScope>();
  private readonly directoryListeners: TeamsDirectoryListener[] = [];
  private sink?: IncomingSink;

  constructor(
    private readonly config: ResolvedTeamsConfig,
    parts: TeamsAdapterParts = {},
  ) {
    this.logger = config.logger ?? silentLogger;
    this.references = config.references ?? new MemoryReferenceStore();
    const authentication = createAuthentication(config);
    this.cloud = new CloudAdapter(authentication);
    this.messenger = new TeamsMessenger(this.cloud, this.references, {
      appId: config.appId,
      botId: config.botId,
      defaultServiceUrl: config.defaultServiceUrl,
      logger: this.logger,
    });
    this.directory = parts.directory ?? new ConnectorDirectory(this.messenger, this.references);
    this.capabilities = { buttons: true, directMessages: true, editMessages: true, userDirectory: true, sendsPerSecond: config.sendsPerSecond };
    this.route = createMessagesRoute({
      path: config.path,
      authenticate: config.auth === 'on',
      verify: (activity, authorization) => verifyRequest(authentication, activity, authorization),
      accepting: () => this.sink !== undefined,
      process: (request, response) => this.cloud.process(request, response, (context) => this.onTurn(context)),
      logger: this.logger,
    });
    if (config.auth !== 'on') this.warnAuthDisabled();
  }

  /** The messaging endpoint for `@kaeru/server`. */
  routes(): TeamsHttpRoute[] {
    return [this.route];
  }

  async start(sink: IncomingSink): Promise<void> {
    this.sink = sink;
    if (this.config.auth !== 'on') this.warnAuthDisabled();
    this.logger.info('teams adapter started', { path: this.config.path, auth: this.config.auth });
  }

  /** Stops taking activities (the endpoint answers 503 and the channel redelivers). */
  async stop(): Promise<void> {
    this.sink = undefined;
  }

  async send(target: Target, message: Outgoing): Promise<SentMessage> {
    const activity = renderActivity(message);
    const turn = this.turns.getStore();
    // A reply to what a member just wrote goes into the same chat or channel thread.
    if (turn && turn.targetId === target.id && message.kind === 'reply') {
      try {
        const sent = await turn.context.sendActivity(activity);
        return { ref: encodeMessageRef({ conversationId: turn.context.activity.conversation.id, activityId: sent?.id ?? '' }) };
      } catch (error) {
        throw toSendError(error, 'reply', target.id);
      }
    }
    return { ref: encodeMessageRef(await this.messenger.post(target, activity)) };
  }

  async edit(target: Target, ref: string, message: Outgoing): Promise<void> {
    if (!this.capabilities.editMessages) throw new NotSupportedError('edit', TEAMS);
    const decoded = decodeMessageRef(ref);
    if (!decoded) throw new PermanentSendError(`"${ref}" is not a Teams message ref (conversation|activity)`, TEAMS);
    await this.messenger.update(target.id, decoded, renderActivity(message));
  }

  /** Calls `listener` when a member joins or leaves a team or chat the bot is in; returns an unsubscribe. */
  onDirectoryChange(listener: TeamsDirectoryListener): () => void {
    this.directoryListeners.push(listener);
    return () => this.directoryListeners.splice(this.directoryListeners.indexOf(listener) >>> 0, 1);
  }

  /** One authenticated activity: remember where it came from, then hand a message to core. */
  private async onTurn(context: TurnContext): Promise<void> {
    let inbound: TeamsInbound;
    try {
      inbound = parseTeamsActivity(context.activity as unknown as TeamsActivity, new Date());
    } catch (error) {
      if (!(error instanceof MalformedActivityError)) throw error;
      return void this.logger.warn('unreadable Teams activity', { error: error.message, type: context.activity.type });
    }
    if (inbound.eventId && !this.recent.remember(inbound.eventId)) {
      this.logger.info('dropped a redelivered Teams activity', { eventId: inbound.eventId });
      this.config.metrics?.increment('kaeru_redeliveries_dropped_total', { adapter: TEAMS });
      return;
    }
    await this.remember(inbound);
    for (const change of inbound.changes) for (const listener of this.directoryListeners) await listener(change);
    if (inbound.ignored) this.logger.debug('ignored Teams activity', { reason: inbound.ignored, eventId: inbound.eventId });
    if (inbound.incoming) await this.deliver(context, inbound.incoming);
  }

  private async deliver(context: TurnContext, incoming: Incoming): Promise<void> {
    const sink = this.sink;
    if (!sink) return;
    this.config.metrics?.increment('kaeru_messages_in_total', { adapter: TEAMS, type: incoming.action !== undefined ? 'action' : 'message' });
    await this.turns.run({ context, targetId: incoming.roomId ?? incoming.memberId }, () => sink(incoming));
  }

  /** Saves references (a seed never overwrites a known chat) and forgets those of removed installs. */
  private async remember(inbound: TeamsInbound): Promise<void> {
    for (const { key, reference, seed } of inbound.save) {
      if (seed && (await this.references.get(key))?.conversation) continue;
      await this.references.put(key, reference);
    }
    for (const key of inbound.forget) {
      await this.references.delete(key);
      this.logger.info('forgot a Teams conversation (app removed)', { key });
    }
  }

  private warnAuthDisabled(): void {
    this.logger.warn('TEAMS AUTHENTICATION IS DISABLED: every request to the messaging endpoint is trusted. Local testing and the emulator only.', {
      setting: 'KAERU_TEAMS_AUTH=disabled-for-local-testing',
    });
  }
}

/** Validates `config` (a missing setting names its `Microsoft*` variable) and builds the adapter. */
export function createTeamsAdapter(config: TeamsAdapterConfig, parts?: TeamsAdapterParts): TeamsAdapter {
  return new TeamsAdapter(resolveTeamsConfig(config), parts);
}
