import { createSlackAdapter } from '@kaeru/adapter-slack';
import { FakeSlackApi } from './fake-slack-api';
import { BOT_TOKEN, fixture, startSlackHarness, type SlackHarness } from './slack-harness';

describe('Slack directory: users.info and conversations.members', () => {
  let api: FakeSlackApi;
  let now: Date;
  beforeEach(async () => {
    api = await FakeSlackApi.start(BOT_TOKEN);
    now = new Date('2026-12-07T00:00:00Z');
    api.addUser({ id: 'U1', name: 'yamada', real_name: '山田 洋子', display_name: 'やまだ', tz: 'Asia/Tokyo', locale: 'ja-JP' });
    api.addUser({ id: 'U2', name: 'ken', real_name: 'Ken Tanaka', tz: 'America/New_York', locale: 'en-US' });
    api.addUser({ id: 'UBOT', name: 'kaeru', is_bot: true });
    api.addUser({ id: 'UGONE', name: 'gone', real_name: 'Gone', deleted: true });
  });
  afterEach(() => api.close());

  const adapter = () => createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: 's', apiUrl: api.url, now: () => now, retry: { retries: 1, minTimeoutMs: 1, maxTimeoutMs: 5 } });

  it('reads a member: display name first, real name and username as aliases, zone and locale', async () => {
    const slack = adapter();
    expect(await slack.directory.member('slack:T1:U1')).toEqual({ id: 'slack:T1:U1', name: 'やまだ', aliases: ['山田 洋子', 'yamada'], timeZone: 'Asia/Tokyo', locale: 'ja' });
    expect(await slack.directory.member('slack:T1:U2')).toEqual({ id: 'slack:T1:U2', name: 'Ken Tanaka', aliases: ['ken'], timeZone: 'America/New_York', locale: 'en' });
    expect(await slack.directory.member('slack:T1:UBOT')).toBeUndefined();
    expect(await slack.directory.member('slack:T1:UNOBODY')).toBeUndefined();
  });

  it('caches users.info for a day, then refreshes', async () => {
    const slack = adapter();
    await slack.directory.profile('slack:T1:U1');
    await slack.directory.profile('slack:T1:U1');
    now = new Date(now.getTime() + 23 * 3600_000);
    await slack.directory.profile('slack:T1:U1');
    expect(api.attempts('users.info')).toHaveLength(1);
    now = new Date(now.getTime() + 2 * 3600_000);
    api.addUser({ id: 'U1', name: 'yamada', real_name: '山田 洋子', display_name: 'ようこ', tz: 'Asia/Tokyo' });
    expect((await slack.directory.profile('slack:T1:U1'))?.name).toBe('ようこ');
    expect(api.attempts('users.info')).toHaveLength(2);
  });

  it('lists a channel\'s human members across pages', async () => {
    api.channelMembers.set('CSALES', ['U1', 'UBOT', 'U2', 'UGONE']);
    const slack = adapter();
    expect(await slack.directory.roomMembers('slack:T1:CSALES')).toEqual(['slack:T1:U1', 'slack:T1:U2']);
    expect(api.attempts('conversations.members')[0].args).toMatchObject({ channel: 'CSALES' });
  });

  it('says which workspace and bot user the token belongs to', async () => {
    expect(await adapter().directory.whoAmI()).toEqual({ teamId: 'T1', botUserId: 'UBOT' });
  });

  describe('profiles on Incoming', () => {
    let h: SlackHarness;
    beforeEach(async () => (h = await startSlackHarness({ adapter: { attachProfiles: true } })));
    afterEach(() => h.close());

    it('attaches the users.info profile to the Incoming', async () => {
      h.api.addUser({ id: 'U1', name: 'yamada', real_name: '山田 洋子', tz: 'Asia/Tokyo', locale: 'ja-JP' });
      await h.post(fixture('message-im'));
      expect(h.received[0].profile).toEqual({ name: '山田 洋子', aliases: ['yamada'], timeZone: 'Asia/Tokyo', locale: 'ja' });
    });

    it('still delivers the message when users.info fails', async () => {
      h.api.failNext('users.info', 'invalid_auth');
      await h.post(fixture('message-im'));
      expect(h.received).toHaveLength(1);
      expect(h.received[0].profile).toBeUndefined();
    });
  });
});
