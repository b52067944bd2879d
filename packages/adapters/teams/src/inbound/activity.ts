/**
 * The few fields kaeru reads from a Teams activity, typed loosely on purpose: Teams adds
 * fields freely and everything is checked before use. Parsing works on this shape, not
 * on botbuilder's `Activity`, so recorded payloads can be replayed without the SDK.
 */
export interface TeamsAccount {
  id?: string;
  name?: string;
  aadObjectId?: string;
  role?: string;
}

export interface TeamsActivity {
  type?: string;
  id?: string;
  timestamp?: string;
  serviceUrl?: string;
  channelId?: string;
  from?: TeamsAccount;
  recipient?: TeamsAccount;
  conversation?: { id?: string; conversationType?: string; tenantId?: string; isGroup?: boolean; name?: string };
  channelData?: {
    tenant?: { id?: string };
    team?: { id?: string; name?: string; aadGroupId?: string };
    channel?: { id?: string; name?: string };
    eventType?: string;
  };
  text?: string;
  value?: unknown;
  locale?: string;
  localTimezone?: string;
  replyToId?: string;
  /** `installationUpdate`: `add` / `remove` (and `-upgrade` variants). */
  action?: string;
  membersAdded?: TeamsAccount[];
  membersRemoved?: TeamsAccount[];
  entities?: { type?: string; text?: string; mentioned?: TeamsAccount; timezone?: string; locale?: string }[];
}
