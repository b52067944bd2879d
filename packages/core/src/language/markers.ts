import { phrases } from './scan';

/** Words that make a time approximate: 頃, くらい, 過ぎ, "around", "-ish". */
export const APPROX = phrases([
  '頃', 'ごろ', '頃に', 'くらい', 'ぐらい', '位', '前後', '過ぎ', 'すぎ', 'ちょい過ぎ', '程度', 'ほど', '目安', '以降', '以後', 'より後', '前', 'あたり', '辺り',
  'around', 'about', 'approx', 'approximately', 'roughly', '-ish', 'ish', 'or so', 'give or take', 'circa', 'ca', 'sometime around', 'sometime', 'after', 'later than', 'before', 'or later', 'at the earliest', 'at earliest', 'something like',
]);

/** Words that make an answer a change of the day's earlier one: やっぱり, 変更, "actually". */
export const CHANGE = phrases([
  'やっぱり', 'やっぱ', 'やはり', '変更します', '変更で', '変更', 'に変更', 'へ変更', '訂正', '修正', '変わります', '変わりました', '変えます', '変えて', '延長',
  'change to', 'change it to', 'changed to', 'change', 'changing to', 'make it', 'make that', 'actually', 'instead', 'update to', 'update', 'updated', 'correction', 'scratch that', 'rather', 'moved to', 'pushed to', 'push to', 'now',
]);

/** Words that clear the day's answer: 取り消し, キャンセル, "cancel", "undo". */
export const CANCEL = phrases([
  '取り消し', '取り消します', '取り消して', '取り消す', '取消', 'キャンセル', 'キャンセルします', 'やっぱりなし', 'やっぱなし', 'なしで', 'なし', '無し', 'なしにして', '削除', '消して', '消去', '撤回',
  'cancel', 'undo', 'never mind', 'nevermind', 'nvm', 'clear', 'delete', 'remove', 'withdraw', 'cancel that', 'forget it',
]);

/** Filler that only means something next to a cancel: 「さっきの予定を」 "my answer". */
export const CANCEL_FILLER = phrases([
  'さっきの', '先ほどの', '先程の', '休み', 'お休み', '有休', '有給', '半休', 'day off', 'vacation', 'pto', 'off', 'on', '宣言', '回答', '入力', '登録', '予定', 'ください', '下さい', 'して',
  'my', 'the', 'answer', 'declaration', 'entry', 'plan', 'plans', 'that', 'it', 'please', 'for', 'time', 'leave time',
]);
