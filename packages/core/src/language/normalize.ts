import { convertKanjiNumerals } from './kanji-numerals';

/**
 * The text as the engine compares it: NFKC (full-width digits, letters and half-width
 * kana folded), kanji numerals that are numbers turned into digits (十八時半 → 18時半,
 * but 一覧 stays), every run of whitespace (line breaks, ideographic spaces) folded into
 * one space, trimmed. Case is kept: names are shown back to people as they typed them.
 */
export function normalizeText(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  return convertKanjiNumerals(text.normalize('NFKC')).replace(/\s+/g, ' ').trim();
}
