/** Platform-qualified ids: kaeru sees `slack:<team>:<user|channel>`, never a bare Slack id. */
export const SLACK = 'slack';

export function slackMemberId(teamId: string, userId: string): string {
  return `${SLACK}:${teamId}:${userId}`;
}

export function slackRoomId(teamId: string, channelId: string): string {
  return `${SLACK}:${teamId}:${channelId}`;
}

/** `slack:T1:U2` → `{ teamId: 'T1', localId: 'U2' }`; `undefined` for another platform's id. */
export function parseSlackId(id: string): { teamId: string; localId: string } | undefined {
  const match = /^slack:([^:]+):([^:]+)$/.exec(id);
  return match ? { teamId: match[1], localId: match[2] } : undefined;
}

/** DM channels start with `D`; group DMs with `G` when `is_mpim`, but Slack names IMs `directmessage`. */
export function isDirectMessageChannel(channelId: string | undefined, channelName?: string): boolean {
  return channelName === 'directmessage' || (channelId?.startsWith('D') ?? false);
}
