import { inject, injectable } from 'inversify';
import type { DeclarationValue, Room } from '../domain/types';
import type { Outgoing } from '../ports/chat-adapter';
import type { Storage } from '../ports/storage';
import type { Logger } from '../ports/logger';
import { Directory } from '../engine/directory';
import { Outbox } from '../engine/outbox';
import { formatValue } from '../i18n/format';
import { messages } from '../i18n/messages';
import { TOKENS } from '../tokens';
import { renderBoard, type Board } from './board';
import { firstReportTime, reportKeys } from '../scheduler/report-times';
import { zonedInstant } from '../calendar/zoned';
import type { Clock } from '../ports/clock';

/** Clocks of several instances may differ a little: a report is only assumed unposted this long before its time. */
const CLOCK_SKEW_MS = 2 * 60_000;

/** Builds rooms' boards and keeps posted reports true after later changes. */
@injectable()
export class ReportService {
  constructor(
    @inject(TOKENS.Storage) private readonly storage: Storage,
    @inject(Directory) private readonly directory: Directory,
    @inject(Outbox) private readonly outbox: Outbox,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async board(room: Room, date: string): Promise<Board> {
    const declarations = await this.storage.declarations.listByDate(date, room.members);
    const byMember = new Map(declarations.map((d) => [d.memberId, d]));
    const members = await Promise.all(room.members.map((id) => this.directory.member(id)));
    return {
      room,
      date,
      entries: room.members.map((id, i) => ({ member: { id, name: members[i]?.name ?? id }, declaration: byMember.get(id) })),
    };
  }

  async render(room: Room, date: string, locale = room.locale): Promise<Outgoing> {
    return { kind: 'report', locale, text: renderBoard(await this.board(room, date), locale) };
  }

  /**
   * After a member's declaration changed: every report of that date already posted to one
   * of the member's rooms (each report time of the day) is edited in place; where the
   * adapter cannot edit, the room gets one short follow-up line, however many reports it
   * had that day. Never a second full report.
   */
  async onDeclarationChanged(memberId: string, memberName: string, date: string, before?: DeclarationValue, after?: DeclarationValue): Promise<void> {
    const now = this.clock.now().getTime();
    for (const room of await this.directory.roomsOf(memberId)) {
      // Most answers come before the day's first report: nothing posted to update, no query.
      if (now < zonedInstant(date, firstReportTime(room), room.timeZone).getTime() - CLOCK_SKEW_MS) continue;
      const jobs = await Promise.all(reportKeys(room, date).map((key) => this.storage.jobs.get(key)));
      const posted = jobs.filter((job) => job?.status === 'sent');
      if (posted.length === 0) continue;
      const target = { kind: 'room' as const, id: room.id, name: room.name };
      try {
        let edited = false;
        const board = await this.render(room, date);
        for (const job of posted) if (job?.ref && (await this.outbox.edit(target, job.ref, board))) edited = true;
        if (edited) continue;
        const m = messages(room.locale);
        const show = (v?: DeclarationValue): string => (v ? formatValue(v, room.locale) : m.notAnswered());
        await this.outbox.send(target, { kind: 'reply', locale: room.locale, text: m.followUp(memberName, show(before), show(after)) });
      } catch (error) {
        this.logger.warn('could not update a posted report', { room: room.id, date, error: String(error) });
      }
    }
  }
}
