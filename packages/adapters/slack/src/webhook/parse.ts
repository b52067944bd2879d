import type { Incoming } from '@kaeru/core';
import { isDirectMessageChannel, SLACK, slackMemberId, slackRoomId } from '../ids';
import { unescapeSlackText } from '../render/mrkdwn';
import type { BlockActionsPayload, EventEnvelope, SlashCommandFields } from './payloads';

/** A member joined or left a channel the bot is in; `self` when the member is the bot. */
export interface SlackDirectoryChange {
  type: 'joined' | 'left';
  roomId: string;
  memberId: string;
  self: boolean;
}

/** What one verified request or Socket Mode envelope means to kaeru. */
export type SlackInbound =
  | { kind: 'challenge'; challenge: string }
  | { kind: 'incoming'; incoming: Incoming }
  | { kind: 'directory'; eventId: string; change: SlackDirectoryChange }
  | { kind: 'ignored'; reason: string; eventId?: string };

/** The body could not be read as any Slack payload (→ 400). */
export class MalformedPayloadError extends Error {
  constructor(reason: string) {
    super(`[kaeru] [slack] malformed payload: ${reason}`);
    this.name = 'MalformedPayloadError';
  }
}

/**
 * Reads a verified HTTP body: JSON for the Events API, form-encoded `payload=` for
 * interactivity, form-encoded fields for slash commands. Socket Mode hands the same
 * objects to the functions below, so both transports share one path.
 */
export function parseRequestBody(body: Buffer, contentType: string | undefined, receivedAt: Date, fallbackTeam?: string): SlackInbound {
  const text = body.toString('utf8');
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(text);
    const payload = form.get('payload');
    if (payload !== null) return parseInteraction(parseJson(payload), receivedAt, fallbackTeam);
    if (form.has('command')) return parseSlashCommand(Object.fromEntries(form), receivedAt, fallbackTeam);
    throw new MalformedPayloadError('form without payload or command');
  }
  const json = parseJson(text) as { type?: string; challenge?: unknown };
  if (json.type === 'url_verification') {
    if (typeof json.challenge !== 'string') throw new MalformedPayloadError('url_verification without a challenge');
    return { kind: 'challenge', challenge: json.challenge };
  }
  if (json.type === 'event_callback') return parseEventCallback(json as EventEnvelope, receivedAt, fallbackTeam);
  return { kind: 'ignored', reason: `envelope type ${String(json.type)}` };
}

/** `message` in a DM and `app_mention` in a channel become `Incoming`; joins and leaves become directory changes. */
export function parseEventCallback(envelope: EventEnvelope, receivedAt: Date, fallbackTeam?: string): SlackInbound {
  const event = envelope.event;
  const eventId = envelope.event_id;
  if (!event || !eventId) throw new MalformedPayloadError('event_callback without event or event_id');
  const team = envelope.team_id ?? event.team ?? fallbackTeam;
  if (!team) throw new MalformedPayloadError('event without a team id');
  const botUserId = envelope.authorizations?.find((a) => a.is_bot !== false)?.user_id;
  const ignored = (reason: string): SlackInbound => ({ kind: 'ignored', reason, eventId: `${SLACK}:${eventId}` });

  switch (event.type) {
    case 'message': {
      // Edits, joins, deletions and every bot's posts (our own included) are not answers.
      if (event.subtype) return ignored(`message subtype ${event.subtype}`);
      if (event.bot_id || !event.user || event.user === botUserId) return ignored('bot message');
      if (event.channel_type !== 'im') return ignored(`message in ${event.channel_type ?? 'unknown'} channel`);
      return incoming(`${SLACK}:${eventId}`, team, event.user, undefined, { text: unescapeSlackText(event.text ?? '') }, receivedAt);
    }
    case 'app_mention': {
      if (event.bot_id || !event.user || !event.channel) return ignored('bot mention');
      const text = stripMention(event.text ?? '', botUserId);
      const roomId = isDirectMessageChannel(event.channel) ? undefined : slackRoomId(team, event.channel);
      return incoming(`${SLACK}:${eventId}`, team, event.user, roomId, { text: unescapeSlackText(text) }, receivedAt);
    }
    case 'member_joined_channel':
    case 'member_left_channel': {
      if (!event.user || !event.channel) throw new MalformedPayloadError(`${event.type} without user or channel`);
      return {
        kind: 'directory',
        eventId: `${SLACK}:${eventId}`,
        change: {
          type: event.type === 'member_joined_channel' ? 'joined' : 'left',
          roomId: slackRoomId(team, event.channel),
          memberId: slackMemberId(team, event.user),
          self: event.user === botUserId,
        },
      };
    }
    default:
      return ignored(`event type ${String(event.type)}`);
  }
}

/** A click on one of kaeru's buttons: `action` is the button's value, as core gave it. */
export function parseInteraction(payload: unknown, receivedAt: Date, fallbackTeam?: string): SlackInbound {
  const p = payload as BlockActionsPayload;
  if (p?.type !== 'block_actions') return { kind: 'ignored', reason: `interaction ${String(p?.type)}` };
  const action = p.actions?.find((a) => typeof a.value === 'string');
  const user = p.user?.id;
  const team = p.user?.team_id ?? p.team?.id ?? fallbackTeam;
  if (!action || !user || !team) return { kind: 'ignored', reason: 'block_actions without a button value, user or team' };
  const channelId = p.channel?.id ?? p.container?.channel_id;
  const roomId = !channelId || isDirectMessageChannel(channelId, p.channel?.name) ? undefined : slackRoomId(team, channelId);
  // Slack gives clicks no event id; a user cannot click twice in the same microsecond.
  const eventId = `${SLACK}:action:${team}:${user}:${action.action_ts ?? receivedAt.getTime()}`;
  return incoming(eventId, team, user, roomId, { action: action.value }, receivedAt);
}

/** `/kaeru <text>`: a message in the channel it was typed in (or the DM); empty text asks for help. */
export function parseSlashCommand(fields: SlashCommandFields, receivedAt: Date, fallbackTeam?: string): SlackInbound {
  const team = fields.team_id ?? fallbackTeam;
  if (!fields.user_id || !team || !fields.trigger_id) throw new MalformedPayloadError('slash command without user_id, team_id or trigger_id');
  const roomId = !fields.channel_id || isDirectMessageChannel(fields.channel_id, fields.channel_name) ? undefined : slackRoomId(team, fields.channel_id);
  const text = (fields.text ?? '').trim() || 'help';
  return incoming(`${SLACK}:command:${fields.trigger_id}`, team, fields.user_id, roomId, { text: unescapeSlackText(text) }, receivedAt);
}

function incoming(eventId: string, team: string, user: string, roomId: string | undefined, content: { text?: string; action?: string }, receivedAt: Date): SlackInbound {
  return { kind: 'incoming', incoming: { eventId, adapter: SLACK, memberId: slackMemberId(team, user), roomId, ...content, receivedAt } };
}

/** Removes the bot's own mention (`<@U0BOT>` anywhere, or a leading one when the bot id is unknown). */
function stripMention(text: string, botUserId: string | undefined): string {
  const stripped = botUserId ? text.split(`<@${botUserId}>`).join(' ') : text.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>/, '');
  return stripped.replace(/\s+/g, ' ').trim();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new MalformedPayloadError('not JSON');
  }
}
