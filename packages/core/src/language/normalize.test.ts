import { convertKanjiNumerals, kanjiRunValue } from './kanji-numerals';
import { normalizeText } from './normalize';
import { clean, prepare } from './prepare';

describe('normalizeText', () => {
  it('folds full-width characters and half-width kana (NFKC)', () => {
    expect(normalizeText('１８：３０')).toBe('18:30');
    expect(normalizeText('ｔａｎａｋａ')).toBe('tanaka');
    expect(normalizeText('ﾃｲｼﾞ')).toBe('テイジ');
  });

  it('turns kanji numerals that are numbers into digits', () => {
    expect(normalizeText('十八時半')).toBe('18時半');
    expect(normalizeText('二十時十五分')).toBe('20時15分');
    expect(normalizeText('十二月二十四日は休み')).toBe('12月24日は休み');
    expect(normalizeText('一時間半後')).toBe('1時間半後');
    expect(normalizeText('三十分後')).toBe('30分後');
    expect(normalizeText('三人')).toBe('3人');
  });

  it('keeps kanji numerals that are words', () => {
    expect(normalizeText('一覧')).toBe('一覧');
    expect(normalizeText('一緒に帰る')).toBe('一緒に帰る');
    expect(normalizeText('十分です')).toBe('十分です'); // "enough", not 10 minutes
    expect(normalizeText('一日休み')).toBe('一日休み'); // "a whole day", not the 1st
  });

  it('folds every run of whitespace into one space and trims', () => {
    expect(normalizeText('  お疲れ様です\n\n18:30\t で　帰ります  ')).toBe('お疲れ様です 18:30 で 帰ります');
    expect(normalizeText('')).toBe('');
  });

  it('keeps case: names are shown back as typed', () => {
    expect(normalizeText('Ken Tanaka')).toBe('Ken Tanaka');
  });
});

describe('kanji numeral values', () => {
  it.each([
    ['十', 10], ['十八', 18], ['二十', 20], ['二十五', 25], ['百', 100], ['百二十', 120], ['一八', 18], ['〇', 0],
  ])('%s is %d', (run, value) => expect(kanjiRunValue(run)).toBe(value));

  it('rejects runs that are not numbers', () => {
    expect(kanjiRunValue('十十')).toBeUndefined();
    expect(kanjiRunValue('三五十')).toBeUndefined();
    expect(convertKanjiNumerals('十十時')).toBe('十十時');
  });
});

describe('prepare (the matching form)', () => {
  const p = (s: string) => prepare(clean(normalizeText(s)));
  it('lower-cases, unifies range marks and drops decoration', () => {
    expect(p('18時〜19時😊')).toBe('18時~19時');
    expect(p('6 P.M.')).toBe('6 pm');
    expect(p('18時→19時')).toBe('18時→19時');
    expect(p('「18時半」で！')).toBe('18時半 で');
  });

  it('folds kana spellings of keywords', () => {
    expect(p('ていじで')).toBe('定時で');
    expect(p('テイジ')).toBe('定時');
    expect(p('あしたは18じ')).toBe('明日は18時');
  });

  it('keeps decimals and clock dots', () => {
    expect(p('18.30')).toBe('18.30');
    expect(p('1.5時間後。')).toBe('1.5時間後');
  });
});
