import { parseTeamsActivity, type TeamsActivity } from '@kaeru/adapter-teams';
import { BOT_ID, CHANNEL, fixture, KEN, member, ROOM, TENANT, YAMADA } from './teams-harness';

/** The adapter contract for Teams: recorded payloads in, the `Incoming` and references that come out. */
describe('reading Teams activities', () => {
  const at = new Date('2026-12-07T00:05:13Z');

  it('a message in a personal chat becomes a DM from the member, with name, zone and locale', () => {
    const inbound = parseTeamsActivity(fixture<TeamsActivity>('message-personal'), at);
    expect(inbound.incoming).toEqual({
      eventId: `teams:${YAMADA.chat}:1796601912345`,
      adapter: 'teams',
      memberId: member(YAMADA.aad),
      roomId: undefined,
      text: '18時半',
      receivedAt: at,
      profile: { name: '山田 洋子', timeZone: 'Asia/Tokyo', locale: 'ja' },
    });
    expect(inbound.save).toEqual([
      {
        key: member(YAMADA.aad),
        reference: expect.objectContaining({
          serviceUrl: 'https://smba.trafficmanager.net/apac/',
          tenantId: TENANT,
          conversation: expect.objectContaining({ id: YAMADA.chat, conversationType: 'personal' }),
          bot: { id: BOT_ID, name: 'kaeru' },
          user: { id: YAMADA.id, aadObjectId: YAMADA.aad, name: '山田 洋子' },
        }),
      },
    ]);
  });

  it('a card submit becomes the button value as an action, not text', () => {
    const inbound = parseTeamsActivity(fixture<TeamsActivity>('card-submit'), at);
    expect(inbound.incoming).toMatchObject({ memberId: member(KEN.aad), action: 'kaeru:declare:2026-12-07:leaving:19:00', profile: { locale: 'en' } });
    expect(inbound.incoming?.text).toBeUndefined();
  });

  it('a channel message addressed with @kaeru: the mention is removed, the room is the channel (not the thread)', () => {
    const inbound = parseTeamsActivity(fixture<TeamsActivity>('message-channel-mention'), at);
    expect(inbound.incoming).toMatchObject({ memberId: member(KEN.aad), roomId: ROOM, text: '山田さんは何時に帰る？' });
    // The channel reference points at the channel itself, so reports are new posts, and the sender is seeded.
    expect(inbound.save[0]).toMatchObject({ key: ROOM, reference: { conversation: { id: CHANNEL }, teamId: CHANNEL } });
    expect(inbound.save[1]).toMatchObject({ key: member(KEN.aad), seed: true, reference: { user: { id: KEN.id } } });
    expect(inbound.save[1].reference.conversation).toBeUndefined();
  });

  it('a personal install saves the chat under the member', () => {
    const inbound = parseTeamsActivity(fixture<TeamsActivity>('install-personal'), at);
    expect(inbound.incoming).toBeUndefined();
    expect(inbound.save).toEqual([expect.objectContaining({ key: member(YAMADA.aad), reference: expect.objectContaining({ conversation: expect.objectContaining({ id: YAMADA.chat }) }) })]);
  });

  it('the bot added to a team saves the channel under the room', () => {
    const inbound = parseTeamsActivity(fixture<TeamsActivity>('install-team'), at);
    expect(inbound.save).toEqual([expect.objectContaining({ key: ROOM, reference: expect.objectContaining({ conversation: expect.objectContaining({ id: CHANNEL }), teamId: CHANNEL }) })]);
  });

  it('a member added to the team is a directory change and a seed for a proactive chat', () => {
    const inbound = parseTeamsActivity(fixture<TeamsActivity>('member-added-team'), at);
    expect(inbound.changes).toEqual([{ type: 'joined', roomId: ROOM, memberId: member(KEN.aad), self: false, teamId: CHANNEL }]);
    expect(inbound.save).toEqual([expect.objectContaining({ key: member(KEN.aad), seed: true })]);
  });

  it('the bot removed from a team forgets the room', () => {
    const activity = fixture<TeamsActivity>('install-team');
    activity.membersRemoved = activity.membersAdded;
    delete activity.membersAdded;
    activity.channelData!.eventType = 'teamMemberRemoved';
    expect(parseTeamsActivity(activity, at).forget).toEqual([ROOM]);
  });

  it('ignores the bot’s own messages and typing', () => {
    const own = fixture<TeamsActivity>('message-personal');
    own.from = { id: BOT_ID };
    expect(parseTeamsActivity(own, at).ignored).toBe('message from the bot');
    expect(parseTeamsActivity({ ...fixture<TeamsActivity>('message-personal'), type: 'typing' }, at).ignored).toBe('activity type typing');
  });

  it('refuses an activity without tenant or service URL', () => {
    expect(() => parseTeamsActivity({ type: 'message', conversation: { id: 'x' } }, at)).toThrow(/malformed activity/);
  });
});
