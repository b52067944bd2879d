'use strict';
// The organisation every section works on, and a realistic day of member messages.
const { prng } = require('./common');

const SURNAMES = ['山田', '田中', '佐藤', '鈴木', '高橋', '伊藤', '渡辺', '中村', '小林', '加藤', 'Smith', 'Tanaka', 'Brown', 'Lee', 'Garcia', 'Kim'];
const GIVEN = ['洋子', '健', '花子', '太郎', '美咲', '翔', 'Ken', 'Anna', 'John', 'Mia', 'Yuki', 'Sam'];

/**
 * `members` members in `rooms` rooms of equal size (each member in one room); a quarter
 * of the members write in English. Room options (times, zone) can be overridden.
 */
function organisation(members, rooms, roomOptions = {}) {
  const ms = [];
  for (let i = 0; i < members; i++) {
    const english = i % 4 === 3;
    ms.push({
      id: `m${i}`,
      name: `${SURNAMES[i % SURNAMES.length]} ${GIVEN[(i * 7) % GIVEN.length]}${Math.floor(i / SURNAMES.length)}`,
      ...(english ? { locale: 'en' } : {}),
    });
  }
  const rs = [];
  const perRoom = Math.ceil(members / rooms);
  for (let r = 0; r < rooms; r++) {
    rs.push({
      id: `r${r}`,
      name: `部署${r}`,
      timeZone: 'Asia/Tokyo',
      hearingAt: '09:00',
      reportAt: '10:00',
      ...roomOptions,
      members: ms.slice(r * perRoom, (r + 1) * perRoom).map((m) => m.id),
    });
  }
  return { members: ms, rooms: rs };
}

const ANSWERS = {
  ja: ['18時', '18時半', '19時', '定時', '17時半頃', '未定', '直帰', '20時に帰ります', '１８：３０', '十九時', '午後7時'],
  en: ['6pm', '6:30 pm', 'leaving at 7pm', 'undecided', 'around 5:30pm', '18:30', 'going home at 8 pm'],
};
const CHANGES = { ja: ['やっぱり19時', '20時に変更', '21時', '定時で帰ります'], en: ['make it 7pm', 'actually 8pm', '9pm'] };
const SEARCHES = { ja: (n) => [`${n}さんは何時に帰る？`, `${n}さんの退社予定`, '19時以降の人'], en: (n) => [`when is ${n} leaving?`, 'who leaves after 7pm?'] };
const HELP = { ja: 'ヘルプ', en: 'help' };
const REPORT = { ja: 'レポート', en: 'report' };

/**
 * One business day of messages, in time order, split at the report time. Per member:
 * one answer after the hearing, a change for half of them (1.5 declaring messages), a
 * search for three in ten, help for one in twenty, a report request for one in ten.
 */
function dayOfMessages(org, seed = 42) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const roomOf = new Map();
  for (const room of org.rooms) for (const id of room.members) roomOf.set(id, room.id);
  const morning = [];
  const afternoon = [];
  for (const member of org.members) {
    const lang = member.locale === 'en' ? 'en' : 'ja';
    const other = org.members[Math.floor(rand() * org.members.length)].name.split(' ')[0];
    morning.push({ kind: 'declare', memberId: member.id, text: pick(ANSWERS[lang]) });
    if (rand() < 0.3) morning.push({ kind: 'search', memberId: member.id, text: pick(SEARCHES[lang](other)) });
    if (rand() < 0.05) morning.push({ kind: 'help', memberId: member.id, text: HELP[lang] });
    if (rand() < 0.5) afternoon.push({ kind: 'change', memberId: member.id, text: pick(CHANGES[lang]) });
    if (rand() < 0.1) afternoon.push({ kind: 'report', memberId: member.id, text: REPORT[lang], roomId: rand() < 0.5 ? roomOf.get(member.id) : undefined });
  }
  // Interleave members as a real morning does, deterministically.
  const shuffle = (list) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  };
  return { morning: shuffle(morning), afternoon: shuffle(afternoon) };
}

/** Counts per kind, for the JSON. */
function mixOf(day) {
  const mix = {};
  for (const m of [...day.morning, ...day.afternoon]) mix[m.kind] = (mix[m.kind] ?? 0) + 1;
  return mix;
}

/** A chat adapter that sends nowhere: the engine's own cost, not a platform's. */
function noopAdapter(name = 'bench') {
  let n = 0;
  return {
    name,
    capabilities: { buttons: true, directMessages: true, editMessages: true, userDirectory: false },
    sent: 0,
    async start() {},
    async stop() {},
    async send() {
      this.sent++;
      return { ref: `ref-${++n}` };
    },
    async edit() {},
  };
}

module.exports = { organisation, dayOfMessages, mixOf, noopAdapter };
