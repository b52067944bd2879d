import { inject, injectable } from 'inversify';
import { localDate } from '../../calendar/zoned';
import { messages } from '../../i18n/messages';
import { ReportService } from '../../report/report-service';
import type { Handler, Reply, Turn } from '../handler';

/** 「レポート」 / "report": the current board of the room (in a room) or of each of the member's rooms (in a DM). */
@injectable()
export class ReportHandler implements Handler {
  readonly name = 'report';
  readonly help = {
    ja: { summary: 'ルームの今日の退社予定一覧を表示します', examples: ['レポート', 'みんなの退社時間'] },
    en: { summary: "Show the room's board for today", examples: ['report', 'board'] },
  };

  constructor(@inject(ReportService) private readonly reports: ReportService) {}

  canHandle(turn: Turn): boolean {
    return turn.understanding.intent === 'report';
  }

  async handle(turn: Turn): Promise<Reply[]> {
    const rooms = turn.room ? [turn.room] : turn.rooms;
    if (rooms.length === 0) return [{ text: messages(turn.locale).noRoom() }];
    const replies: Reply[] = [];
    for (const room of rooms) replies.push({ text: (await this.reports.render(room, localDate(turn.now, room.timeZone), turn.room ? room.locale : turn.locale)).text });
    return replies;
  }
}
