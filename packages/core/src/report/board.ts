import type { DeclarationValue, Locale, Member, Room } from '../domain/types';
import { minutesOf } from '../calendar/zoned';
import { formatDate, formatValue } from '../i18n/format';

/** One row of a room's board: a member and what they declared, if anything. */
export interface BoardEntry {
  member: Pick<Member, 'id' | 'name'>;
  declaration?: DeclarationValue;
}

export interface Board {
  room: Pick<Room, 'name' | 'lateFrom'>;
  date: string;
  entries: BoardEntry[];
}

/** Rank of rows without a time, after every timed row. */
const UNTIMED_RANK: Record<DeclarationValue['state'], number> = {
  leaving: 0,
  half_am: 1,
  direct: 2,
  half_pm: 3,
  undecided: 4,
  off: 5,
};
const UNANSWERED_RANK = 6;

/** Minutes after the business date's midnight; 「25時」 (late night) sorts after 23:59. */
function sortMinutes(value: DeclarationValue): number {
  return minutesOf(value.time!) + (value.lateNight ? 1440 : 0);
}

export function isLate(value: DeclarationValue | undefined, lateFrom: string): boolean {
  if (!value?.time || value.state === 'off') return false;
  return value.lateNight === true || minutesOf(value.time) >= minutesOf(lateFrom);
}

/** Orders rows: timed ones by time, then direct, half days, undecided, off, unanswered. Stable. */
export function orderEntries(entries: BoardEntry[]): BoardEntry[] {
  const key = (e: BoardEntry): [number, number] => {
    const d = e.declaration;
    if (!d) return [1, UNANSWERED_RANK];
    if (d.time && d.state !== 'off') return [0, sortMinutes(d)];
    return [1, UNTIMED_RANK[d.state]];
  };
  return entries
    .map((entry, index) => ({ entry, index, key: key(entry) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
    .map((x) => x.entry);
}

export interface BoardSummary {
  total: number;
  answered: number;
  unanswered: number;
  off: number;
  late: number;
}

export function summarize(board: Board): BoardSummary {
  const answered = board.entries.filter((e) => e.declaration).length;
  return {
    total: board.entries.length,
    answered,
    unanswered: board.entries.length - answered,
    off: board.entries.filter((e) => e.declaration?.state === 'off').length,
    late: board.entries.filter((e) => isLate(e.declaration, board.room.lateFrom)).length,
  };
}

/** The board as plain text, one member a line, with a summary line. */
export function renderBoard(board: Board, locale: Locale): string {
  const ja = locale === 'ja';
  const rows = orderEntries(board.entries).map((e) => {
    const label = e.declaration ? formatValue(e.declaration, locale) : ja ? '未回答' : 'no answer';
    const late = isLate(e.declaration, board.room.lateFrom) ? ' 🌙' : '';
    return `${label.padEnd(ja ? 8 : 14, ' ')} ${e.member.name}${late}`;
  });
  const s = summarize(board);
  const title = ja ? `【${board.room.name}】${formatDate(board.date, locale)}の退社予定` : `${board.room.name} — leave times for ${formatDate(board.date, locale)}`;
  const summary = ja
    ? `回答 ${s.answered}/${s.total}人・未回答 ${s.unanswered}人・休み ${s.off}人・${board.room.lateFrom}以降 ${s.late}人`
    : `Answered ${s.answered}/${s.total} · no answer ${s.unanswered} · off ${s.off} · late (${board.room.lateFrom}+) ${s.late}`;
  const empty = ja ? '（メンバーがいません）' : '(no members)';
  return [title, ...(rows.length ? rows : [empty]), '―――', summary].join('\n');
}
