import { createBot, createMemoryStorage, InMemoryMetrics, VirtualClock, type Bot } from '@kaeru/core';
import { createSlackAdapter, type SlackAdapter } from '@kaeru/adapter-slack';
import { createBotServer, type KaeruServer } from '@kaeru/server';
import { FakeSlackApi, type RecordedCall } from './fake-slack-api';
import { BOT_TOKEN, fixture, interactionBody, postSigned, SIGNING_SECRET } from './slack-harness';

/**
 * One business day of kaeru on Slack, end to end over real HTTP on 127.0.0.1:
 * the scheduler sends through the adapter to the fake Web API, members answer with
 * signed Events API requests to the kaeru server.
 */
describe('a day on Slack through kaeru serve', () => {
  let api: FakeSlackApi;
  let slack: SlackAdapter;
  let bot: Bot;
  let server: KaeruServer;
  let eventsUrl: string;
  let baseUrl: string;
  let seq = 0;
  const clock = new VirtualClock('2026-12-07T08:00:00+09:00'); // a Monday

  beforeAll(async () => {
    api = await FakeSlackApi.start(BOT_TOKEN);
    api.addUser({ id: 'U1', name: 'yamada', real_name: '山田 洋子', tz: 'Asia/Tokyo', locale: 'ja-JP' });
    api.addUser({ id: 'U2', name: 'ken', real_name: 'Ken Tanaka', tz: 'Asia/Tokyo', locale: 'en-US' });
    const storage = createMemoryStorage();
    const metrics = new InMemoryMetrics();
    slack = createSlackAdapter({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      apiUrl: api.url,
      retry: { retries: 3, minTimeoutMs: 10, maxTimeoutMs: 50 },
      metrics,
    });
    bot = createBot({
      config: {
        rooms: [{ id: 'slack:T1:CSALES', name: '営業部', members: ['slack:T1:U1', 'slack:T1:U2'] }],
        members: [
          { id: 'slack:T1:U1', name: '山田 洋子' },
          { id: 'slack:T1:U2', name: 'Ken Tanaka', locale: 'en' },
        ],
      },
      storage,
      adapters: [slack],
      clock,
      metrics,
    });
    // What `kaeru serve` builds: the adapters' routes, /healthz and /metrics on one port.
    server = createBotServer({ bot, storage, adapters: [slack], metrics, port: 0, host: '127.0.0.1' });
    await bot.start();
    baseUrl = (await server.listen()).url;
    eventsUrl = `${baseUrl}/slack/events`;
  });

  afterAll(async () => {
    await server.close();
    await bot.stop();
    await api.close();
  });

  /** What the bot posted into one channel since `from` (an index into the fake's calls). */
  const postsTo = (channel: string, from = 0): RecordedCall[] => api.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.status === 200 && c.args.channel === channel);

  /** U writes in their DM with the bot; resolves once the bot has answered. */
  async function dm(user: string, text: string): Promise<RecordedCall[]> {
    const body = fixture('message-im');
    Object.assign(body.event, { user, text, channel: `D${user}`, ts: `1796605200.${++seq}` });
    body.event_id = `Ev0DAY${seq}`;
    const from = api.calls.length;
    expect((await postSigned(eventsUrl, JSON.stringify(body))).status).toBe(200);
    await slack.idle();
    return postsTo(`D${user}`, from);
  }

  it('is healthy once started: storage answers, a timer is armed', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect([response.status, await response.json()]).toEqual([200, { storage: 'ok', scheduler: 'armed' }]);
  });

  it('09:00: every member gets one hearing DM with buttons', async () => {
    await clock.advanceTo('2026-12-07T09:00:00+09:00');
    await bot.idle();
    expect(api.succeeded('conversations.open').map((c) => c.args.users).sort()).toEqual(['U1', 'U2']);
    for (const channel of ['DU1', 'DU2']) {
      const [hearing] = postsTo(channel);
      expect(hearing.args.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'actions' })]));
    }
    expect(postsTo('DU1')).toHaveLength(1);
  });

  it('U1 types 18時半 and gets a confirmation', async () => {
    const [confirmation] = await dm('U1', '18時半');
    expect(confirmation.args.text).toContain('18:30');
  });

  it('U2 clicks a button of the hearing and gets a confirmation', async () => {
    const [hearing] = postsTo('DU2');
    const actions = (hearing.args.blocks as { type: string; elements?: { value: string; text: { text: string } }[] }[]).find((b) => b.type === 'actions')!;
    const button = actions.elements!.find((e) => e.text.text === '19:00')!;
    const click = fixture('block-actions');
    click.user = { id: 'U2', team_id: 'T1' };
    click.channel = { id: 'DU2', name: 'directmessage' };
    click.actions[0].value = button.value;
    const from = api.calls.length;
    expect((await postSigned(eventsUrl, interactionBody(click))).status).toBe(200);
    await slack.idle();
    const [confirmation] = postsTo('DU2', from);
    expect(confirmation.args.text).toContain('19:00');
  });

  it('U1 changes to 19時 and sees old → new', async () => {
    const [confirmation] = await dm('U1', 'やっぱり19時');
    expect(confirmation.args.text).toMatch(/18:30[\s\S]*19:00/);
  });

  it('a redelivered event is acknowledged and not answered twice', async () => {
    const body = fixture('message-im');
    Object.assign(body.event, { user: 'U1', text: '20時', channel: 'DU1' });
    body.event_id = 'Ev0DAYRETRY';
    const from = api.calls.length;
    await postSigned(eventsUrl, JSON.stringify(body));
    await postSigned(eventsUrl, JSON.stringify(body), { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await slack.idle();
    expect(postsTo('DU1', from)).toHaveLength(1);
    // Back to 19:00 for the rest of the day.
    await dm('U1', '19時');
  });

  it('10:00: the report is posted to the channel', async () => {
    await clock.advanceTo('2026-12-07T10:00:00+09:00');
    await bot.idle();
    const [report] = postsTo('CSALES');
    expect(report.args.text).toContain('山田 洋子');
    expect(report.args.text).toContain('Ken Tanaka');
    expect(report.args.text).toContain('19:00');
  });

  it('a later change updates the posted report in place with chat.update', async () => {
    const [report] = postsTo('CSALES');
    const from = api.calls.length;
    await dm('U1', '19時半');
    const [update] = api.calls.slice(from).filter((c) => c.method === 'chat.update' && c.status === 200);
    expect(update.args).toMatchObject({ channel: 'CSALES', ts: report.response?.ts });
    expect(String(update.args.text)).toContain('19:30');
    // Edited, not posted again.
    expect(postsTo('CSALES', from)).toHaveLength(0);
  });

  it('search by @mention in the channel answers in the channel', async () => {
    const mention = fixture('app-mention');
    Object.assign(mention.event, { user: 'U2', text: '<@UBOT> 山田さんは何時に帰る？' });
    mention.event_id = 'Ev0DAYSEARCH';
    const from = api.calls.length;
    await postSigned(eventsUrl, JSON.stringify(mention));
    await slack.idle();
    const [answer] = postsTo('CSALES', from);
    expect(answer.args.text).toContain('19:30');
  });

  it('help lists what the bot understands', async () => {
    const [help] = await dm('U1', 'ヘルプ');
    expect(String(help.args.text).length).toBeGreaterThan(40);
    expect(help.args.text).toContain('18時');
  });

  it('counts what went in and out on /metrics', async () => {
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(text).toMatch(/kaeru_messages_in_total\{adapter="slack",type="message"\} \d+/);
    expect(text).toMatch(/kaeru_messages_out_total\{adapter="slack",kind="hearing"\} 2/);
    expect(text).toMatch(/kaeru_redeliveries_dropped_total\{adapter="slack"\} 1/);
  });
});
