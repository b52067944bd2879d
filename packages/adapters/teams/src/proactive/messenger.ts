import { PermanentSendError, type Logger, type Target } from '@kaeru/core';
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { parseTeamsId, TEAMS } from '../ids';
import type { RenderedActivity } from '../render/activity';
import { toSendError } from '../send/send-error';
import { connectorOf } from './connector';
import type { MessageRef } from './message-ref';
import type { ConversationReferenceStore, StoredReference } from './reference-store';

export interface MessengerOptions {
  appId: string;
  botId?: string;
  defaultServiceUrl: string;
  logger: Logger;
}

// The audience of outbound tokens in the public cloud (botframework-connector's ToChannelFromBotOAuthScope).
const CHANNEL_AUDIENCE = 'https://api.botframework.com';

/**
 * Everything kaeru sends outside an inbound turn: posts and edits through
 * `continueConversationAsync` with a stored reference, and the first hearing of a member
 * seen only in a team through `createConversationAsync` (Teams creates the 1:1 chat
 * only where the app is installed for that member: personally or in one of their teams).
 */
export class TeamsMessenger {
  constructor(
    private readonly cloud: CloudAdapter,
    private readonly references: ConversationReferenceStore,
    private readonly options: MessengerOptions,
  ) {}

  /** Posts a new message to the member's 1:1 chat or the room's channel. */
  async post(target: Target, activity: RenderedActivity): Promise<MessageRef> {
    const key = target.id;
    const stored = await this.references.get(key);
    if (stored?.conversation) {
      const conversationId = stored.conversation.id;
      return this.within(key, stored, 'post', async (context) => {
        const sent = await connectorOf(this.cloud, context).sendToConversation(conversationId, this.outgoing(stored, activity));
        return { conversationId, activityId: sent.id ?? '' };
      });
    }
    if (target.kind === 'member' && parseTeamsId(key)) return this.createChatAndPost(key, stored, activity);
    throw new PermanentSendError(`no conversation reference for ${key}: add the app to the team (or mention it in the channel) first`, TEAMS);
  }

  /** Replaces a message posted before. */
  async update(key: string, ref: MessageRef, activity: RenderedActivity): Promise<void> {
    const stored = await this.references.get(key);
    if (!stored) throw new PermanentSendError(`no conversation reference for ${key} to update ${ref.activityId} in`, TEAMS);
    await this.within(key, { ...stored, conversation: { ...stored.conversation, id: ref.conversationId } }, 'update', async (context) => {
      const replacement = { ...this.outgoing(stored, activity), id: ref.activityId, conversation: { id: ref.conversationId } } as Partial<Activity>;
      await connectorOf(this.cloud, context).updateActivity(ref.conversationId, ref.activityId, replacement);
    });
  }

  /** Runs `work` in a turn continued from the stored reference (the directory reads rosters this way). */
  async within<T>(key: string, stored: StoredReference, operation: string, work: (context: TurnContext) => Promise<T>): Promise<T> {
    let result: T | undefined;
    try {
      await this.cloud.continueConversationAsync(this.options.appId, toConversationReference(stored), async (context) => {
        result = await work(context);
      });
    } catch (error) {
      throw toSendError(error, operation, key);
    }
    return result as T;
  }

  private async createChatAndPost(key: string, seed: StoredReference | undefined, activity: RenderedActivity): Promise<MessageRef> {
    const { tenantId, localId } = parseTeamsId(key)!;
    const serviceUrl = seed?.serviceUrl ?? (await this.serviceUrlOf(tenantId));
    const bot = seed?.bot ?? (this.options.botId ? { id: this.options.botId } : this.options.appId ? { id: `28:${this.options.appId}` } : undefined);
    if (!bot) throw new PermanentSendError(`cannot open a chat with ${key}: the bot's id is unknown (set botId)`, TEAMS);
    // Teams takes the Bot Framework user id (29:…); for a member never seen anywhere, kaeru only has the AAD object id.
    const member = seed?.user ?? { id: localId, aadObjectId: localId };
    let result: MessageRef | undefined;
    try {
      await this.cloud.createConversationAsync(
        this.options.appId,
        'msteams',
        serviceUrl,
        CHANNEL_AUDIENCE,
        { isGroup: false, bot, members: [member], tenantId, channelData: { tenant: { id: tenantId } } } as never,
        async (context) => {
          const conversationId = context.activity.conversation.id;
          const reference: StoredReference = {
            channelId: 'msteams',
            serviceUrl,
            tenantId,
            conversation: { id: conversationId, conversationType: 'personal', isGroup: false },
            bot,
            user: member,
            updatedAt: new Date().toISOString(),
          };
          await this.references.put(key, reference);
          this.options.logger.info('opened a 1:1 chat with a member never seen there', { member: key });
          const sent = await connectorOf(this.cloud, context).sendToConversation(conversationId, this.outgoing(reference, activity));
          result = { conversationId, activityId: sent.id ?? '' };
        },
      );
    } catch (error) {
      throw toSendError(error, 'createConversation', key);
    }
    return result!;
  }

  /** Any service URL seen in the tenant (Teams routes a tenant through one region), else the global one. */
  private async serviceUrlOf(tenantId: string): Promise<string> {
    const newest = (await this.references.entries()).map(([, r]) => r).filter((r) => r.tenantId === tenantId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    return newest?.serviceUrl ?? this.options.defaultServiceUrl;
  }

  private outgoing(stored: StoredReference, activity: RenderedActivity): Partial<Activity> {
    return { ...activity, ...(stored.bot ? { from: stored.bot } : {}), channelData: { tenant: { id: stored.tenantId } } } as Partial<Activity>;
  }
}

/** A stored reference as botbuilder's `ConversationReference`. */
export function toConversationReference(stored: StoredReference): Partial<ConversationReference> {
  return {
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    conversation: { id: stored.conversation?.id ?? '', tenantId: stored.tenantId, conversationType: stored.conversation?.conversationType, isGroup: stored.conversation?.isGroup } as ConversationReference['conversation'],
    ...(stored.bot ? { bot: stored.bot as ConversationReference['bot'] } : {}),
    ...(stored.user ? { user: stored.user as ConversationReference['user'] } : {}),
  };
}
