import type { DeclarationState } from '../domain/types';
import { phrases, type Scan } from './scan';

/**
 * Words for the states other than `leaving`. `half` is 半休 / "half day" without saying
 * which half: with a leave time it is an afternoon off (you leave at that time), without
 * one it is not understood. `loose-off` is the English "off" alone: "I'm off at 6" means
 * leaving at 6, so with a time it yields to `leaving`.
 */
export type StateWord = DeclarationState | 'half' | 'loose-off' | 'not-a-state';

const WORDS: Record<Exclude<StateWord, 'leaving'>, string[]> = {
  undecided: [
    '未定', '未確定', 'まだわからない', 'まだわかりません', 'わからない', 'わかりません', 'わかんない', '分からない', '分かりません', '分かんない',
    '不明', '決まってない', '決まっていない', '決まってません', '決まっていません', '読めない', '読めません', '様子見', '見えない', '見えません',
    'not sure', 'unsure', 'tbd', 'tba', "don't know", 'dont know', 'do not know', 'no idea', 'undecided', 'not decided', 'not decided yet', 'unknown', "can't say", 'cannot say', 'not certain', 'dunno', 'idk', 'undetermined', 'hard to say',
  ],
  direct: [
    '直行直帰', '直帰', '客先から直帰', '外出先から直帰', '出先から直帰', '現場から直帰', '訪問先から直帰', '出張先から直帰', '取引先から直帰',
    'go home directly', 'going home directly', 'go straight home', 'going straight home', 'straight home', 'directly home', 'direct', 'directly', 'heading home from the client', 'from the client',
  ],
  off: [
    '休み', 'お休み', '休みます', '1日休み', '一日休み', '1日お休み', '一日お休み', '丸1日休み', '丸一日休み', '終日不在', '不在', '休む', '休暇', '有休', '有給', '有給休暇', '年休', '欠勤', '振休', '振替休日', '代休', '特休', '特別休暇', '病欠', '病休', '全休', '終日休み', '夏休み', '冬休み', '休日', '年末年始休暇', '慶弔休暇', '公休',
    'day off', 'days off', 'taking the day off', 'take the day off', 'pto', 'vacation', 'on vacation', 'on leave', 'sick', 'sick leave', 'sick day', 'out sick', 'off sick', 'holiday', 'on holiday', 'not working', 'not coming in', "won't be in", 'ooo', 'out of office', 'annual leave', 'paid leave', 'leave day',
  ],
  half_am: [
    '午前半休', '午前休', '午前休み', '午前は休み', '午前はお休み', '午前中半休', '午前中休み', '午前お休み', '午前中お休み', 'am半休', 'am休', '午前半日休み',
    'morning off', 'am off', 'off in the morning', 'off this morning', 'half day am', 'am half day', 'half day morning', 'morning half day', 'half day in the morning', 'half-day am',
  ],
  half_pm: [
    '午後半休', '午後休', '午後休み', '午後は休み', '午後はお休み', '午後から休み', '午後からお休み', '午後から半休', '午後から有休', '午後お休み', 'pm半休', 'pm休', '午後半日休み',
    'afternoon off', 'pm off', 'off in the afternoon', 'off this afternoon', 'half day pm', 'pm half day', 'half day afternoon', 'afternoon half day', 'half day in the afternoon', 'half-day pm',
  ],
  half: ['半休', '半日休み', '半日', 'half day', 'half-day', 'half day off', 'half a day'],
  'loose-off': ['off', "i'm off", 'im off', 'off work'],
  // 昼休み is a lunch break, 休み時間 a break: never a day off.
  'not-a-state': ['昼休み', '休み時間', '休憩', 'お昼休み', 'lunch break', 'break'],
};

const BY_PHRASE = new Map<string, StateWord>();
for (const [state, list] of Object.entries(WORDS) as [StateWord, string[]][]) {
  for (const phrase of list) BY_PHRASE.set(phrase.replace(/\s/g, ''), state);
}
const ANY_STATE = phrases([...BY_PHRASE.keys(), ...Object.values(WORDS).flat()]);

/** Reads and consumes the state words; two different states are a contradiction (undefined + conflict). */
export function readState(scan: Scan): { state?: Exclude<StateWord, 'not-a-state'>; conflict: boolean } {
  const seen = new Set<StateWord>();
  scan.take(ANY_STATE, (match) => {
    const state = BY_PHRASE.get(match.replace(/\s/g, ''));
    if (state) seen.add(state);
  });
  // 「有給で休み」 "off, day off": the same state said twice is one state.
  if (seen.size > 1 && seen.has('loose-off') && seen.has('off')) seen.delete('loose-off');
  if (seen.size > 1 || seen.has('not-a-state')) return { conflict: true };
  const [state] = seen as Set<Exclude<StateWord, 'not-a-state'>>;
  return { state, conflict: false };
}
