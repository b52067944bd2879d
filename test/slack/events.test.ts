import type { SlackDirectoryChange } from '@kaeru/adapter-slack';
import { fixture, formBody, interactionBody, postSigned, startSlackHarness, type SlackHarness } from './slack-harness';

describe('Slack events over HTTP → Incoming', () => {
  let h: SlackHarness;
  beforeEach(async () => (h = await startSlackHarness()));
  afterEach(() => h.close());

  it('answers url_verification with the challenge', async () => {
    const body = fixture('url-verification');
    const response = await h.post(body);
    expect(response).toEqual({ status: 200, text: body.challenge });
    expect(h.received).toHaveLength(0);
  });

  it('turns an IM message into an Incoming with platform-qualified ids', async () => {
    const response = await h.post(fixture('message-im'));
    expect(response.status).toBe(200);
    expect(h.received).toEqual([
      { eventId: 'slack:Ev0IMMESSAGE1', adapter: 'slack', memberId: 'slack:T1:U1', roomId: undefined, text: '18時半', receivedAt: expect.any(Date) },
    ]);
  });

  it('processes a retried event once', async () => {
    const body = fixture('message-im');
    await h.post(body);
    const retry = await h.post(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    const again = await h.post(body, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    expect([retry.status, again.status]).toEqual([200, 200]);
    expect(h.received.map((i) => i.eventId)).toEqual(['slack:Ev0IMMESSAGE1']);
  });

  it('acknowledges before processing: a slow sink does not delay the 200', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = await startSlackHarness({ sink: async () => (await gate, []) });
    try {
      const started = Date.now();
      const response = await postSigned(slow.eventsUrl, JSON.stringify(fixture('message-im')));
      expect(response.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(slow.received).toHaveLength(1);
      release();
      await slow.adapter.idle();
    } finally {
      release();
      await slow.close();
    }
  });

  it('stop() waits for acknowledged events to finish, then refuses new ones with 503', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    const slow = await startSlackHarness({ sink: async (incoming) => (await gate, handled.push(incoming.eventId), []) });
    try {
      expect((await postSigned(slow.eventsUrl, JSON.stringify(fixture('message-im')))).status).toBe(200);
      let stopped = false;
      const stopping = slow.adapter.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(handled).toEqual(['slack:Ev0IMMESSAGE1']);
      const late = fixture('message-im');
      late.event_id = 'Ev0LATE';
      expect((await postSigned(slow.eventsUrl, JSON.stringify(late))).status).toBe(503);
    } finally {
      release();
      await slow.close();
    }
  });

  it('unescapes Slack entities so core reads what the member typed', async () => {
    const body = fixture('message-im');
    body.event.text = '18:30 &lt;maybe&gt; &amp; then home';
    await h.post(body);
    expect(h.received[0].text).toBe('18:30 <maybe> & then home');
  });

  it('ignores the bot\'s own messages and message edits', async () => {
    await h.post(fixture('message-im-from-bot'));
    await h.post(fixture('message-changed-im'));
    expect(h.received).toHaveLength(0);
  });

  it('turns an app_mention into a room message without the mention', async () => {
    await h.post(fixture('app-mention'));
    expect(h.received).toEqual([expect.objectContaining({ eventId: 'slack:Ev0APPMENTION1', memberId: 'slack:T1:U1', roomId: 'slack:T1:CSALES', text: '田中さんは何時に帰る？' })]);
  });

  it('turns a block_actions click into an action with the button value', async () => {
    const payload = fixture('block-actions');
    payload.actions[0].value = 'declare:2026-12-07:leaving:18:00';
    const response = await h.post(interactionBody(payload));
    expect(response.status).toBe(200);
    expect(h.received).toEqual([
      { eventId: 'slack:action:T1:U1:1796605400.654321', adapter: 'slack', memberId: 'slack:T1:U1', roomId: undefined, action: 'declare:2026-12-07:leaving:18:00', receivedAt: expect.any(Date) },
    ]);
  });

  it('turns /kaeru <text> into a room message', async () => {
    await h.post(formBody(fixture('slash-command')));
    expect(h.received).toEqual([expect.objectContaining({ eventId: 'slack:command:1796605600.111.aaa', memberId: 'slack:T1:U2', roomId: 'slack:T1:CSALES', text: 'report' })]);
  });

  it('reads an empty /kaeru as help', async () => {
    await h.post(formBody({ ...fixture('slash-command'), text: '' }));
    expect(h.received[0].text).toBe('help');
  });

  it('reports member_joined_channel to directory listeners, not to the sink', async () => {
    const changes: SlackDirectoryChange[] = [];
    h.adapter.onDirectoryChange((change) => void changes.push(change));
    await h.post(fixture('member-joined-channel'));
    const left = fixture('member-joined-channel');
    left.event.type = 'member_left_channel';
    left.event_id = 'Ev0MEMBERLEFT1';
    await h.post(left);
    expect(changes).toEqual([
      { type: 'joined', roomId: 'slack:T1:CSALES', memberId: 'slack:T1:U3', self: false },
      { type: 'left', roomId: 'slack:T1:CSALES', memberId: 'slack:T1:U3', self: false },
    ]);
    expect(h.received).toHaveLength(0);
  });

  it('answers 400 to a verified body that is no Slack payload', async () => {
    expect((await h.post('{"type":"event_callback"}')).status).toBe(400);
    expect((await h.post('not=a&slack=form')).status).toBe(400);
  });

  it('answers 503 before start so Slack redelivers later', async () => {
    const idle = await startSlackHarness({ start: false });
    try {
      expect((await idle.post(fixture('message-im'))).status).toBe(503);
      // The challenge still works: Slack checks the URL while the app is being set up.
      expect((await idle.post(fixture('url-verification'))).status).toBe(200);
    } finally {
      await idle.close();
    }
  });
});
