'use strict';
// The peer: the same leave-time bot written the way a Bot Framework (botbuilder 4.23.3)
// user writes it today, following the SDK's samples (02.echo-bot, 45.state-management):
// an ActivityHandler subclass with onMessage, UserState + ConversationState over
// MemoryStorage with property accessors, saveChanges at the end of every turn, replies
// with context.sendActivity, driven by the real CloudAdapter pipeline. It calls the same
// normalizeText + understand() as kaeru. Nothing here is made slow on purpose: the team
// roster is a plain in-memory Map (cheaper than kaeru's storage lookups).
const { ActivityHandler, CloudAdapter, ConversationState, MemoryStorage, UserState } = require('botbuilder');
const { ClaimsIdentity } = require('botframework-connector');

// Made once: building an Intl formatter per turn would slow the peer down for nothing.
const TOKYO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' });

/** Lower-case, NFKC, no spaces, no honorific: what a reasonable bot does to match names. */
function fold(text) {
  return text.normalize('NFKC').toLowerCase().replace(/\s/g, '').replace(/(さん|-?san)$/u, '');
}

function show(d, ja) {
  if (!d) return ja ? '未回答' : 'no answer';
  if (d.state === 'leaving') return `${d.time}${d.approx ? (ja ? '頃' : ' (approx.)') : ''}`;
  return d.state;
}

class LeaveTimeBot extends ActivityHandler {
  constructor({ userState, conversationState, storage, deps }) {
    super();
    this.userState = userState;
    this.conversationState = conversationState;
    this.storage = storage;
    this.deps = deps;
    this.profileAccessor = userState.createProperty('profile');
    this.conversationAccessor = conversationState.createProperty('conversationData');
    this.onMessage(async (context, next) => {
      await this.reply(context);
      await next();
    });
  }

  async reply(context) {
    const { roster, rooms, understand, normalizeText, now } = this.deps;
    const a = context.activity;
    const me = roster.get(a.from.id);
    const profile = await this.profileAccessor.get(context, { declarations: {}, history: [] });
    const conversation = await this.conversationAccessor.get(context, { turns: 0 });
    conversation.turns++;
    const ja = (me.locale ?? 'ja') === 'ja';
    const today = TOKYO_DATE.format(now());
    const u = understand(normalizeText(a.text ?? ''), { now: now(), timeZone: 'Asia/Tokyo', locale: ja ? 'ja' : 'en', teiji: '18:00' });
    let text;
    switch (u.intent) {
      case 'declare': {
        const before = profile.declarations[u.date];
        const after = { state: u.state, time: u.time, approx: u.approx };
        profile.declarations[u.date] = after;
        profile.history.push({ date: u.date, before, after, at: a.timestamp });
        text = before ? `${u.date}: ${show(before, ja)} → ${show(after, ja)}` : `${u.date}: ${show(after, ja)}`;
        break;
      }
      case 'cancel':
        delete profile.declarations[u.date];
        text = ja ? '取り消しました' : 'Cancelled.';
        break;
      case 'search': {
        let ids;
        if (u.name) ids = [...roster.values()].filter((m) => fold(m.name).includes(fold(u.name))).map((m) => m.id);
        else ids = (a.conversation.conversationType === 'channel' ? [rooms.get(a.conversation.id)] : me.rooms.map((r) => rooms.get(r))).flatMap((r) => r.members);
        const states = await this.storage.read(ids.map((id) => this.key(a, id)));
        const lines = ids.map((id) => ({ id, d: states[this.key(a, id)]?.profile?.declarations?.[today] })).filter((x) => !u.after || (x.d?.time ?? '') >= u.after);
        text = lines.length ? lines.map((x) => `${roster.get(x.id).name}: ${show(x.d, ja)}`).join('\n') : ja ? '見つかりません' : 'Nobody found.';
        break;
      }
      case 'report': {
        const roomIds = a.conversation.conversationType === 'channel' ? [a.conversation.id] : me.rooms;
        const boards = [];
        for (const roomId of roomIds) {
          const room = rooms.get(roomId);
          const states = await this.storage.read(room.members.map((id) => this.key(a, id)));
          const rows = room.members.map((id) => ({ name: roster.get(id).name, d: states[this.key(a, id)]?.profile?.declarations?.[today] }));
          rows.sort((x, y) => (x.d?.time ?? '99').localeCompare(y.d?.time ?? '99'));
          boards.push([`${room.name}`, ...rows.map((r) => `${r.name}  ${show(r.d, ja)}`)].join('\n'));
        }
        text = boards.join('\n\n');
        break;
      }
      case 'help':
        text = ja ? '使い方: 「18時半」「やっぱり19時」「田中さんは何時に帰る？」「レポート」「取り消し」' : 'Try: "6:30pm", "when is Tanaka leaving?", "report", "cancel"';
        break;
      case 'holiday':
        profile.holidays = [...new Set([...(profile.holidays ?? []), ...u.dates])];
        text = ja ? '休みを登録しました' : 'Day off saved.';
        break;
      default:
        text = ja ? 'すみません、わかりませんでした。例: 「18時半」' : 'Sorry, I did not get that. Try "6:30pm".';
    }
    await context.sendActivity(text);
  }

  /** UserState's own storage key for another member (how the samples' state is laid out). */
  key(activity, memberId) {
    return `${activity.channelId}/users/${memberId}/${this.userState.namespace}`;
  }

  /** As in the samples: persist state changes at the end of every turn. */
  async run(context) {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}

/**
 * A CloudAdapter fed pre-authenticated requests (kaeru's bench skips signature checks too)
 * whose connector client answers sends in process, like kaeru's no-op adapter.
 */
function createPeer({ org, understand, normalizeText, now }) {
  const roster = new Map(org.members.map((m) => [m.id, { ...m, rooms: [] }]));
  const rooms = new Map(org.rooms.map((r) => [r.id, r]));
  for (const r of org.rooms) for (const id of r.members) roster.get(id).rooms.push(r.id);
  const storage = new MemoryStorage();
  const userState = new UserState(storage);
  const conversationState = new ConversationState(storage);
  const bot = new LeaveTimeBot({ userState, conversationState, storage, deps: { roster, rooms, understand, normalizeText, now } });
  let sent = 0;
  const connector = {
    conversations: {
      replyToActivity: async () => ({ id: `r${++sent}` }),
      sendToConversation: async () => ({ id: `r${++sent}` }),
      updateActivity: async () => ({}),
    },
  };
  const auth = { createUserTokenClient: async () => ({}) };
  const adapter = new CloudAdapter(auth);
  const authResult = {
    claimsIdentity: new ClaimsIdentity([{ type: 'aud', value: 'bench-bot' }], true),
    audience: 'https://api.botframework.com',
    callerId: undefined,
    connectorFactory: { create: async () => connector },
  };
  let seq = 0;
  return {
    get sent() {
      return sent;
    },
    /** One member message as the Bot Framework Service would post it. */
    handle(m) {
      const member = roster.get(m.memberId);
      const activity = {
        type: 'message',
        id: `a${++seq}`,
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/apac/',
        timestamp: now().toISOString(),
        from: { id: m.memberId, name: member.name },
        recipient: { id: 'bench-bot', name: 'kaeru' },
        conversation: m.roomId ? { id: m.roomId, conversationType: 'channel', isGroup: true } : { id: `dm-${m.memberId}`, conversationType: 'personal' },
        locale: member.locale === 'en' ? 'en-US' : 'ja-JP',
        text: m.text,
      };
      return adapter.processActivity(authResult, activity, (context) => bot.run(context));
    },
  };
}

module.exports = { createPeer };
