import { inject, injectable } from 'inversify';
import type { Declaration, Member } from '../../domain/types';
import { localDate, minutesOf } from '../../calendar/zoned';
import { formatValue } from '../../i18n/format';
import { messages } from '../../i18n/messages';
import { orderEntries } from '../../report/board';
import { DeclarationService } from '../declarations';
import { Directory } from '../directory';
import type { Handler, Reply, Turn } from '../handler';

/** Folds what does not matter when looking a name up: width, case, spaces, katakana vs hiragana, honorifics. */
export function foldName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s・･.]/g, '')
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/(さん|くん|君|ちゃん|様|さま|氏|-?san)$/u, '');
}

function matches(member: Member, query: string): boolean {
  const q = foldName(query);
  return q.length > 0 && [member.name, member.id, ...member.aliases].some((n) => foldName(n).includes(q));
}

/** 「田中さんは何時に帰る？」 / "who leaves after 7pm?": today's declarations of matching members. */
@injectable()
export class SearchHandler implements Handler {
  readonly name = 'search';
  readonly help = {
    ja: { summary: 'メンバーの今日の退社予定を調べます', examples: ['田中さんは何時に帰る？', '19時以降の人'] },
    en: { summary: "Look up someone's plan for today", examples: ['when is Tanaka leaving?', 'who leaves after 7pm?'] },
  };

  constructor(
    @inject(Directory) private readonly directory: Directory,
    @inject(DeclarationService) private readonly declarations: DeclarationService,
  ) {}

  canHandle(turn: Turn): boolean {
    return turn.understanding.intent === 'search';
  }

  async handle(turn: Turn): Promise<Reply[]> {
    if (turn.understanding.intent !== 'search') return [];
    const { name, after, before } = turn.understanding;
    const m = messages(turn.locale);
    if (name) {
      const found = (await this.directory.members()).filter((member) => matches(member, name)).sort((a, b) => a.name.localeCompare(b.name, 'ja'));
      if (found.length === 0) return [{ text: m.searchNone(name) }];
      const lines = await Promise.all(found.map(async (member) => `${member.name}: ${await this.todayOf(member, turn)}`));
      return [{ text: lines.join('\n') }];
    }
    const time = after ?? before;
    if (!time) return [{ text: m.notUnderstood(turn.text) }];
    // In a room: that room's members; in a DM: everyone in the member's rooms.
    const rooms = turn.room ? [turn.room] : turn.rooms;
    const ids = [...new Set(rooms.flatMap((r) => r.members))];
    const members = (await Promise.all(ids.map((id) => this.directory.member(id)))).filter((x): x is Member => !!x);
    const entries: { member: Member; declaration: Declaration }[] = [];
    for (const member of members) {
      const d = await this.declarations.get(member.id, localDate(turn.now, Directory.zoneOf(member, rooms)));
      if (!d?.time || d.state === 'off') continue;
      const minutes = minutesOf(d.time) + (d.lateNight ? 1440 : 0);
      if (after ? minutes >= minutesOf(after) : minutes < minutesOf(before!)) entries.push({ member, declaration: d });
    }
    if (entries.length === 0) return [{ text: m.searchAfterNone(time, !after) }];
    const lines = orderEntries(entries).map((e) => `${formatValue(e.declaration!, turn.locale)}  ${e.member.name}`);
    return [{ text: [m.searchAfterTitle(time, !after), ...lines].join('\n') }];
  }

  private async todayOf(member: Member, turn: Turn): Promise<string> {
    const rooms = await this.directory.roomsOf(member.id);
    const d = await this.declarations.get(member.id, localDate(turn.now, Directory.zoneOf(member, rooms)));
    return d ? formatValue(d, turn.locale) : messages(turn.locale).notAnswered();
  }
}
