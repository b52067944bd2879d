/** The vocabulary of shared/DESIGN.md as plain data: no behaviour, no platform types. */

export type Locale = 'ja' | 'en';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type DeclarationState = 'leaving' | 'undecided' | 'direct' | 'off' | 'half_am' | 'half_pm';

export const DECLARATION_STATES: readonly DeclarationState[] = [
  'leaving',
  'undecided',
  'direct',
  'off',
  'half_am',
  'half_pm',
];

/** What a member declared for one business date, without bookkeeping. */
export interface DeclarationValue {
  state: DeclarationState;
  /** Local leave time `HH:mm` (for `leaving`, and optionally `direct`). */
  time?: string;
  /** 頃 / "around": the time is approximate. */
  approx?: boolean;
  /** The range the member typed (「18〜19時」), kept as said; `time` is its end. */
  range?: { from: string; to: string };
  /** The time is past midnight of the business date (「25時」 → 01:00). */
  lateNight?: boolean;
}

export interface Declaration extends DeclarationValue {
  memberId: string;
  /** Business date `YYYY-MM-DD` in the member's time zone. */
  date: string;
  /** ISO instant of the last change. */
  updatedAt: string;
}

/** One entry of a declaration's history: what it was before and after a change. */
export interface DeclarationChange {
  memberId: string;
  date: string;
  /** ISO instant of the change. */
  at: string;
  /** `undefined` when the declaration was created. */
  before?: DeclarationValue;
  /** `undefined` when the declaration was cleared (取り消し). */
  after?: DeclarationValue;
  /** The text or button value that caused it, as received. */
  source?: string;
}

export interface Member {
  /** Platform-qualified id, e.g. `slack:T1:U2`; opaque to core. */
  id: string;
  name: string;
  aliases: string[];
  /** IANA zone; when absent the member's first room's zone is used. */
  timeZone?: string;
  locale?: Locale;
}

export interface Room {
  id: string;
  name: string;
  timeZone: string;
  locale: Locale;
  /** ISO 3166 country whose national holidays apply (`JP` by default). */
  country: string;
  /** Local time of the morning hearing, `HH:mm`. */
  hearingAt: string;
  /** Local time of the report, `HH:mm`. */
  reportAt: string;
  /**
   * More report times of the day, `HH:mm` (e.g. `['17:00']`), besides `reportAt`; each is
   * its own job, so one report per room per report time per day.
   */
  reportTimes?: string[];
  /** Minutes after the hearing to remind members who have not answered; 0 or `null` turns reminders off (default 30). */
  reminderAfterMinutes?: number | null;
  /** 定時: the standard leave time, `HH:mm`. */
  teiji: string;
  /** Declared times at or after this are marked late on the board, `HH:mm`. */
  lateFrom: string;
  workDays: Weekday[];
  /** Member ids, in board order when times are equal. */
  members: string[];
  /** Room-only holidays, `YYYY-MM-DD`. */
  holidays: string[];
}

export type JobKind = 'hearing' | 'reminder' | 'report';

export type JobStatus = 'claimed' | 'sent' | 'failed' | 'skipped';

/** One promised send: claimed once, sent once, recorded. */
export interface Job {
  /** Unique key `kind:date:target`. */
  key: string;
  kind: JobKind;
  date: string;
  /** Member id (hearing, reminder) or room id (report). */
  target: string;
  /** ISO instant it was due. */
  dueAt: string;
  status: JobStatus;
  /** Who holds the claim (an instance id). */
  owner?: string;
  /** ISO instant after which an unfinished claim may be taken over (its holder died). */
  leaseUntil?: string;
  /** Why it failed or was skipped. */
  reason?: string;
  /** The platform's reference to the sent message, for edits. */
  ref?: string;
  /** ISO instant of the outcome. */
  doneAt?: string;
}

export function jobKey(kind: JobKind, date: string, target: string): string {
  return `${kind}:${date}:${target}`;
}
