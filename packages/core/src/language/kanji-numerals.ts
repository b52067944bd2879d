/**
 * Kanji numerals → ASCII digits, but only where they are numbers.
 *
 * 一覧 (list), 一緒, 十分 (enough), 一日 (a whole day) must stay words, so a run of kanji
 * numerals is converted only when a counter that makes it a number follows it
 * (時, 時間, 分 after a time, 月, 日 after a month, 人, 年, 週, 回, 名, 度 of …) or when it
 * sits next to ASCII digits. 十分 alone reads as "enough"; 十分後 / 十八時十分 as minutes.
 */

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** A run of kanji numerals (bounded: four-digit numbers are the most we ever need). */
const RUN = /[〇零一二三四五六七八九十百]{1,8}/g;

/** Counters after which a kanji run is a number. 分 is handled apart (十分 = enough). */
const COUNTER_AFTER = /^(?:時|月|人|名|年|週|回|ヶ|か月|ヵ|箇|個|件|号|階|歳|才|時間|半)/;
const MINUTE_AFTER = /^分(?:後|前|過|すぎ|頃|ごろ|くらい|ぐらい|程|ほど|で(?!す)|まで|以|から)/;

/** The value of one kanji numeral run, or undefined when it is not well formed. */
export function kanjiRunValue(run: string): number | undefined {
  if (!/[十百]/.test(run)) {
    // Positional digits (一八 → 18, 二〇二六 → 2026).
    let v = 0;
    for (const ch of run) v = v * 10 + DIGIT[ch];
    return v;
  }
  let total = 0;
  let current: number | undefined;
  let lastUnit = 1000;
  for (const ch of run) {
    if (ch in DIGIT) {
      if (current !== undefined) return undefined; // 三五十: not a number
      current = DIGIT[ch];
    } else {
      const unit = ch === '百' ? 100 : 10;
      if (unit >= lastUnit) return undefined; // 十十, 十百
      total += (current ?? 1) * unit;
      current = undefined;
      lastUnit = unit;
    }
  }
  return total + (current ?? 0);
}

/** Replaces kanji numeral runs that are numbers by their ASCII digits. */
export function convertKanjiNumerals(text: string): string {
  if (!/[〇零一二三四五六七八九十百]/.test(text)) return text;
  return text.replace(RUN, (run, offset: number) => {
    const before = text.slice(Math.max(0, offset - 1), offset);
    const after = text.slice(offset + run.length, offset + run.length + 4);
    const value = kanjiRunValue(run);
    if (value === undefined) return run;
    const isNumber =
      COUNTER_AFTER.test(after) ||
      (after.startsWith('日') && /月$/.test(before)) ||
      (after.startsWith('分') && (/時$/.test(before) || MINUTE_AFTER.test(after))) ||
      /[0-9]/.test(before) ||
      /^[0-9:]/.test(after);
    return isNumber ? String(value) : run;
  });
}
