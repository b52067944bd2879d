import type { LocalClock } from './clock';
import { readClockTime } from './clock-time';
import { readDates } from './dates';
import { onlyFiller } from './filler';
import { APPROX, CANCEL, CANCEL_FILLER, CHANGE } from './markers';
import { readRelativeTime } from './relative-time';
import { Scan } from './scan';
import { readState } from './states';
import { readTeiji } from './teiji';
import { INVALID, timeFields, type Read, type TimeReading } from './time-reading';
import type { Understanding } from './types';

/**
 * A member's answer for a date: the readers each consume what they understand (dates,
 * state words, a time, markers), and the answer counts only when nothing but filler is
 * left. A date alone (「明日」) or a marker alone (「やっぱり」) declares nothing.
 */

/** Only the explicit cancel words: 「残業なしで定時」 is no change. */
const CANCEL_BESIDE_VALUE = /取り消し|取消|キャンセル|(?<![a-z])cancel(?![a-z])/g;

/** Clause ends that introduce a reason: 「会議が長引くので」「体調不良のため」 "meeting ran late, so". */
const REASON_CLAUSE = /^.{0,200}?(?:ので|なので|ため|ために|けど|けれど|けれども|だから|から、|,\s?so|\sso|because)\s?/;
/** "… because of X" at the end: the reason, not the answer. */
const REASON_TAIL = /\s(?:because|since|due to|as i|for a|for the|bc)\s.{0,200}$/;

export interface DeclarationOptions {
  /** Drop a leading reason clause and a trailing "because …" (second pass only). */
  skipReasons?: boolean;
}

export function readCancel(s: string, clock: LocalClock): Understanding | undefined {
  const scan = new Scan(s);
  const dates = readDates(scan, clock);
  if (dates === INVALID || (dates && dates.length > 1)) return undefined;
  if (!scan.take(CANCEL) || !onlyFiller(scan.rest, CANCEL_FILLER)) return undefined;
  const date = dates?.[0] ?? clock.today;
  return date < clock.today ? undefined : { intent: 'cancel', date };
}

function readTime(scan: Scan, clock: LocalClock, isToday: boolean): Read<TimeReading> {
  for (const reader of [
    () => readTeiji(scan, clock),
    () => readRelativeTime(scan, clock, isToday),
    () => readClockTime(scan, clock, isToday),
  ]) {
    const reading = reader();
    if (reading !== undefined) {
      // A second time after the first is a contradiction, not a detail.
      return reading === INVALID || readClockTime(scan, clock, isToday) !== undefined ? INVALID : reading;
    }
  }
  return undefined;
}

export function readDeclaration(s: string, clock: LocalClock, options: DeclarationOptions = {}): Understanding | undefined {
  const arrow = s.lastIndexOf('→');
  // 「18時→19時」: the new value follows the last arrow.
  const scan = new Scan(arrow >= 0 ? s.slice(arrow + 1) : s);
  let change = arrow >= 0;

  const dates = readDates(scan, clock);
  if (dates === INVALID) return undefined;
  const date = dates?.[0] ?? clock.today;
  if (date < clock.today) return undefined;
  if (options.skipReasons) scan.rest = scan.rest.replace(REASON_TAIL, ' ').replace(REASON_CLAUSE, ' ');

  const { state: stateWord, conflict } = readState(scan);
  if (conflict) return undefined;
  const reading = readTime(scan, clock, date === clock.today);
  if (reading === INVALID) return undefined;
  if (scan.take(CHANGE)) change = true;
  const approx = scan.take(APPROX);
  // 「19時は取り消して20時」: a cancel word beside a new value is a change.
  if (reading && scan.take(CANCEL_BESIDE_VALUE)) change = true;
  if (!onlyFiller(scan.rest)) return undefined;

  let state = stateWord;
  if (!reading) {
    if (state === 'loose-off') state = 'off';
    // A date or a marker alone declares nothing; 半休 alone does not say which half.
    if (!state || state === 'half') return undefined;
    return { intent: 'declare', date, ...(dates && dates.length > 1 ? { dates } : {}), state, ...(change ? { change } : {}) };
  }
  if (state === 'off' || (dates && dates.length > 1)) return undefined; // a time on a day off, or one time for many days
  if (state === 'half') state = 'half_pm';
  if (state === 'loose-off') state = 'leaving';
  // 「未定、たぶん20時頃」: a time given anyway is the answer, kept approximate.
  // 午後半休 says it is the afternoon: 「12時半」 beside it is not also 00:30.
  const fields = timeFields(state === 'half_pm' ? { ...reading, alternatives: undefined } : reading);
  return {
    intent: 'declare',
    date,
    state: state === 'undecided' || !state ? 'leaving' : state,
    ...fields,
    ...(approx || state === 'undecided' ? { approx: true } : {}),
    ...(change ? { change } : {}),
  };
}
