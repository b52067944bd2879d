import { PermanentSendError, RateLimitedError, TransientSendError, type Outgoing } from '@kaeru/core';
import { decodeMessageRef } from '@kaeru/adapter-teams';
import { fixture, KEN, member, ROOM, startTeamsHarness, YAMADA, type TeamsHarness } from './teams-harness';

jest.setTimeout(20_000);

const hearing: Outgoing = { kind: 'hearing', text: '今日は何時に帰りますか？', locale: 'ja', buttons: [{ label: '19:00', value: 'kaeru:declare:2026-12-07:leaving:19:00' }] };
const report: Outgoing = { kind: 'report', text: '営業部 12/7\n山田 洋子 18:30', locale: 'ja' };

describe('Teams outbound: proactive sends, updates and failures', () => {
  let harness: TeamsHarness;

  beforeEach(async () => {
    harness = await startTeamsHarness();
    for (const name of ['install-personal', 'install-team']) expect((await harness.post(fixture(name, harness.connector.url))).status).toBe(200);
  });
  afterEach(() => harness.close());

  it('posts a hearing card to the stored chat and returns conversation|activity as ref', async () => {
    const sent = await harness.adapter.send({ kind: 'member', id: member(YAMADA.aad) }, hearing);
    const [post] = harness.connector.succeeded('post');
    expect(post.conversationId).toBe(YAMADA.chat);
    expect(post.body.attachments[0].content.body.at(-1)).toEqual({ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: '19:00', data: { kaeru: hearing.buttons![0].value } }] });
    expect(decodeMessageRef(sent.ref!)).toEqual({ conversationId: YAMADA.chat, activityId: post.id });
  });

  it('updates a posted report in place', async () => {
    const sent = await harness.adapter.send({ kind: 'room', id: ROOM }, report);
    await harness.adapter.edit({ kind: 'room', id: ROOM }, sent.ref!, { ...report, text: '営業部 12/7\n山田 洋子 19:00' });
    const [update] = harness.connector.succeeded('update');
    expect(update.method).toBe('PUT');
    expect(JSON.stringify(update.body)).toContain('19:00');
  });

  it('a member never seen anywhere: the chat is created with their AAD id in the tenant', async () => {
    await harness.adapter.send({ kind: 'member', id: member(KEN.aad) }, hearing);
    const [create] = harness.connector.succeeded('create');
    expect(create.body.members).toEqual([{ id: KEN.aad, aadObjectId: KEN.aad }]);
    expect(harness.connector.succeeded('post')[0].conversationId).toBe(create.id);
  });

  it('a room without a reference is a permanent failure', async () => {
    await expect(harness.adapter.send({ kind: 'room', id: `${ROOM}x` }, report)).rejects.toBeInstanceOf(PermanentSendError);
  });

  it.each([403, 404])('%i (bot removed, chat or message gone) is permanent, tried once', async (status) => {
    harness.connector.failNext(status, { kind: 'post' });
    await expect(harness.adapter.send({ kind: 'member', id: member(YAMADA.aad) }, hearing)).rejects.toBeInstanceOf(PermanentSendError);
    expect(harness.connector.calls.filter((c) => c.kind === 'post')).toHaveLength(1);
  });

  it('a 500 is retried by botbuilder; when it persists the error is transient', async () => {
    harness.connector.failNext(500, { kind: 'post' });
    await harness.adapter.send({ kind: 'member', id: member(YAMADA.aad) }, hearing);
    expect(harness.connector.calls.filter((c) => c.kind === 'post').map((c) => c.status)).toEqual([500, 201]);
    harness.connector.failNext(503, { kind: 'post', times: 4 });
    await expect(harness.adapter.send({ kind: 'member', id: member(YAMADA.aad) }, hearing)).rejects.toBeInstanceOf(TransientSendError);
  });

  it('429s beyond botbuilder’s retries surface as RateLimitedError with Retry-After', async () => {
    harness.connector.failNext(429, { kind: 'update', times: 4, retryAfter: '1' });
    const error = await harness.adapter.edit({ kind: 'room', id: ROOM }, `${ROOM.split(':').slice(2).join(':')}|1796601600001`, report).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(1000);
  });
});
