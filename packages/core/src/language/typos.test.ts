import { correctTypos, withinOneEdit } from './typos';

describe('withinOneEdit', () => {
  it.each([
    ['help', 'help', true], ['hlep', 'help', true], ['hel', 'help', true], ['helps', 'help', true], ['halp', 'help', true],
    ['hpel', 'help', false], ['report', 'board', false], ['', 'a', true], ['ab', 'ba', true],
  ])('%s ~ %s: %s', (a, b, expected) => expect(withinOneEdit(a, b)).toBe(expected));
});

describe('correctTypos', () => {
  it('fixes one slip in a keyword', () => {
    expect(correctTypos('hlep')).toBe('help');
    expect(correctTypos('reprot')).toBe('report');
    expect(correctTypos('cancle')).toBe('cancel');
    expect(correctTypos('tomorow at 6pm')).toBe('tomorrow at 6pm');
    expect(correctTypos('キャンセ')).toBe('キャンセル');
    expect(correctTypos('ヘルブ')).toBe('ヘルプ');
  });

  it('leaves known words, short words and long texts alone', () => {
    expect(correctTypos('help')).toBe('help');
    expect(correctTypos('at')).toBe('at');
    const long = 'hlep '.repeat(20);
    expect(correctTypos(long)).toBe(long);
  });
});
