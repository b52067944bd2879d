import type { Activity, CloudAdapter, ConversationParameters, TurnContext } from 'botbuilder';

/**
 * The part of botframework-connector's `ConnectorClient` kaeru calls, typed here so the
 * adapter depends on `botbuilder` alone. Using the client directly (rather than
 * `context.sendActivity`) keeps proactive posts top-level: a continued conversation's
 * `sendActivity` would send a reply to a made-up activity id.
 */
export interface ConnectorConversations {
  sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
  updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
  createConversation(parameters: ConversationParameters): Promise<{ id?: string; activityId?: string }>;
}

/** The connector client botbuilder put on this turn (inbound, continued or created). */
export function connectorOf(cloud: CloudAdapter, context: TurnContext): ConnectorConversations {
  const client = context.turnState.get(cloud.ConnectorClientKey) as { conversations?: ConnectorConversations } | undefined;
  if (!client?.conversations) throw new Error('[kaeru] [teams] botbuilder gave the turn no connector client');
  return client.conversations;
}
