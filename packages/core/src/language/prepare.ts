/**
 * From normalised text to the form the readers match on: lower case, no emoji or
 * decoration, one spelling per separator (ranges `~`, hyphens `-`, arrows `→`), sentence
 * punctuation turned into spaces, and the kana spellings of our keywords folded into the
 * kanji ones (ていじ → 定時), so each reader lists one spelling only.
 */

/** Emoji, pictographs, skin tones, ZWJ, variation selectors, control and format characters. */
const DECORATION = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Cc}\p{Cf}\p{Co}\uFE00-\uFE0F]|[\u2600-\u27BF\u2B00-\u2BFF]/gu;
const DASHES = /[‐‑‒–—―−]/g;
const WAVES = /[〜～~∼]/g;
const ARROWS = /->|=>|[→⇒➡➔]/g;
/** Sentence punctuation, brackets and quotes: word separators, nothing more. */
const PUNCTUATION = /[。、，,！!;；「」『』【】（）()\[\]{}<>＜＞"“”・…♪☆★*＊#|]/g;
/** A dot that is not a decimal or `18.30` separator. */
const LONE_DOT = /(?<!\d)\.|\.(?!\d)/g;

/** Kana spellings and common slips of our keywords, folded into the canonical spelling. */
const SPELLINGS: [RegExp, string][] = [
  // Sign-offs name a day that is not the answer's: 「また明日」 "see you tomorrow".
  [/また明日|また来週|see (?:you|ya)(?: tomorrow| later| all| on monday)?|good ?night|have a good (?:one|evening|night|weekend)/g, ' '],
  [/ていじ|テイジ|定じ|てい時|提示(?=で|に|$| )|低時/g, '定時'],
  [/みてい|ミテイ|末定/g, '未定'],
  [/ちょっき|チョッキ|直きで/g, '直帰'],
  [/ちょっこう/g, '直行'],
  [/はんきゅう|ハンキュウ|半給/g, '半休'],
  [/ゆうきゅう|有級/g, '有休'],
  [/やすみ/g, '休み'],
  [/きゃんせる|キャンセる|ｷｬﾝｾﾙ/g, 'キャンセル'],
  [/とりけし|取りけし/g, '取り消し'],
  [/れぽーと/g, 'レポート'],
  [/へるぷ/g, 'ヘルプ'],
  [/ごぜん/g, '午前'],
  [/ごご/g, '午後'],
  [/(\d)じはん/g, '$1時半'],
  [/(\d)じ(?!か)/g, '$1時'],
  [/(\d)ぷん|(\d)ふん/g, '$1$2分'],
  // ころ is 頃 only right after a time: 「今のところ」「お客さんのところ」 are places and moments.
  [/(?<=[\d時半分])ころ/g, '頃'],
  [/あさって/g, '明後日'],
  [/あした|あす(?=は|の| |$)/g, '明日'],
  [/きょう(?=は|の| |$)/g, '今日'],
  [/ふつか/g, '2日'],
];

/** Decoration and punctuation removed, separators unified; case kept (names are read from it). */
export function clean(normalized: string): string {
  // Arrows first: some of them are pictographs that DECORATION would drop.
  let s = normalized.replace(ARROWS, '→').replace(DECORATION, ' ');
  s = s.replace(/\b([ap])\.\s?m\b\.?/gi, '$1m');
  s = s.replace(/[’‘`´]/g, "'");
  s = s.replace(DASHES, '-').replace(WAVES, '~');
  // 18ー19時: a long-vowel mark typed as a dash between two numbers.
  s = s.replace(/(?<=\d)\s?ー\s?(?=\d)/g, '~');
  s = s.replace(PUNCTUATION, ' ').replace(LONE_DOT, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** The matching form: cleaned, lower case, keyword spellings folded. */
export function prepare(cleaned: string): string {
  let s = cleaned.toLowerCase();
  for (const [pattern, canonical] of SPELLINGS) s = s.replace(pattern, canonical);
  return s.replace(/\s+/g, ' ').trim();
}
