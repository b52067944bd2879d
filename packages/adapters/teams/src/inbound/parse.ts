import type { Incoming, Locale } from '@kaeru/core';
import { channelConversationId, TEAMS, teamsMemberId, teamsRoomId } from '../ids';
import type { StoredReference } from '../proactive/reference-store';
import type { TeamsAccount, TeamsActivity } from './activity';
import { messageText } from './text';

/** A reference to save; a `seed` (no conversation yet) never replaces one that has a conversation. */
export interface ReferenceUpdate {
  key: string;
  reference: StoredReference;
  seed?: boolean;
}

/** A member joined or left a team or chat the bot is in; `self` when the member is the bot. */
export interface TeamsDirectoryChange {
  type: 'joined' | 'left';
  roomId: string;
  memberId: string;
  self: boolean;
  teamId?: string;
}

/** What one authenticated activity means to kaeru. */
export interface TeamsInbound {
  /** `teams:<conversation>:<activity id>`, the dedup key. */
  eventId?: string;
  incoming?: Incoming;
  save: ReferenceUpdate[];
  forget: string[];
  changes: TeamsDirectoryChange[];
  ignored?: string;
}

/** The activity lacks what every Teams activity has (tenant, conversation, service URL). */
export class MalformedActivityError extends Error {
  constructor(reason: string) {
    super(`[kaeru] [teams] malformed activity: ${reason}`);
    this.name = 'MalformedActivityError';
  }
}

/**
 * Reads an activity: a message (typed or a card submit) becomes an `Incoming`; every
 * activity also says where kaeru can reach its sender or channel later (references to
 * save), and installs, removals and roster changes become forgets and directory changes.
 */
export function parseTeamsActivity(activity: TeamsActivity, receivedAt: Date): TeamsInbound {
  const tenantId = activity.channelData?.tenant?.id ?? activity.conversation?.tenantId;
  const conversationId = activity.conversation?.id;
  if (!tenantId || !conversationId || !activity.serviceUrl) throw new MalformedActivityError('no tenant, conversation or serviceUrl');
  const kind = conversationKind(activity);
  const roomId = kind === 'personal' ? undefined : teamsRoomId(tenantId, activity.channelData?.channel?.id ?? conversationId);
  const eventId = activity.id ? `${TEAMS}:${channelConversationId(conversationId)}:${activity.id}` : undefined;
  const out: TeamsInbound = { eventId, save: [], forget: [], changes: [] };
  const base = { channelId: activity.channelId ?? 'msteams', serviceUrl: activity.serviceUrl, tenantId, updatedAt: receivedAt.toISOString() };
  const bot = account(activity.recipient);
  const here = (): StoredReference => ({
    ...base,
    conversation: {
      id: kind === 'personal' ? conversationId : channelConversationId(activity.channelData?.channel?.id ?? conversationId),
      conversationType: activity.conversation?.conversationType,
      isGroup: activity.conversation?.isGroup,
    },
    ...(bot ? { bot } : {}),
    ...(kind === 'personal' && activity.from?.id ? { user: account(activity.from)! } : {}),
    ...(activity.channelData?.team?.id ? { teamId: activity.channelData.team.id } : {}),
  });
  const seed = (user: TeamsAccount): ReferenceUpdate => ({
    key: memberIdOf(tenantId, user),
    reference: { ...base, ...(bot ? { bot } : {}), user: account(user)!, ...(activity.channelData?.team?.id ? { teamId: activity.channelData.team.id } : {}) },
    seed: true,
  });
  const isBot = (member: TeamsAccount | undefined) => !!member?.id && member.id === activity.recipient?.id;
  // Where this activity came from can be answered later: a 1:1 chat under the member, a channel under the room.
  const saveHere = () => out.save.push({ key: kind === 'personal' ? memberIdOf(tenantId, activity.from ?? {}) : roomId!, reference: here() });

  switch (activity.type) {
    case 'message': {
      if (!activity.from?.id || isBot(activity.from)) return { ...out, ignored: 'message from the bot' };
      saveHere();
      if (kind !== 'personal') out.save.push(seed(activity.from));
      const action = submittedAction(activity.value);
      const text = action === undefined ? messageText(activity) : undefined;
      if (action === undefined && !text) return { ...out, ignored: 'message without text or kaeru action' };
      out.incoming = {
        eventId: eventId ?? `${TEAMS}:${conversationId}:${receivedAt.getTime()}`,
        adapter: TEAMS,
        memberId: memberIdOf(tenantId, activity.from),
        roomId,
        ...(action !== undefined ? { action } : { text }),
        receivedAt,
        profile: profileOf(activity),
      };
      return out;
    }
    case 'conversationUpdate': {
      const eventType = activity.channelData?.eventType;
      if (eventType === 'channelCreated' || eventType === 'channelRestored') out.save.push({ key: roomId!, reference: here() });
      if (eventType === 'channelDeleted') out.forget.push(roomId!);
      for (const member of activity.membersAdded ?? []) {
        if (isBot(member)) saveHere();
        else if (member.id) {
          if (kind !== 'personal') out.save.push(seed(member));
          if (roomId) out.changes.push(change('joined', roomId, tenantId, member, false, activity));
        }
      }
      for (const member of activity.membersRemoved ?? []) {
        if (isBot(member)) out.forget.push(kind === 'personal' ? memberIdOf(tenantId, activity.from ?? {}) : roomId!);
        if (roomId && member.id) out.changes.push(change('left', roomId, tenantId, member, isBot(member), activity));
      }
      if (out.save.length + out.forget.length + out.changes.length === 0) out.ignored = `conversationUpdate ${eventType ?? ''}`.trim();
      return out;
    }
    case 'installationUpdate': {
      if (activity.action?.startsWith('add')) saveHere();
      else if (activity.action?.startsWith('remove')) out.forget.push(kind === 'personal' ? memberIdOf(tenantId, activity.from ?? {}) : roomId!);
      return out;
    }
    default:
      return { ...out, ignored: `activity type ${String(activity.type)}` };
  }
}

/** `teams:<tenant>:<aad object id>`, or the Bot Framework id when Teams gives no AAD id (guests, the emulator). */
export function memberIdOf(tenantId: string, user: TeamsAccount): string {
  return teamsMemberId(tenantId, user.aadObjectId || user.id || 'unknown');
}

function conversationKind(activity: TeamsActivity): 'personal' | 'channel' | 'groupChat' {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || activity.channelData?.channel?.id) return 'channel';
  if (type === 'groupChat' || activity.conversation?.isGroup) return 'groupChat';
  return 'personal';
}

/** A card's `Action.Submit` carries `{ kaeru: <button value> }`; anything else is not ours. */
function submittedAction(value: unknown): string | undefined {
  const kaeru = (value as { kaeru?: unknown } | null | undefined)?.kaeru;
  return typeof kaeru === 'string' && kaeru.length > 0 ? kaeru : undefined;
}

function account(user: TeamsAccount | undefined): StoredReference['user'] | undefined {
  if (!user?.id) return undefined;
  return { id: user.id, ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}), ...(user.name ? { name: user.name } : {}) };
}

function change(type: 'joined' | 'left', roomId: string, tenantId: string, member: TeamsAccount, self: boolean, activity: TeamsActivity): TeamsDirectoryChange {
  return { type, roomId, memberId: memberIdOf(tenantId, member), self, ...(activity.channelData?.team?.id ? { teamId: activity.channelData.team.id } : {}) };
}

/** What the activity itself tells about the sender: no API call per message. */
function profileOf(activity: TeamsActivity): Incoming['profile'] {
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo');
  const timeZone = validZone(activity.localTimezone ?? clientInfo?.timezone);
  const locale = toLocale(activity.locale ?? clientInfo?.locale);
  const name = activity.from?.name?.trim();
  return { ...(name ? { name } : {}), ...(timeZone ? { timeZone } : {}), ...(locale ? { locale } : {}) };
}

function validZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

function toLocale(locale: string | undefined): Locale | undefined {
  if (locale?.toLowerCase().startsWith('ja')) return 'ja';
  if (locale?.toLowerCase().startsWith('en')) return 'en';
  return undefined;
}
