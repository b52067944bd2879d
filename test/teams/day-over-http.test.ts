import { createBot, createMemoryStorage, InMemoryMetrics, VirtualClock, type Bot } from '@kaeru/core';
import { createTeamsAdapter, MemoryReferenceStore, type TeamsAdapter } from '@kaeru/adapter-teams';
import { createBotServer, type KaeruServer } from '@kaeru/server';
import { FakeConnector, type ConnectorCall } from './fake-connector';
import { BOT_ID, CHANNEL, fixture, KEN, member, postActivity, ROOM, YAMADA } from './teams-harness';

jest.setTimeout(20_000);

/** The Action.Submit buttons of the Adaptive Card in a recorded post. */
function buttonsOf(call: ConnectorCall): { title: string; data: { kaeru: string } }[] {
  const card = call.body.attachments?.[0]?.content;
  return (card?.body ?? []).filter((e: { type: string }) => e.type === 'ActionSet').flatMap((e: { actions: unknown[] }) => e.actions);
}

/** All the text of a recorded message: its text, or its card's TextBlocks. */
function textOf(call: ConnectorCall): string {
  const card = call.body.attachments?.[0]?.content;
  if (!card) return String(call.body.text ?? '');
  return card.body.filter((e: { type: string }) => e.type === 'TextBlock').map((e: { text: string }) => e.text).join('\n');
}

/**
 * One business day of kaeru on Teams, end to end over real HTTP on 127.0.0.1: Teams
 * (the test) posts activities to the kaeru server, the adapter answers through the fake
 * Bot Connector, and the scheduler's proactive hearings and report go there too.
 */
describe('a day on Teams through kaeru serve', () => {
  let connector: FakeConnector;
  let teams: TeamsAdapter;
  let bot: Bot;
  let server: KaeruServer;
  let messagesUrl: string;
  let baseUrl: string;
  let kenChat: string;
  let seq = 0;
  const references = new MemoryReferenceStore();
  const metrics = new InMemoryMetrics();
  const clock = new VirtualClock('2026-12-07T08:00:00+09:00'); // a Monday

  beforeAll(async () => {
    connector = await FakeConnector.start();
    const storage = createMemoryStorage();
    teams = createTeamsAdapter({ auth: 'disabled-for-local-testing', env: {}, botId: BOT_ID, references, metrics, sendsPerSecond: 20 });
    bot = createBot({
      config: {
        rooms: [{ id: ROOM, name: '営業部', members: [member(YAMADA.aad), member(KEN.aad)] }],
        members: [
          { id: member(YAMADA.aad), name: '山田 洋子' },
          { id: member(KEN.aad), name: 'Ken Tanaka', locale: 'en' },
        ],
      },
      storage,
      adapters: [teams],
      clock,
      metrics,
    });
    server = createBotServer({ bot, storage, adapters: [teams], metrics, port: 0, host: '127.0.0.1' });
    await bot.start();
    baseUrl = (await server.listen()).url;
    messagesUrl = `${baseUrl}/api/messages`;
  });

  afterAll(async () => {
    await server.close();
    await bot.stop();
    await connector.close();
  });

  /** A member writes in their 1:1 chat; resolves to what the bot answered into that chat. */
  async function say(who: typeof YAMADA, text: string, chat = who.chat): Promise<ConnectorCall[]> {
    const activity = fixture('message-personal', connector.url);
    Object.assign(activity, { id: `17966050000${++seq}`, text });
    activity.from = { id: who.id, name: who === KEN ? 'Ken Tanaka' : '山田 洋子', aadObjectId: who.aad };
    activity.conversation.id = chat;
    const from = connector.calls.length;
    expect((await postActivity(messagesUrl, activity)).status).toBe(200);
    return connector.messagesIn(chat, from);
  }

  it('installs save where each member and the channel can be reached', async () => {
    for (const name of ['install-personal', 'install-team', 'member-added-team'])
      expect((await postActivity(messagesUrl, fixture(name, connector.url))).status).toBe(200);
    expect((await references.get(member(YAMADA.aad)))?.conversation?.id).toBe(YAMADA.chat);
    expect((await references.get(ROOM))?.conversation?.id).toBe(CHANNEL);
    // Ken was only seen joining the team: a seed, no chat yet.
    expect(await references.get(member(KEN.aad))).toMatchObject({ user: { id: KEN.id } });
    expect((await references.get(member(KEN.aad)))?.conversation).toBeUndefined();
  });

  it('09:00: proactive hearing cards; a chat is created for the member never seen 1:1', async () => {
    await clock.advanceTo('2026-12-07T09:00:00+09:00');
    await bot.idle();
    const [create] = connector.succeeded('create');
    expect(create.body).toMatchObject({ isGroup: false, bot: { id: BOT_ID }, members: [{ id: KEN.id }], tenantId: expect.any(String) });
    kenChat = create.id!;
    for (const chat of [YAMADA.chat, kenChat]) {
      const posts = connector.messagesIn(chat);
      expect(posts).toHaveLength(1);
      expect(posts[0].kind).toBe('post');
      expect(posts[0].body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(buttonsOf(posts[0]).length).toBeGreaterThanOrEqual(5);
    }
    expect((await references.get(member(KEN.aad)))?.conversation?.id).toBe(kenChat);
  });

  it('山田 types 18時半 and gets a confirmation as a reply in her chat', async () => {
    await clock.advanceTo('2026-12-07T09:05:00+09:00');
    const [confirmation] = await say(YAMADA, '18時半');
    expect(confirmation.kind).toBe('reply');
    expect(confirmation.body.textFormat).toBe('xml');
    expect(textOf(confirmation)).toContain('18:30');
  });

  it('Ken clicks 19:00 on his hearing card (a card submit) and gets a confirmation', async () => {
    await clock.advanceTo('2026-12-07T09:07:00+09:00');
    const [hearing] = connector.messagesIn(kenChat);
    const button = buttonsOf(hearing).find((b) => b.title === '19:00')!;
    const submit = fixture('card-submit', connector.url);
    submit.conversation.id = kenChat;
    submit.replyToId = hearing.id;
    submit.value = button.data;
    const from = connector.calls.length;
    expect((await postActivity(messagesUrl, submit)).status).toBe(200);
    const [confirmation] = connector.messagesIn(kenChat, from);
    expect(textOf(confirmation)).toContain('19:00');
  });

  it('山田 changes to 19時 and sees old → new', async () => {
    await clock.advanceTo('2026-12-07T09:30:00+09:00');
    const [confirmation] = await say(YAMADA, 'やっぱり19時');
    expect(textOf(confirmation)).toMatch(/18:30[\s\S]*19:00/);
  });

  it('a redelivered activity (same id) is answered once', async () => {
    const activity = fixture('message-personal', connector.url);
    Object.assign(activity, { id: '1796605999999', text: '20時' });
    const from = connector.calls.length;
    expect((await postActivity(messagesUrl, activity)).status).toBe(200);
    expect((await postActivity(messagesUrl, activity)).status).toBe(200);
    expect(connector.messagesIn(YAMADA.chat, from)).toHaveLength(1);
    await say(YAMADA, '19時');
  });

  it('10:00: the report is posted to the channel as a card', async () => {
    await clock.advanceTo('2026-12-07T10:00:00+09:00');
    await bot.idle();
    const [report] = connector.messagesIn(CHANNEL);
    expect(report.kind).toBe('post');
    expect(report.conversationId).toBe(CHANNEL);
    const text = textOf(report);
    expect(text).toContain('山田 洋子');
    expect(text).toContain('Ken Tanaka');
    expect(text).toContain('19:00');
  });

  it('a later change updates the report in place (PUT), without a new post', async () => {
    const [report] = connector.messagesIn(CHANNEL);
    const from = connector.calls.length;
    await clock.advanceTo('2026-12-07T10:20:00+09:00');
    await say(YAMADA, '19時半');
    const [update] = connector.succeeded('update', from);
    expect(update).toMatchObject({ method: 'PUT', conversationId: CHANNEL, activityId: report.id });
    expect(textOf(update)).toContain('19:30');
    expect(connector.messagesIn(CHANNEL, from)).toHaveLength(0);
  });

  it('search by @mention in the channel answers in the thread', async () => {
    const mention = fixture('message-channel-mention', connector.url);
    const from = connector.calls.length;
    expect((await postActivity(messagesUrl, mention)).status).toBe(200);
    const [answer] = connector.messagesIn(CHANNEL, from);
    expect(answer).toMatchObject({ kind: 'reply', conversationId: `${CHANNEL};messageid=1796607000123`, activityId: '1796607000123' });
    expect(textOf(answer)).toContain('19:30');
  });

  it('help lists what the bot understands', async () => {
    const [help] = await say(YAMADA, 'ヘルプ');
    expect(textOf(help).length).toBeGreaterThan(40);
    expect(textOf(help)).toContain('18時');
  });

  it('next morning: a 429 burst during the fan-out is waited out and nothing is lost', async () => {
    const from = connector.calls.length;
    // Five 429s in a row: botbuilder's own retries absorb three, core's outbox waits out the rest.
    connector.failNext(429, { kind: 'post', times: 5, retryAfter: '1' });
    await clock.advanceTo('2026-12-08T09:00:00+09:00');
    // The outbox waits out Retry-After on the (virtual) clock: a minute later the fan-out is done.
    await clock.advanceTo('2026-12-08T09:01:00+09:00');
    await bot.idle();
    expect(connector.calls.slice(from).filter((c) => c.status === 429)).toHaveLength(5);
    expect(connector.messagesIn(YAMADA.chat, from)).toHaveLength(1);
    expect(connector.messagesIn(kenChat, from)).toHaveLength(1);
    expect(metrics.get('kaeru_send_retries_total', { adapter: 'teams', kind: 'hearing', reason: 'rate_limited' })).toBeGreaterThanOrEqual(1);
  });

  it('counts what went in and out on /metrics', async () => {
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(text).toMatch(/kaeru_messages_in_total\{adapter="teams",type="action"\} 1/);
    expect(text).toMatch(/kaeru_messages_out_total\{adapter="teams",kind="hearing"\} 4/);
    expect(text).toMatch(/kaeru_redeliveries_dropped_total\{adapter="teams"\} 1/);
  });
});
