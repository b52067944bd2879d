import type { WebClient } from '@slack/web-api';
import { KaeruError, type Target } from '@kaeru/core';
import { parseSlackId, SLACK } from '../ids';
import type { SlackMessage } from '../render/blocks';

/**
 * Posts and edits messages. A member's DM channel comes from `conversations.open`
 * once per user and is cached (the channel of a DM never changes); concurrent sends
 * to one user share the same open call.
 */
export class SlackSender {
  private readonly dmChannels = new Map<string, Promise<string>>();

  constructor(private readonly client: WebClient) {}

  /** Posts to a member's DM or a room's channel; resolves to the ref `channel:ts`. */
  async post(target: Target, message: SlackMessage): Promise<string> {
    const channel = target.kind === 'member' ? await this.dmChannel(localId(target.id)) : localId(target.id);
    const result = await call('chat.postMessage', target.id, () =>
      this.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false }),
    );
    const ts = (result as { ts?: string }).ts;
    if (!ts) throw new KaeruError('send_failed', 'chat.postMessage returned no ts', SLACK, { target: target.id });
    return `${channel}:${ts}`;
  }

  /** Replaces a message posted before (`ref` from `post`). */
  async update(target: Target, ref: string, message: SlackMessage): Promise<void> {
    const split = ref.lastIndexOf(':');
    if (split <= 0) throw new KaeruError('send_failed', `"${ref}" is not a Slack message ref (channel:ts)`, SLACK, { target: target.id });
    const channel = ref.slice(0, split);
    const ts = ref.slice(split + 1);
    // `blocks: []` clears the buttons of a hearing being replaced by plain text.
    await call('chat.update', target.id, () => this.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks ?? [] }));
  }

  private dmChannel(userId: string): Promise<string> {
    let channel = this.dmChannels.get(userId);
    if (!channel) {
      channel = call('conversations.open', userId, () => this.client.conversations.open({ users: userId })).then((result) => {
        const id = (result as { channel?: { id?: string } }).channel?.id;
        if (!id) throw new KaeruError('send_failed', 'conversations.open returned no channel', SLACK, { user: userId });
        return id;
      });
      // A failed open is not cached: the next send asks again.
      channel.catch(() => this.dmChannels.delete(userId));
      this.dmChannels.set(userId, channel);
    }
    return channel;
  }
}

function localId(id: string): string {
  const parsed = parseSlackId(id);
  if (!parsed) throw new KaeruError('send_failed', `"${id}" is not a Slack id (slack:<team>:<id>)`, SLACK, { target: id });
  return parsed.localId;
}

/** Runs one Web API call, turning the SDK's errors into kaeru's (with Slack's error code, never the token). */
export async function call<T>(method: string, target: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof KaeruError) throw error;
    const e = error as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
    const reason = e.data?.error ?? (e.statusCode ? `HTTP ${e.statusCode}` : (e.message ?? String(error)));
    throw new KaeruError('send_failed', `${method} failed: ${reason}`, SLACK, { method, target, slackError: e.data?.error, sdkCode: e.code }, { cause: error });
  }
}
