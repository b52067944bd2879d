import { onlyFiller } from './filler';
import { phrases, Scan } from './scan';

/**
 * Help and the report board, in natural phrasing. A command is recognised only when its
 * keyword is essentially the whole message (「レポート見せて」 yes, 「レポート書いてから帰る」 no).
 */

const HELP = phrases([
  'help', 'ヘルプ', '使い方', '使いかた', '何ができる', 'なにができる', '何ができますか', 'できること', 'コマンド一覧', 'コマンド', '説明', 'マニュアル', 'どうやって使う', '使い方がわからない', 'how to use', 'how do i use', 'what can you do', 'what can i say', 'what do you understand', 'commands', 'usage', 'how does this work', 'manual', 'instructions',
]);
const HELP_FILLER = phrases(['を', 'が', 'わからない', 'わかりません', '?', 'の', '教えて', 'ください', '下さい', '見せて', 'は', 'の', 'ですか', 'か', 'show', 'me', 'please', 'need', 'you', 'the', 'this', 'bot', 'ボット', 'bot の']);

const REPORT = phrases([
  'レポート', 'レポ', '一覧', 'ボード', '掲示板', 'みんなの退社時間', 'みんなの予定', 'みんなの帰宅時間', '全員の予定', '全員の退社時間', 'みんな何時に帰る', '誰が何時に帰る', 'だれが何時に帰る',
  '退社時間一覧', '退社予定一覧', '帰宅時間一覧', '退社時間', '退社予定', 'みんなの状況', '状況', 'みんなは何時', 'みんな何時', 'みんなの', '全員の', 'チームの状況',
  'report', 'board', 'the board', 'status', 'list', 'who is leaving when', "who's leaving when", 'whos leaving when', 'who leaves when', 'when is everyone leaving', "when's everyone leaving", 'when does everyone leave', "everyone's times", 'team status', 'leave times', 'summary',
]);
const REPORT_FILLER = phrases(['見せて', '表示', '出して', '教えて', 'ください', '下さい', 'お願い', '今日の', '本日の', 'は', 'の', 'を', 'show', 'me', 'display', 'the', "today's", 'todays', 'get', 'post', 'what is', "what's", 'whats', 'see', 'view', 'can i', 'could you', 'team', 'of']);

/** `?` or `？` alone asks for help. */
const ONLY_QUESTION_MARKS = /^\?+$/;

function isOnly(s: string, keyword: RegExp, filler: RegExp): boolean {
  const scan = new Scan(s);
  return scan.take(keyword) && onlyFiller(scan.rest, filler);
}

export function isHelp(s: string): boolean {
  return ONLY_QUESTION_MARKS.test(s.replace(/\s/g, '')) || isOnly(s, HELP, HELP_FILLER);
}

export function isReport(s: string): boolean {
  return isOnly(s, REPORT, REPORT_FILLER);
}
