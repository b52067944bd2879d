/**
 * Platform-qualified ids: kaeru sees `teams:<tenant>:<local id>`, never a bare Teams id.
 * A member's local id is the Entra (AAD) object id when Teams gives it (stable across
 * chats, apps and Graph), else the Bot Framework user id (`29:…`); a room's is the
 * channel's conversation id (`19:…@thread.tacv2`), never a thread's (`…;messageid=…`).
 */
export const TEAMS = 'teams';

export function teamsMemberId(tenantId: string, localId: string): string {
  return `${TEAMS}:${tenantId}:${localId}`;
}

export function teamsRoomId(tenantId: string, conversationId: string): string {
  return `${TEAMS}:${tenantId}:${channelConversationId(conversationId)}`;
}

/**
 * `teams:T:19:abc@thread.tacv2` → `{ tenantId: 'T', localId: '19:abc@thread.tacv2' }`.
 * Only the first two colons separate: Teams' own ids contain colons.
 */
export function parseTeamsId(id: string): { tenantId: string; localId: string } | undefined {
  const match = /^teams:([^:]+):(.+)$/.exec(id);
  return match ? { tenantId: match[1], localId: match[2] } : undefined;
}

/** A channel thread's conversation id (`19:x@thread.tacv2;messageid=123`) without the thread part. */
export function channelConversationId(conversationId: string): string {
  const cut = conversationId.indexOf(';messageid=');
  return cut < 0 ? conversationId : conversationId.slice(0, cut);
}
