import { phrases } from './scan';

/**
 * Words that carry no meaning for a leave-time answer: politeness, particles, greetings,
 * "I'll leave", hedges. What remains after the readers and these are removed decides
 * whether the text was understood (nothing left) or not (anything left).
 */
const JA_FILLER = [
  // greetings and politeness around the answer
  'お疲れ様です', 'お疲れさまです', 'おつかれさまです', 'お疲れ様でした', 'お疲れ様', 'おつかれ', 'お疲れです', 'お疲れ',
  'おはようございます', 'おはよう', 'こんにちは', 'ありがとうございます', 'ありがとう',
  'よろしくお願いします', 'よろしくお願いいたします', 'お願いします', 'お願いいたします', 'おねがいします', 'お願い', 'よろしく',
  'すみません', 'すいません', '失礼します', '了解です', '了解', 'はい', 'えっと', 'えーと', 'あ',
  // the act of leaving
  '帰ります', '帰る', '帰れます', '帰れる', '帰れそう', '帰ろう', '帰宅します', '帰宅', '退社します', '退社', '退勤します', '退勤',
  '上がります', '上がる', '上がり', 'あがります', 'あがる', 'あがり', '出ます', '出る', '失礼', 'オフィスを出', '会社を出',
  // hedges, plans, endings
  'と思います', 'と思ってます', 'と思う', 'かもしれません', 'かも', 'かなー', 'かな', 'でしょう', 'だと', 'です', 'でした', 'でーす', 'っす',
  'ます', 'ました', 'になります', 'になりそうです', 'になりそう', 'なりそうです', 'なりそう', 'なります', 'なる', 'します', 'する', 'しよう',
  'の予定です', '予定です', '予定', 'つもりです', 'つもり', '見込みです', '見込み', '目標', 'めど', '目処', '目途', '感じです', '感じ',
  'たぶん', '多分', 'おそらく', '恐らく', '一応', 'いちおう', 'とりあえず', '一旦', 'いったん', 'まだ', '今のところ', 'いまのところ', '現時点では', '現状',
  '予定時刻', '予定時間', '退社予定時間', '退社時間', '帰宅時間', '予定通り', '予定どおり', '同じく', '時刻', '早退します', '早退', '出たい', '帰りたい', 'して', '残業なし', '残業無し', 'お客さんのところから', 'お客様のところから', 'お客様先から', 'お客さん先から', 'お客様', 'お客さん', '客先', '仮', '迄に', '迄', 'ごめんなさい', 'ごめん', '申し訳ありません', '申し訳ないです', '客先から', '外出先から', '出先から', '現場から', '取引先から', '会社', '残業して', '残業', '体調不良', '体調が悪い', '体調不良で', '仕事', '出張', '外出', '外回り', '私は', '私', 'わたし', '僕', '俺', '自分', '上がれそう', '上がれる', 'あがれそう', 'あがれる', '帰れると思います', 'ダッシュ', 'お先に', 'いただきます', 'いただいています', 'もらいます', '取ります', '取る', 'とります', 'の間', '間', 'だけ', 'ちょっと', 'ちょい', '少し', 'ので', 'なので', 'だけど', 'けど', 'よ', 'ね', 'な', 'わ', 'さ',
  // particles (last: single characters)
  'には', 'では', 'までに', 'まで', 'で', 'に', 'は', 'の', 'を', 'が', 'も', 'と', 'へ', 'w', '笑', 'ー', '~', '-',
];

const EN_FILLER = [
  'hi', 'hello', 'hey', 'good morning', 'morning', 'thanks', 'thank you', 'thx', 'please', 'pls', 'plz', 'ok', 'okay', 'sure', 'yes', 'yeah', 'well', 'so', 'and', 'then', 'but', 'oh', 'um', 'uh', 'hmm', 'lol',
  "i'll", 'i will', "i'm", 'im', 'i am', 'i', "i'd", 'we', 'me', 'my', 'it', "it's", 'will', 'would', 'be', 'is', 'are', 'should', 'shall', 'gonna', 'going to', 'going', 'want to', 'plan to', 'planning to', 'planning', 'plan is', 'plan', 'expect to', 'hope to', 'hoping to', 'try to', 'aim to', 'yet', 'aiming for', 'aiming',
  'leave', 'leaving', 'head out', 'heading out', 'head home', 'heading home', 'go home', 'going home', 'get out', 'out', 'home', 'clock out', 'clocking out', 'sign off', 'log off', 'finish', 'finishing', 'done', 'wrap up', 'the office', 'office', 'work', 'for the day', 'for today', 'out the door', 'logging', 'signing', 'log', 'sign', 'eta', 'feeling', 'not feeling well', 'unwell', 'working late', 'work late', 'staying late', 'stay late', 'until', 'till', 'gone', 'wrapping up', 'early', 'taking', 'take',
  'probably', 'maybe', 'likely', 'think', 'guess', 'expecting', 'expect', 'just', 'still', 'at', 'by', 'on', 'the', 'a', 'for', 'to', 'from', 'of', 'today', 'tonight', 'this evening', 'evening', 'again', 'there', 'latest', 'at the latest', 'no later than',
];

const FILLER = phrases([...JA_FILLER, ...EN_FILLER]);
/** What is left between words once the filler is gone: spaces, separators, question marks. */
const SEPARATORS = /[\s?:/.'+~-]+/g;

/** True when nothing but the given words (and separators) remains: a stricter filler. */
export function onlyWords(rest: string, words: RegExp): boolean {
  return rest.replace(words, ' ').replace(SEPARATORS, '').length === 0;
}

/** True when nothing but filler remains (extra words may count as filler for one reading). */
export function onlyFiller(rest: string, extra?: RegExp): boolean {
  let s = rest;
  if (extra) s = s.replace(extra, ' ');
  return s.replace(FILLER, ' ').replace(SEPARATORS, '').length === 0;
}
