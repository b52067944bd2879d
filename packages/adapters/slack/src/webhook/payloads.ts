/**
 * The few fields kaeru reads from Slack's payloads, typed loosely on purpose: Slack adds
 * fields freely, and everything is checked before use. These types never leave the adapter.
 */
export interface EventEnvelope {
  type: 'event_callback';
  team_id?: string;
  event_id?: string;
  event?: SlackEvent;
  authorizations?: { team_id?: string; user_id?: string; is_bot?: boolean }[];
}

export interface SlackEvent {
  type?: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  team?: string;
  channel?: string;
  channel_type?: string;
  text?: string;
  ts?: string;
}

export interface BlockActionsPayload {
  type: 'block_actions';
  user?: { id?: string; team_id?: string };
  team?: { id?: string } | null;
  channel?: { id?: string; name?: string };
  container?: { channel_id?: string };
  actions?: { action_id?: string; value?: string; action_ts?: string }[];
}

/** A slash command arrives form-encoded; these are the fields used. */
export interface SlashCommandFields {
  command?: string;
  text?: string;
  team_id?: string;
  channel_id?: string;
  channel_name?: string;
  user_id?: string;
  trigger_id?: string;
}
