import { localClock, type LocalClock } from './clock';
import { isHelp, isReport } from './commands';
import { readCancel, readDeclaration } from './declaration';
import { readHoliday } from './holidays';
import { normalizeText } from './normalize';
import { clean, prepare } from './prepare';
import { readNameSearch, readTimeSearch } from './search';
import { correctTypos } from './typos';
import type { UnderstandContext, Understanding } from './types';

/**
 * The longest message we read, in characters. A reply to "when do you leave today?" is a
 * line; past this the text is a paste or an accident, and reading it would only risk a
 * wrong guess (and cost time on every regex): it is not understood.
 */
export const MAX_UNDERSTOOD_LENGTH = 500;

const UNKNOWN: Understanding = { intent: 'unknown' };

/**
 * What a member meant, read in their time zone against `ctx.now` and the room's 定時.
 * Pure and fast: no I/O, no server zone. Anything it cannot read with confidence is
 * `{ intent: 'unknown' }`, never a guess.
 *
 * @example
 * understand('18時半', { now: '2026-12-07T09:00:00+09:00', timeZone: 'Asia/Tokyo' })
 * // → { intent: 'declare', date: '2026-12-07', state: 'leaving', time: '18:30' }
 */
export function understand(text: string, ctx: UnderstandContext): Understanding {
  if (typeof text !== 'string' || text.length > MAX_UNDERSTOOD_LENGTH * 4) return UNKNOWN;
  const normalized = normalizeText(text);
  if (normalized.length === 0 || normalized.length > MAX_UNDERSTOOD_LENGTH) return UNKNOWN;
  const cleaned = clean(normalized);
  const s = prepare(cleaned);
  if (s.length === 0) return UNKNOWN;
  let memo: LocalClock | undefined | null = null;
  const clock = () => (memo === null ? (memo = localClock(ctx)) : memo);

  const first = read(s, cleaned, clock);
  if (first) return first;
  const corrected = correctTypos(s);
  const second = corrected !== s ? read(corrected, corrected, clock) : undefined;
  if (second) return second;
  // Last: an answer behind a reason (「会議が長引くので19時頃」).
  const c = clock();
  return (c && readDeclaration(s, c, { skipReasons: true })) || UNKNOWN;
}

function read(s: string, cleaned: string, clock: () => LocalClock | undefined): Understanding | undefined {
  if (isHelp(s)) return { intent: 'help' };
  const c = clock();
  const holiday = readHoliday(s, c);
  if (holiday) return holiday;
  if (isReport(s)) return { intent: 'report' };
  const byName = readNameSearch(cleaned);
  if (byName) return byName;
  if (!c) return undefined;
  return readTimeSearch(s, c) ?? readCancel(s, c) ?? readDeclaration(s, c);
}
