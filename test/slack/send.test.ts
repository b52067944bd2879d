import { KaeruError, type Outgoing } from '@kaeru/core';
import { startSlackHarness, type SlackHarness } from './slack-harness';

const hearing: Outgoing = {
  kind: 'hearing',
  text: '今日は何時に帰りますか？',
  locale: 'ja',
  buttons: [
    { label: '定時 (18:00)', value: 'declare:2026-12-07:leaving:18:00' },
    { label: '未定', value: 'declare:2026-12-07:undecided' },
  ],
};
const reply = (text: string): Outgoing => ({ kind: 'reply', text, locale: 'ja' });

describe('sending through the Slack Web API', () => {
  let h: SlackHarness;
  beforeEach(async () => (h = await startSlackHarness()));
  afterEach(() => h.close());

  it('opens a DM once per member and posts into it (channel id cached)', async () => {
    const u1 = { kind: 'member' as const, id: 'slack:T1:U1' };
    const first = await h.adapter.send(u1, hearing);
    const second = await h.adapter.send(u1, reply('18:30 で登録しました'));
    expect(h.api.succeeded('conversations.open').map((c) => c.args.users)).toEqual(['U1']);
    expect(h.api.succeeded('chat.postMessage').map((c) => c.args.channel)).toEqual(['DU1', 'DU1']);
    expect(first.ref).toMatch(/^DU1:\d+\.\d+$/);
    expect(second.ref).not.toBe(first.ref);
  });

  it('sends concurrent first messages to one member through one conversations.open', async () => {
    const u1 = { kind: 'member' as const, id: 'slack:T1:U1' };
    await Promise.all([h.adapter.send(u1, reply('a')), h.adapter.send(u1, reply('b')), h.adapter.send(u1, reply('c'))]);
    expect(h.api.attempts('conversations.open')).toHaveLength(1);
    expect(h.api.succeeded('chat.postMessage')).toHaveLength(3);
  });

  it('renders the hearing as Block Kit buttons with a text fallback', async () => {
    await h.adapter.send({ kind: 'member', id: 'slack:T1:U1' }, hearing);
    const [post] = h.api.succeeded('chat.postMessage');
    expect(post.args.text).toBe('今日は何時に帰りますか？');
    expect(post.args.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '今日は何時に帰りますか？' } },
      {
        type: 'actions',
        block_id: 'kaeru_hearing_0',
        elements: [
          { type: 'button', action_id: 'kaeru_0', text: { type: 'plain_text', text: '定時 (18:00)', emoji: true }, value: 'declare:2026-12-07:leaving:18:00' },
          { type: 'button', action_id: 'kaeru_1', text: { type: 'plain_text', text: '未定', emoji: true }, value: 'declare:2026-12-07:undecided' },
        ],
      },
    ]);
  });

  it('posts to a room\'s channel without opening anything', async () => {
    const sent = await h.adapter.send({ kind: 'room', id: 'slack:T1:CSALES' }, { kind: 'report', text: '本日の退社予定', locale: 'ja' });
    expect(h.api.attempts('conversations.open')).toHaveLength(0);
    expect(h.api.succeeded('chat.postMessage')[0].args).toMatchObject({ channel: 'CSALES', text: '本日の退社予定' });
    expect(sent.ref).toMatch(/^CSALES:/);
  });

  it('edits with chat.update at the ref it returned', async () => {
    const room = { kind: 'room' as const, id: 'slack:T1:CSALES' };
    const { ref } = await h.adapter.send(room, { kind: 'report', text: 'v1', locale: 'ja' });
    await h.adapter.edit(room, ref!, { kind: 'report', text: 'v2', locale: 'ja' });
    const [update] = h.api.succeeded('chat.update');
    expect(update.args).toMatchObject({ channel: 'CSALES', ts: ref!.split(':')[1], text: 'v2' });
  });

  it('escapes names so <!channel> is shown, not executed', async () => {
    await h.adapter.send({ kind: 'room', id: 'slack:T1:CSALES' }, { kind: 'report', text: '<!channel> 18:00\nA&B <@U2>', locale: 'ja' });
    expect(h.api.succeeded('chat.postMessage')[0].args.text).toBe('&lt;!channel&gt; 18:00\nA&amp;B &lt;@U2&gt;');
  });

  it('survives a 429 burst during a fan-out of 50 DMs: each delivered exactly once', async () => {
    h.api.failNext('chat.postMessage', 'ratelimited', 12);
    h.api.failNext('conversations.open', 'ratelimited', 3);
    const members = Array.from({ length: 50 }, (_, i) => ({ kind: 'member' as const, id: `slack:T1:U${100 + i}` }));
    const started = Date.now();
    const results = await Promise.allSettled(members.map((m) => h.adapter.send(m, hearing)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const delivered = h.api.succeeded('chat.postMessage').map((c) => c.args.channel);
    expect(delivered).toHaveLength(50);
    expect(new Set(delivered).size).toBe(50);
    expect(h.api.attempts('chat.postMessage').filter((c) => c.status === 429)).toHaveLength(12);
    // Retry-After: 1 was honoured, not ignored.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  }, 20_000);

  it('retries an HTTP 500 and delivers once', async () => {
    h.api.failNext('chat.postMessage', 'http500', 2);
    await h.adapter.send({ kind: 'room', id: 'slack:T1:CSALES' }, reply('hi'));
    expect(h.api.attempts('chat.postMessage').map((c) => c.status)).toEqual([500, 500, 200]);
    expect(h.api.succeeded('chat.postMessage')).toHaveLength(1);
  });

  it('fails invalid_auth at once, as a send_failed KaeruError without the token', async () => {
    h.api.failNext('chat.postMessage', 'invalid_auth');
    const error = await h.adapter.send({ kind: 'room', id: 'slack:T1:CSALES' }, reply('hi')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KaeruError);
    expect(error).toMatchObject({ code: 'send_failed', message: '[kaeru] [slack] chat.postMessage failed: invalid_auth' });
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain('xoxb-');
    expect(h.api.attempts('chat.postMessage')).toHaveLength(1);
  });

  it('refuses an id of another platform', async () => {
    await expect(h.adapter.send({ kind: 'room', id: 'console:sales' }, reply('hi'))).rejects.toMatchObject({ code: 'send_failed' });
  });

  it('declares its capabilities, including the send rate', () => {
    expect(h.adapter.capabilities).toEqual({ buttons: true, directMessages: true, editMessages: true, userDirectory: true, sendsPerSecond: 1 });
  });
});
