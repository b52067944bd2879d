import { inject, injectable } from 'inversify';
import type { ResolvedConfig } from '../../config';
import { CalendarService } from '../../calendar/calendar-service';
import { addDays, datesBetween } from '../../calendar/zoned';
import { formatDate, formatDates } from '../../i18n/format';
import { messages } from '../../i18n/messages';
import type { Storage } from '../../ports/storage';
import { TOKENS } from '../../tokens';
import type { Handler, Reply, Turn } from '../handler';
import { ScheduleSignal } from '../signals';

const LIST_DAYS = 30;

/** 「休日一覧」 lists the coming non-business dates; 「12/29〜1/3は会社休み」 (admins) sets holidays. */
@injectable()
export class HolidayHandler implements Handler {
  readonly name = 'holiday';
  readonly help = {
    ja: { summary: 'これからの休日と自分の休みを表示します（管理者は会社・ルームの休日を設定できます）', examples: ['休日一覧', '12/24は休み', '12/29〜1/3は会社休み'] },
    en: { summary: 'List the coming holidays and your days off (admins can set company or room holidays)', examples: ['holidays', 'off on 12/24', 'company holiday 2026-12-29 to 2027-01-03'] },
  };

  constructor(
    @inject(CalendarService) private readonly calendar: CalendarService,
    @inject(TOKENS.Storage) private readonly storage: Storage,
    @inject(TOKENS.Config) private readonly config: ResolvedConfig,
    @inject(ScheduleSignal) private readonly signal: ScheduleSignal,
  ) {}

  canHandle(turn: Turn): boolean {
    return turn.understanding.intent === 'holiday';
  }

  async handle(turn: Turn): Promise<Reply[]> {
    if (turn.understanding.intent !== 'holiday') return [];
    const { dates, scope } = turn.understanding;
    return dates.length && scope ? this.set(turn, scope, dates) : this.list(turn);
  }

  private async set(turn: Turn, scope: 'company' | 'room', dates: string[]): Promise<Reply[]> {
    const m = messages(turn.locale);
    if (!this.config.admins.includes(turn.member.id)) return [{ text: m.holidayNotAdmin() }];
    if (scope === 'room' && !turn.room) return [{ text: m.holidayNeedsRoom() }];
    await this.calendar.add(scope === 'company' ? 'company' : `room:${turn.room!.id}`, dates);
    this.signal.changed();
    return [{ text: m.holidaySet(scope, dates, turn.room?.name) }];
  }

  private async list(turn: Turn): Promise<Reply[]> {
    const m = messages(turn.locale);
    const from = turn.today;
    const to = addDays(from, LIST_DAYS - 1);
    const rooms = turn.room ? [turn.room] : turn.rooms;
    const lines: string[] = [];
    if (rooms.length) {
      const snapshot = await this.calendar.snapshot(rooms, from, to);
      for (const date of datesBetween(from, to)) {
        const reasons = rooms.map((room) => ({ room, reason: snapshot.reason(room, date) })).filter((x) => x.reason && x.reason.kind !== 'weekend');
        if (reasons.length === 0) continue;
        const r = reasons[0].reason!;
        const label =
          r.kind === 'national' ? r.name : r.kind === 'company' ? (turn.locale === 'ja' ? '会社休日' : 'company holiday') : `${reasons[0].room.name}${turn.locale === 'ja' ? 'の休日' : ' holiday'}`;
        lines.push(`・${formatDate(date, turn.locale)} ${label}`);
      }
    }
    const own = (await this.storage.declarations.listByMember(turn.member.id, from, to)).filter((d) => d.state === 'off').map((d) => d.date);
    const text = [lines.length ? m.holidaysTitle(LIST_DAYS) : m.holidaysNone(LIST_DAYS), ...lines];
    if (own.length) text.push(`${m.yourDaysOff()} ${formatDates(own, turn.locale)}`);
    return [{ text: text.join('\n') }];
  }
}
