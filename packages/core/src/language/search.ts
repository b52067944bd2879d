import { timeOfMinutes } from '../calendar/zoned';
import type { LocalClock } from './clock';
import { readTeiji } from './teiji';
import { readClockTime } from './clock-time';
import { onlyFiller, onlyWords } from './filler';
import { prepare } from './prepare';
import { phrases, Scan } from './scan';
import type { Understanding } from './types';

/**
 * Search: by name (「田中さんは何時に帰る？」「佐藤さんの退社予定」 "when is Tanaka leaving?")
 * or by time (「19時以降の人」「18時前に帰る人」 "who leaves after 7pm?"). Names are taken
 * from the cleaned text, case kept, without honorifics (さん, くん, 様, -san, Mr …).
 */

const PEOPLE = phrases(['人', '人たち', 'ひと', 'メンバー', '方', 'who', "who's", 'whos', 'anyone', 'anybody', 'people', 'everyone', 'somebody', 'members', 'who is', 'who are', '誰', 'だれ']);
const AFTER = phrases(['以降', '以後', 'より後', 'より遅く', '過ぎ', '後', 'after', 'later than', 'past', 'or later']);
const BEFORE = phrases(['より前', 'より早く', '前', 'までに', 'まで', 'before', 'earlier than', 'by']);
const SEARCH_FILLER = phrases([
  '帰る', '帰宅する', '退社する', '残る', '残っている', '残ってる', '残っています', 'まで', 'に', 'の', 'は', 'が', 'を', 'いる', 'いますか', 'います', 'いる?', '教えて', '一覧', '検索', '何時', 'なんじ', 'いつ', '何時頃', '何時ごろ', '退社予定', '退社時間', '帰宅時間', '帰宅予定', '予定', '時間', 'ですか', 'か', 'って', 'もう帰った', '帰った',
  'leaves', 'leaving', 'leave', 'staying', 'working', 'stays', 'works', 'is', 'are', 'going', 'home', 'today', 'list', 'show', 'me', 'search', 'find', 'for', 'tell', 'about', 'what', 'time', 'does', 'do', 'will', 'when',
]);

/**
 * What may follow a name in a question about it. Stricter than the general filler:
 * 「鈴木さん、お疲れ様です」 greets 鈴木, it does not ask about them.
 */
const NAME_TAIL = phrases([
  'は', 'って', 'の', 'が', 'も', 'に', 'は今日', '今日', '本日', '何時', 'なんじ', 'いつ', '何時頃', '何時ごろ', '何時に', '帰る', '帰ります', '帰りますか', '帰るの', '帰宅', '退社', '上がり', '上がる', 'あがる',
  '予定', '退社予定', '退社時間', '帰宅時間', '帰宅予定', '時間', 'ですか', 'でしょうか', 'か', '教えて', 'ください', 'いる', 'いますか', 'もう帰った', '帰った', '検索',
  'leaving', 'leave', 'leaves', 'going home', 'heading out', 'today', 'tonight', 'time', 'please',
]);

const HONORIFIC = '(?:さん|くん|君|ちゃん|様|さま|氏|殿|先輩|部長|課長|係長|主任|社長|-san|\\ssan)';
const JA_HONORIFIC = new RegExp(`^(.{1,24}?)\\s?${HONORIFIC}(?![a-z])\\s?(.*)$`, 'i');
const JA_PARTICLE = /^(.{1,24}?)\s?(?:は|って|の)\s?(.*)$/;
const JA_QUESTION = /何時|なんじ|いつ|退社予定|退社時間|帰宅時間|帰宅予定/;
const JA_SEARCH_WORD = /^(?:検索\s?(.{1,24})|(.{1,24}?)\s?を?\s?検索)$/;
const EN_WHEN = /^(?:when|what\stime)(?:\s(?:is|does|will|do|did)|'s)\s(.{1,40}?)\s(?:leav(?:e|es|ing)|go(?:ing)?\shome|head(?:ing)?\s(?:out|home)|get(?:ting)?\soff|finish(?:ing)?|clock(?:ing)?\sout|off)(?![a-z])(.*)$/i;
const EN_POSSESSIVE = /^(.{1,40}?)'s\s(?:leave|leaving|departure|going\shome)\stime(.*)$/i;
const EN_FIND = /^(?:search|find|look\sup|lookup)\s(?:for\s)?(.{1,40})$/i;

/** Words that look like names in those patterns but are not people we look up. */
const NOT_NAMES = /^(?:お疲れ|おつかれ|お疲れ様|ご苦労|お世話|みな|皆|みなさん|皆さん|皆様|みんな|全員|誰|だれ|私|わたし|僕|ぼく|俺|おれ|自分|今日|明日|本日|チーム|お客|お客様|お客さま|客先|先方|everyone|everybody|you|i|he|she|they|we|it|people|anyone|the team|team|me|my|your)$/i;

/** 「今日もお疲れ様でした」 ends in 様 but names nobody. */
const GREETINGS = /お疲れ|おつかれ|ご苦労|お世話|お先|ありがと|よろしく/;

function cleanName(raw: string): string | undefined {
  const name = raw
    .replace(/^(?:今日|本日|明日)\s?は?\s?/, '')
    .replace(/^(?:mr|ms|mrs|miss|dr)\.?\s/i, '')
    .replace(new RegExp(`${HONORIFIC}$`, 'i'), '')
    .replace(/[?!]+$/, '')
    .trim();
  if (!name || /[\d?:/~]/.test(name) || NOT_NAMES.test(name) || GREETINGS.test(name)) return undefined;
  return name;
}

function tailIsQuestion(tail: string, needsQuestionWord: boolean): boolean {
  const t = prepare(tail);
  if (needsQuestionWord && !JA_QUESTION.test(t)) return false;
  return onlyWords(t, NAME_TAIL);
}

export function readNameSearch(cleaned: string): Understanding | undefined {
  let m = EN_WHEN.exec(cleaned) ?? EN_POSSESSIVE.exec(cleaned);
  if (m && tailIsQuestion(m[2], false)) {
    const name = cleanName(m[1]);
    return name ? { intent: 'search', name } : undefined;
  }
  m = EN_FIND.exec(cleaned) ?? JA_SEARCH_WORD.exec(cleaned);
  if (m) {
    const name = cleanName(m[1] ?? m[2]);
    return name ? { intent: 'search', name } : undefined;
  }
  m = JA_HONORIFIC.exec(cleaned);
  if (m && tailIsQuestion(m[2], false)) {
    const name = cleanName(m[1]);
    if (name) return { intent: 'search', name };
  }
  m = JA_PARTICLE.exec(cleaned);
  if (m && tailIsQuestion(m[2], true)) {
    const name = cleanName(m[1]);
    if (name) return { intent: 'search', name };
  }
  return undefined;
}

export function readTimeSearch(s: string, clock: LocalClock): Understanding | undefined {
  const scan = new Scan(s);
  if (!scan.take(PEOPLE)) return undefined;
  const reading = readTeiji(scan, clock) ?? readClockTime(scan, clock, true);
  if (!reading || reading === 'invalid' || reading.range) return undefined;
  const after = scan.take(AFTER);
  const before = scan.take(BEFORE);
  if (after === before || !onlyFiller(scan.rest, SEARCH_FILLER)) return undefined;
  const time = timeOfMinutes(reading.minutes);
  return after ? { intent: 'search', after: time } : { intent: 'search', before: time };
}
