/**
 * One-character slips in keywords ("hlep", "reprot", "cancle", 「キャンセ」): tried only
 * after a first reading found nothing, and only on short texts, so a correct answer never
 * pays for it and a long one never gets "corrected" into something else.
 */

const LATIN_KEYWORDS = [
  'help', 'report', 'board', 'cancel', 'undo', 'tomorrow', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'holiday', 'holidays', 'vacation', 'usual', 'undecided', 'around', 'about', 'change', 'actually', 'leaving', 'leave', 'direct', 'directly', 'afternoon', 'morning',
  'minutes', 'hours', 'after', 'before', 'sick', 'company', 'search', 'status', 'regular', 'instead', 'approx',
];
const JA_KEYWORDS = ['キャンセル', 'レポート', 'ヘルプ', '取り消し', '使い方', '休日一覧', '直行直帰', '午前半休', '午後半休'];

/** The longest text we try to correct. */
export const MAX_TYPO_TEXT = 60;

/** Optimal string alignment distance, stopping early past 1 (we only care about ≤ 1). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  return (
    restA === restB || // substitution
    a.slice(i + 1) === b.slice(i) || // deletion from a
    a.slice(i) === b.slice(i + 1) || // insertion into a
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) // transposition
  );
}

function correctLatin(word: string): string {
  if (word.length < 4 || LATIN_KEYWORDS.includes(word)) return word;
  const hits = LATIN_KEYWORDS.filter((k) => withinOneEdit(word, k));
  return hits.length === 1 ? hits[0] : word;
}

/** The text with slipped keywords replaced, or the same text when nothing looked slipped. */
export function correctTypos(s: string): string {
  if (s.length > MAX_TYPO_TEXT) return s;
  let out = s.replace(/[a-z]+/g, correctLatin);
  for (const k of JA_KEYWORDS) {
    if (out.includes(k)) continue;
    out = correctJapanese(out, k);
  }
  return out;
}

function correctJapanese(s: string, keyword: string): string {
  // Same length first: 「ヘルブ」 is ヘルプ misspelt, not ヘル + ブ.
  for (const len of [keyword.length, keyword.length - 1, keyword.length + 1]) {
    for (let i = 0; i + len <= s.length; i++) {
      const window = s.slice(i, i + len);
      // The first letter must be right: slips happen inside a word, and it keeps 「取り」 noise away.
      if (window[0] === keyword[0] && withinOneEdit(window, keyword)) return s.slice(0, i) + keyword + s.slice(i + len);
    }
  }
  return s;
}
