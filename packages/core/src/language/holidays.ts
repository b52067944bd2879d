import type { LocalClock } from './clock';
import { readDates } from './dates';
import { onlyFiller } from './filler';
import { phrases, Scan } from './scan';
import { INVALID } from './time-reading';
import type { Understanding } from './types';

/**
 * Holidays: 「休日一覧」 "holidays" ask for the list; a date (or range) with a scope word
 * sets them, 「12/29〜1/3は会社休み」 (company) or 「12/24はチーム休み」 (room). A date with
 * 休日 and no scope (「12/24は休日」) is the member's own day off: left to the declaration.
 */

const LIST = phrases([
  '休日一覧', '休日', '休日設定', '休日の設定', '休みの一覧', '休み一覧', '祝日', '祝日一覧', '休業日', '次の休み', '休みの日', '休みはいつ', '次の休日', '今後の休日', 'カレンダー',
  'holidays', 'holiday', 'holiday list', 'list holidays', 'list of holidays', 'show holidays', 'upcoming holidays', 'public holidays', 'next holiday', 'days off list', 'calendar',
]);
const COMPANY = phrases([
  '会社の休日', '会社休日', '会社の休み', '会社休み', '全社休み', '全社休日', '全社の休み', '全社の休日', '会社の休業日', '会社休業日', '休業日', '会社全体の休み', '会社全体で休み', '会社',
  'company holiday', 'company holidays', 'company day off', 'company-wide holiday', 'company wide holiday', 'office closed', 'office closure', 'company closed', 'company',
]);
const ROOM = phrases([
  'チームの休日', 'チーム休日', 'チームの休み', 'チーム休み', '部署の休み', '部署休み', '部署の休日', 'ルームの休日', 'ルーム休日', 'ルームの休み', 'ルーム休み', '部の休み', '課の休み', 'グループの休み', 'チーム',
  'room holiday', 'room holidays', 'team holiday', 'team holidays', 'team day off', 'room day off', 'room', 'team',
]);
const SET_FILLER = phrases([
  '設定', 'に設定', 'にして', 'にする', 'として', '登録', '追加', '休日', '休み', 'ください', '下さい', 'set', 'add', 'as', 'a', 'mark', 'holiday', 'holidays', 'day off', 'days off', 'closed', 'is', 'are', 'through', 'from',
]);
const LIST_FILLER = phrases(['一覧', '見せて', '表示', '教えて', 'ください', '下さい', '出して', 'いつ', '何日', 'は', 'の', 'を', 'show', 'me', 'list', 'the', 'what are', 'when are', 'upcoming', 'our', 'all', 'see']);

/** A scope word alone (会社, team) is not about holidays: 「会社を出ます」 is leaving. */
const HOLIDAY_WORD = /休|holiday|closed|closure|off/;
/** 「明日は会社休みます」 is the member taking a day off, not the company closing. */
const PERSONAL = /休みます|休む|休ませて|休みをもら|休みを取|take|taking|i'm|im\s/;

export function readHoliday(s: string, clock: LocalClock | undefined): Understanding | undefined {
  if (PERSONAL.test(s)) return undefined;
  const scan = new Scan(s);
  const dates = clock ? readDates(scan, clock) : undefined;
  if (dates === INVALID) return undefined;
  const company = scan.take(COMPANY);
  const room = !company && scan.take(ROOM);
  if (dates && (company || room) && HOLIDAY_WORD.test(s)) {
    if (!onlyFiller(scan.rest, SET_FILLER)) return undefined;
    return { intent: 'holiday', dates, scope: company ? 'company' : 'room' };
  }
  if (dates) return undefined;
  const listed = scan.take(LIST) || ((company || room) && HOLIDAY_WORD.test(s));
  return listed && onlyFiller(scan.rest, LIST_FILLER) ? { intent: 'holiday', dates: [] } : undefined;
}
