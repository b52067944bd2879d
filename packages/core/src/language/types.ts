import type { DeclarationState, Locale } from '../domain/types';

/** Everything `understand()` needs besides the text. */
export interface UnderstandContext {
  /** The instant the text was received (Date or ISO string). */
  now: Date | string;
  /** The member's IANA time zone: "today" and "明日" are computed in it. */
  timeZone: string;
  /** The member's language (a hint: both languages are always understood). */
  locale?: Locale;
  /** The room's 定時 `HH:mm` (default 18:00). */
  teiji?: string;
}

export interface DeclareUnderstanding {
  intent: 'declare';
  /** The (first) business date `YYYY-MM-DD` the answer is for. */
  date: string;
  /** Every date it covers when the member named a range (「12/29〜1/3は休み」); absent for one date. */
  dates?: string[];
  state: DeclarationState;
  time?: string;
  approx?: boolean;
  range?: { from: string; to: string };
  lateNight?: boolean;
  /** The member said it as a change (「やっぱり」「変更」 "change to"). */
  change?: boolean;
  /**
   * The reading picked among others that were possible (a bare 「7時」 in the morning):
   * the other readings, `HH:mm`. The engine states its reading when this is present.
   */
  alternatives?: string[];
}

export type Understanding =
  | DeclareUnderstanding
  | { intent: 'cancel'; date: string }
  | { intent: 'help' }
  | { intent: 'search'; name?: string; after?: string; before?: string }
  | { intent: 'report' }
  /** Holidays: `dates` empty asks for the list; with dates and a scope it sets them (admins). */
  | { intent: 'holiday'; dates: string[]; scope?: 'company' | 'room' }
  | { intent: 'unknown' };

export type Intent = Understanding['intent'];
