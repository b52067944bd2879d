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

// The directory hands out the same member objects until it reloads, so their folded
// names are worth keeping: a search folds one query, not a thousand names.
const folded = new WeakMap<Member, string[]>();
// localeCompare(…, 'ja') builds a collator per call: one, kept, orders names the same way.
const byName = new Intl.Collator('ja');
/** A name search lists this many members at most; a longer list helps nobody in a chat. */
const MAX_NAME_MATCHES = 10;

function foldedNames(member: Member): string[] {
  let names = folded.get(member);
  if (!names) {
    names = [member.name, member.id, ...member.aliases].map(foldName);
    folded.set(member, names);
  }
  return names;
}

/** `query` is already folded. */
function matches(member: Member, query: string): boolean {
  return query.length > 0 && foldedNames(member).some((n) => n.includes(query));
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
      const query = foldName(name);
      const found = (await this.directory.members()).filter((member) => matches(member, query)).sort((a, b) => byName.compare(a.name, b.name));
      if (found.length === 0) return [{ text: m.searchNone(name) }];
      const shown = found.slice(0, MAX_NAME_MATCHES);
      const today = await this.todayOf(shown, turn.now);
      const lines = shown.map((member) => {
        const d = today.get(member.id);
        return `${member.name}: ${d ? formatValue(d, turn.locale) : m.notAnswered()}`;
      });
      if (found.length > shown.length) lines.push(m.searchMore(found.length - shown.length));
      return [{ text: lines.join('\n') }];
    }
    const time = after ?? before;
    if (!time) return [{ text: m.notUnderstood(turn.text) }];
    // In a room: that room's members; in a DM: everyone in the member's rooms.
    const rooms = turn.room ? [turn.room] : turn.rooms;
    const ids = [...new Set(rooms.flatMap((r) => r.members))];
    const members = (await Promise.all(ids.map((id) => this.directory.member(id)))).filter((x): x is Member => !!x);
    const today = await this.todayOf(members, turn.now);
    const entries: { member: Member; declaration: Declaration }[] = [];
    for (const member of members) {
      const d = today.get(member.id);
      if (!d?.time || d.state === 'off') continue;
      const minutes = minutesOf(d.time) + (d.lateNight ? 1440 : 0);
      if (after ? minutes >= minutesOf(after) : minutes < minutesOf(before!)) entries.push({ member, declaration: d });
    }
    if (entries.length === 0) return [{ text: m.searchAfterNone(time, !after) }];
    const lines = orderEntries(entries).map((e) => `${formatValue(e.declaration!, turn.locale)}  ${e.member.name}`);
    return [{ text: [m.searchAfterTitle(time, !after), ...lines].join('\n') }];
  }

  /** Each member's declaration for their own today (their zone), one storage call per distinct date. */
  private async todayOf(members: Member[], now: Date): Promise<Map<string, Declaration>> {
    const byDate = new Map<string, string[]>();
    for (const member of members) {
      const date = localDate(now, Directory.zoneOf(member, await this.directory.roomsOf(member.id)));
      byDate.set(date, [...(byDate.get(date) ?? []), member.id]);
    }
    const out = new Map<string, Declaration>();
    for (const [date, ids] of byDate) for (const d of await this.declarations.listByDate(date, ids)) out.set(d.memberId, d);
    return out;
  }
}
