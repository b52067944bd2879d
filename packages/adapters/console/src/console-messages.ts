import type { Named } from './console-line';

export type ConsoleLocale = 'ja' | 'en';

/** The console's own words (not the bot's): banner, command help, errors. */
export interface ConsoleMessages {
  banner(members: readonly Named[], rooms: readonly Named[], virtualClock: boolean): string;
  help(virtualClock: boolean): string;
  speakingAs(member: Named, room?: Named): string;
  /** Who speaks before any /as. */
  speakingFirst(member: Named): string;
  clockAt(when: string): string;
  unknownCommand(name: string): string;
  unknownMember(query: string, members: readonly Named[]): string;
  unknownRoom(query: string, rooms: readonly Named[]): string;
  ambiguous(query: string, candidates: readonly Named[]): string;
  realClock: string;
  badTime(arg: string): string;
  timeGoesBack(when: string): string;
  failed(message: string): string;
  bye: string;
}

const list = (items: readonly Named[]): string => items.map((i) => (i.id === i.name ? i.id : `${i.id} (${i.name})`)).join(', ');
const COMMANDS = '/as <member>, /in <room>, /dm, /time <HH:mm | ISO>, /help, /quit';

const en: ConsoleMessages = {
  banner: (members, rooms, virtual) =>
    `kaeru console. Speak as a member with /as <member> (${list(members)}), in a room with /in <room> (${list(rooms)}); ` +
    (virtual ? 'move the clock with /time <HH:mm>' : 'the clock is real (start with --clock virtual to move it with /time)') +
    '; /quit to quit, /help for console commands, "help" to ask the bot.',
  help: (virtual) =>
    [
      'Console commands:',
      '  /as <member>       speak as a member (id or name), in a direct message',
      '  /in <room>         speak in a room, as the current member',
      '  /dm                back to the direct message',
      `  /time <HH:mm|ISO>  move the clock forward${virtual ? '' : ' (start with --clock virtual)'}; /time alone shows it`,
      '  <number>           click that button of the last buttons shown to you',
      '  /quit              stop',
      'Anything else is sent to the bot; type "help" to see what it understands.',
    ].join('\n'),
  speakingAs: (member, room) => `-- speaking as ${member.name} ${room ? `in #${room.name}` : 'in a direct message'}`,
  speakingFirst: (member) => `-- you are ${member.name}, in a direct message (switch with /as)`,
  clockAt: (when) => `-- clock: ${when}`,
  unknownCommand: (name) => `-- unknown command "/${name}". Commands: ${COMMANDS}`,
  unknownMember: (query, members) => `-- no member "${query}". Members: ${list(members)}`,
  unknownRoom: (query, rooms) => `-- no room "${query}". Rooms: ${list(rooms)}`,
  ambiguous: (query, candidates) => `-- "${query}" matches several: ${list(candidates)}. Type more of the id or name.`,
  realClock: '-- the clock is real and cannot be moved: start with --clock virtual',
  badTime: (arg) => `-- cannot read "${arg}" as a time: write /time 09:00 or /time 2026-12-07T09:00`,
  timeGoesBack: (when) => `-- the clock only moves forward; it is already ${when}`,
  failed: (message) => `-- error: ${message}`,
  bye: '-- bye',
};

const ja: ConsoleMessages = {
  banner: (members, rooms, virtual) =>
    `kaeru console です。/as <メンバー> でメンバーとして話す (${list(members)})、/in <ルーム> でルームで話す (${list(rooms)})、` +
    (virtual ? '/time <HH:mm> で時計を進める' : '時計は実時間です (/time で進めるには start with --clock virtual)') +
    '、/quit で終了。/help でコンソールのコマンド、「ヘルプ」でボットの使い方。',
  help: (virtual) =>
    [
      'コンソールのコマンド:',
      '  /as <メンバー>      メンバー (id か名前) として DM で話す',
      '  /in <ルーム>        いまのメンバーとしてルームで話す',
      '  /dm                 DM に戻る',
      `  /time <HH:mm|ISO>   時計を進める${virtual ? '' : ' (start with --clock virtual)'}。/time だけで現在時刻`,
      '  <番号>              最後に表示されたボタンの番号を押す',
      '  /quit               終了',
      'それ以外はボットに送られます。「ヘルプ」でボットが分かることを表示します。',
    ].join('\n'),
  speakingAs: (member, room) => `-- ${member.name} として${room ? ` #${room.name} で` : ' DM で'}話します`,
  speakingFirst: (member) => `-- いまは ${member.name} として DM で話しています (/as で切り替え)`,
  clockAt: (when) => `-- 時刻: ${when}`,
  unknownCommand: (name) => `-- 「/${name}」というコマンドはありません。コマンド: ${COMMANDS}`,
  unknownMember: (query, members) => `-- メンバー「${query}」はいません。メンバー: ${list(members)}`,
  unknownRoom: (query, rooms) => `-- ルーム「${query}」はありません。ルーム: ${list(rooms)}`,
  ambiguous: (query, candidates) => `-- 「${query}」は複数に当てはまります: ${list(candidates)}。id か名前をもう少し入力してください`,
  realClock: '-- 時計は実時間なので動かせません: start with --clock virtual',
  badTime: (arg) => `-- 「${arg}」を時刻として読めません: /time 09:00 や /time 2026-12-07T09:00 のように書いてください`,
  timeGoesBack: (when) => `-- 時計は戻せません。いまは ${when} です`,
  failed: (message) => `-- エラー: ${message}`,
  bye: '-- 終了します',
};

export const CONSOLE_MESSAGES: Record<ConsoleLocale, ConsoleMessages> = { ja, en };
