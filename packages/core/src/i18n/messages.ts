import type { DeclarationValue, Locale } from '../domain/types';
import { formatDates, formatDay, formatValue } from './format';

/** Every sentence the built-in dialog says, in both languages. */
export interface Messages {
  hearing(name: string, day: string, current?: DeclarationValue): string;
  reminder(name: string, day: string): string;
  typedExamples(): string;
  stored(day: string, value: DeclarationValue): string;
  changed(day: string, before: DeclarationValue, after: DeclarationValue): string;
  unchanged(day: string, value: DeclarationValue): string;
  storedMany(dates: string[], value: DeclarationValue): string;
  reading(chosen: string, alternatives: string[]): string;
  cancelled(day: string, before: DeclarationValue): string;
  nothingToCancel(day: string): string;
  notUnderstood(text: string): string;
  helpTitle(): string;
  examplesLabel(): string;
  noRoom(): string;
  searchNone(name: string): string;
  searchMore(count: number): string;
  searchAfterNone(time: string, before: boolean): string;
  searchAfterTitle(time: string, before: boolean): string;
  notAnswered(): string;
  holidaysTitle(days: number): string;
  holidaysNone(days: number): string;
  yourDaysOff(): string;
  holidaySet(scope: 'company' | 'room', dates: string[], roomName?: string): string;
  holidayNotAdmin(): string;
  holidayNeedsRoom(): string;
  followUp(name: string, before: string, after: string): string;
  buttonLabels: { teiji: string; undecided: string; direct: string; off: string };
}

const ja: Messages = {
  hearing: (name, day, current) =>
    current
      ? `おはようございます、${name}さん。${day}は「${formatValue(current, 'ja')}」で登録済みです。変更があれば送ってください。`
      : `おはようございます、${name}さん。${day}は何時に帰る予定ですか？`,
  reminder: (name, day) => `${name}さん、${day}の退社予定がまだです。わかる範囲で教えてください（「未定」でも大丈夫です）。`,
  typedExamples: () => '例: 「18時半」「定時」「19時頃」「未定」「直帰」「休み」',
  stored: (day, value) => `${day}の退社予定を「${formatValue(value, 'ja')}」で登録しました。`,
  changed: (day, before, after) => `${day}の退社予定を変更しました: ${formatValue(before, 'ja')} → ${formatValue(after, 'ja')}`,
  unchanged: (day, value) => `${day}は「${formatValue(value, 'ja')}」のままです。`,
  storedMany: (dates, value) => `${formatDates(dates, 'ja')}を「${formatValue(value, 'ja')}」で登録しました。`,
  reading: (chosen, alternatives) => `※ ${chosen} と読みました。${alternatives.join('・')} のことなら「午前${Number(alternatives[0].slice(0, 2))}時」のように送り直してください。`,
  cancelled: (day, before) => `${day}の退社予定（${formatValue(before, 'ja')}）を取り消しました。`,
  nothingToCancel: (day) => `${day}の退社予定はまだ登録されていません。`,
  notUnderstood: (text) =>
    `すみません、「${text}」はわかりませんでした。例えば「18時半」「定時」「未定」のように送ってください。「ヘルプ」で使い方を表示します。`,
  helpTitle: () => 'kaeru（帰る）の使い方です。',
  examplesLabel: () => '例',
  noRoom: () => 'まだどのルームにも入っていないため、表示できるレポートがありません。',
  searchNone: (name) => `「${name}」に当てはまるメンバーはいません。`,
  searchMore: (count) => `…ほか ${count}人（名前をもう少し詳しく書くと絞り込めます）`,
  searchAfterNone: (time, before) => `${time}${before ? 'より前' : '以降'}に帰る人はいません。`,
  searchAfterTitle: (time, before) => `${time}${before ? 'より前' : '以降'}に帰る人:`,
  notAnswered: () => '未回答',
  holidaysTitle: (days) => `これから${days}日間の休日:`,
  holidaysNone: (days) => `これから${days}日間に休日はありません。`,
  yourDaysOff: () => 'あなたの休み:',
  holidaySet: (scope, dates, roomName) =>
    `${formatDates(dates, 'ja')}を${scope === 'company' ? '会社' : `${roomName ?? 'ルーム'}`}の休日に設定しました。この日はヒアリングとレポートを行いません。`,
  holidayNotAdmin: () => '休日の設定は管理者だけができます。管理者に依頼してください。',
  holidayNeedsRoom: () => 'ルームの休日はルームの中で設定してください。',
  followUp: (name, before, after) => `変更: ${name} ${before} → ${after}`,
  buttonLabels: { teiji: '定時', undecided: '未定', direct: '直帰', off: '休み' },
};

const en: Messages = {
  hearing: (name, day, current) =>
    current
      ? `Good morning, ${name}. For ${day} you already said "${formatValue(current, 'en')}". Send a new answer if that changed.`
      : `Good morning, ${name}. What time do you plan to leave ${day}?`,
  reminder: (name, day) => `${name}, you haven't told me when you leave ${day} yet. A rough answer is fine ("not sure" too).`,
  typedExamples: () => 'For example: "6:30pm", "usual time", "around 7pm", "not sure", "going home directly", "day off"',
  stored: (day, value) => `Got it: leaving ${day} — ${formatValue(value, 'en')}.`,
  changed: (day, before, after) => `Changed your plan for ${day}: ${formatValue(before, 'en')} → ${formatValue(after, 'en')}`,
  unchanged: (day, value) => `No change: ${day} is still ${formatValue(value, 'en')}.`,
  storedMany: (dates, value) => `Got it: ${formatDates(dates, 'en')} — ${formatValue(value, 'en')}.`,
  reading: (chosen, alternatives) => `(I read that as ${chosen}. If you meant ${alternatives.join(' or ')}, send it again with "am".)`,
  cancelled: (day, before) => `Cancelled your plan for ${day} (${formatValue(before, 'en')}).`,
  nothingToCancel: (day) => `You have nothing declared for ${day} yet.`,
  notUnderstood: (text) => `Sorry, I didn't understand "${text}". Try for example "6:30pm", "usual time" or "not sure". Send "help" to see everything I can do.`,
  helpTitle: () => 'Here is what kaeru understands.',
  examplesLabel: () => 'e.g.',
  noRoom: () => "You're not in any room yet, so there is no board to show.",
  searchNone: (name) => `Nobody matches "${name}".`,
  searchMore: (count) => `…and ${count} more (type more of the name to narrow it down)`,
  searchAfterNone: (time, before) => `Nobody leaves ${before ? 'before' : 'at or after'} ${time}.`,
  searchAfterTitle: (time, before) => `Leaving ${before ? 'before' : 'at or after'} ${time}:`,
  notAnswered: () => 'no answer',
  holidaysTitle: (days) => `Holidays in the next ${days} days:`,
  holidaysNone: (days) => `No holidays in the next ${days} days.`,
  yourDaysOff: () => 'Your days off:',
  holidaySet: (scope, dates, roomName) =>
    `Set ${formatDates(dates, 'en')} as ${scope === 'company' ? 'company' : `${roomName ?? 'room'}`} holidays: no hearing and no report on those days.`,
  holidayNotAdmin: () => 'Only admins can set holidays. Please ask an admin.',
  holidayNeedsRoom: () => 'Set room holidays from inside the room.',
  followUp: (name, before, after) => `Update: ${name} ${before} → ${after}`,
  buttonLabels: { teiji: 'Usual time', undecided: 'Not sure', direct: 'Going home directly', off: 'Day off' },
};

export function messages(locale: Locale): Messages {
  return locale === 'en' ? en : ja;
}

export { formatDay };
