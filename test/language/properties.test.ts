import fc from 'fast-check';
import { understand, normalizeText, type UnderstandContext, type Understanding } from '../../packages/core/src/language';
import { corpusFiles, loadCorpus } from './corpus';

/**
 * What must hold for ANY text: understand() never throws, always returns a well-formed
 * Understanding, never declares a date before today, and answers fast — over random
 * Unicode, random mutations of real answers, and hostile inputs.
 */

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ZONES = ['Asia/Tokyo', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'Pacific/Kiritimati', 'America/St_Johns'];
const INTENTS = ['declare', 'cancel', 'help', 'search', 'report', 'holiday', 'unknown'];
const STATES = ['leaving', 'undecided', 'direct', 'off', 'half_am', 'half_pm'];

/**
 * A hang guard, not a benchmark (scripts/eval-language.js measures the real figure, tens
 * of microseconds): a catastrophic regex would take seconds. A GC pause or a busy CI
 * machine can stretch one call, so a slow call is timed again before it counts.
 */
const SLOW_CALL_MS = 50;

const corpus = corpusFiles().flatMap((f) => loadCorpus(f)).map((c) => c.utterance);

const contexts: fc.Arbitrary<UnderstandContext> = fc.record({
  now: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }),
  timeZone: fc.constantFrom(...ZONES),
  teiji: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`), { nil: undefined }),
});

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...'0123456789０１２３十時分半:：/〜~-後頃日月休定未直帰明金曜 pmat'.split('')), maxLength: 30 }),
);

/** A corpus line with characters inserted, deleted or replaced at random places. */
const mutatedLine = fc
  .tuple(fc.constantFrom(...corpus), fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 })), { maxLength: 4 }))
  .map(([line, edits]) => {
    let s = line;
    for (const [at, kind, piece] of edits) {
      const i = s.length ? at % (s.length + 1) : 0;
      s = kind === 'insert' ? s.slice(0, i) + piece + s.slice(i) : kind === 'delete' ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + piece + s.slice(i + 1);
    }
    return s;
  });

function localToday(ctx: UnderstandContext): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ctx.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ctx.now));
}

/** Throws (fails the property) when `u` is not a well-formed Understanding. */
function checkWellFormed(u: Understanding, ctx: UnderstandContext): void {
  expect(INTENTS).toContain(u.intent);
  const today = localToday(ctx);
  switch (u.intent) {
    case 'declare':
      expect(u.date).toMatch(DATE);
      expect(u.date >= today).toBe(true);
      expect(STATES).toContain(u.state);
      if (u.time !== undefined) expect(u.time).toMatch(TIME);
      if (u.state === 'leaving') expect(u.time).toBeDefined();
      if (u.dates) {
        expect(u.dates[0]).toBe(u.date);
        u.dates.forEach((d) => expect(d).toMatch(DATE));
        expect([...u.dates].sort()).toEqual(u.dates);
      }
      u.alternatives?.forEach((t) => expect(t).toMatch(TIME));
      if (u.range) {
        expect(u.range.from).toMatch(TIME);
        expect(u.range.to).toBe(u.time);
      }
      break;
    case 'cancel':
      expect(u.date).toMatch(DATE);
      expect(u.date >= today).toBe(true);
      break;
    case 'search':
      if (u.after !== undefined) expect(u.after).toMatch(TIME);
      if (u.before !== undefined) expect(u.before).toMatch(TIME);
      if (u.name !== undefined) expect(u.name.trim().length).toBeGreaterThan(0);
      expect(u.name !== undefined || u.after !== undefined || u.before !== undefined).toBe(true);
      break;
    case 'holiday':
      u.dates.forEach((d) => expect(d).toMatch(DATE));
      if (u.dates.length) expect(u.scope).toBeDefined();
      break;
  }
}

function timed(text: string, ctx: UnderstandContext): Understanding {
  const time = () => {
    const start = performance.now();
    understand(text, ctx);
    return performance.now() - start;
  };
  if (time() >= SLOW_CALL_MS) expect(Math.min(time(), time(), time())).toBeLessThan(SLOW_CALL_MS);
  return understand(text, ctx);
}

// The first calls compile regexes and load zone data: time the warm function, as in production.
beforeAll(() => {
  for (const timeZone of ZONES) for (const line of corpus) understand(line, { now: new Date(), timeZone });
});

describe('understand() on any input', () => {
  it('never throws and always returns a well-formed understanding (random text)', () => {
    fc.assert(fc.property(anyText, contexts, (text, ctx) => checkWellFormed(timed(text, ctx), ctx)), { numRuns: 1500 });
  });

  it('never throws on mutated corpus lines, and stays well-formed', () => {
    fc.assert(fc.property(mutatedLine, contexts, (text, ctx) => checkWellFormed(timed(text, ctx), ctx)), { numRuns: 1500 });
  });

  it('handles hostile and huge inputs quickly', () => {
    const ctx = { now: '2026-12-07T09:00:00+09:00', timeZone: 'Asia/Tokyo' };
    const hostile = [
      '', ' ', '\u0000\u0001\u0007\u001b[31m', '🙏'.repeat(300), '18時'.repeat(2500), 'a'.repeat(10_000), '1'.repeat(10_000),
      '〜'.repeat(499) + '19時', '12/'.repeat(160), "'; DROP TABLE declarations; --", '<img src=x onerror=alert(1)>18時',
      '\uD800\uDC00\uD800', '\u202E18:30', '18時\n'.repeat(120), ' '.repeat(10_000) + '18時',
    ];
    for (const text of hostile) checkWellFormed(timed(text, ctx), ctx);
    expect(understand('a'.repeat(10_000), ctx)).toEqual({ intent: 'unknown' });
  });

  it('tolerates a broken context instead of throwing', () => {
    const broken = [
      { now: 'not a date', timeZone: 'Asia/Tokyo' },
      { now: '2026-12-07T09:00:00+09:00', timeZone: 'Mars/Olympus' },
      { now: '2026-12-07T09:00:00+09:00', timeZone: 'Asia/Tokyo', teiji: '99:99' },
      { now: new Date(Number.NaN), timeZone: 'UTC' },
    ] as UnderstandContext[];
    for (const ctx of broken) {
      for (const text of ['18時', 'help', '明日は休み', '田中さん']) expect(() => understand(text, ctx)).not.toThrow();
    }
    expect(understand('18時', broken[1])).toEqual({ intent: 'unknown' });
    expect(understand('18時', broken[2])).toMatchObject({ intent: 'declare', time: '18:00' });
  });
});

describe('understand() is blind to how characters are typed', () => {
  const ctx = { now: '2026-12-07T09:00:00+09:00', timeZone: 'Asia/Tokyo' };
  const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  it('reads full-width ASCII exactly as half-width', () => {
    fc.assert(fc.property(fc.constantFrom(...corpus), (line) => {
      expect(understand(toFullWidth(line), ctx)).toEqual(understand(line, ctx));
    }), { numRuns: 400 });
  });

  it('ignores surrounding spaces, line breaks and emoji', () => {
    const pads = fc.constantFrom(' ', '\n', '　', ' 🙏', '😊', '\t');
    fc.assert(fc.property(fc.constantFrom(...corpus), pads, pads, (line, before, after) => {
      expect(understand(before + line + after, ctx)).toEqual(understand(line, ctx));
    }), { numRuns: 400 });
  });

  it('normalizeText is idempotent and never grows whitespace', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
      const once = normalizeText(s);
      expect(normalizeText(once)).toBe(once);
      expect(once).not.toMatch(/\s{2}|^\s|\s$/);
    }), { numRuns: 1000 });
  });
});

describe('numbers that are not times never become declarations', () => {
  const ctx = { now: '2026-12-07T09:00:00+09:00', timeZone: 'Asia/Tokyo' };
  it('a count, a room number or a bare number is not a leave time', () => {
    const counters = fc.constantFrom('人', '名', '個', '件', '回', '階', '号室', ' people', ' rooms', '%', '円', 'kg');
    fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), counters, (n, unit) => {
      expect(understand(`${n}${unit}`, ctx).intent).not.toBe('declare');
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), (n) => {
      expect(understand(String(n), ctx).intent).not.toBe('declare');
      expect(understand(`room ${n}`, ctx).intent).not.toBe('declare');
    }));
  });
});
