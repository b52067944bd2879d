import { inject, injectable } from 'inversify';
import type { Storage, JobOutcome } from '../ports/storage';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Metrics } from '../ports/metrics';
import { Directory } from '../engine/directory';
import { Outbox } from '../engine/outbox';
import { hearingButtons } from '../engine/hearing';
import { formatDay, messages } from '../i18n/messages';
import { toValue } from '../engine/declarations';
import { ReportService } from '../report/report-service';
import { TOKENS } from '../tokens';
import type { PlannedJob } from './plan';
import { parseReportTarget, reportTimesOf } from './report-times';
import { jobKey, type Declaration } from '../domain/types';

/** Sends one claimed job and records its outcome: sent, failed with reason, or skipped with reason. */
@injectable()
export class JobRunner {
  constructor(
    @inject(TOKENS.Storage) private readonly storage: Storage,
    @inject(Directory) private readonly directory: Directory,
    @inject(Outbox) private readonly outbox: Outbox,
    @inject(ReportService) private readonly reports: ReportService,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Metrics) private readonly metrics: Metrics,
  ) {}

  /**
   * Runs claimed jobs in order while `go()` holds. The hearings' declarations are read in
   * one query per date up front: a 09:00 fan-out is thousands of hearings, and one read
   * each was half its storage round trips. (Reminders read theirs just before sending: a
   * member who answered a moment ago must not be reminded.)
   */
  async runBatch(jobs: PlannedJob[], go: () => boolean = () => true): Promise<void> {
    const declared = new Map<string, Declaration | undefined>();
    const hearingsByDate = new Map<string, string[]>();
    for (const job of jobs) if (job.kind === 'hearing') hearingsByDate.set(job.date, [...(hearingsByDate.get(job.date) ?? []), job.target]);
    for (const [date, ids] of hearingsByDate) {
      const found = new Map((await this.storage.declarations.listByDate(date, ids)).map((d) => [d.memberId, d]));
      for (const id of ids) declared.set(jobKey('hearing', date, id), found.get(id));
    }
    for (const job of jobs) if (go()) await this.run(job, declared);
  }

  async run(job: PlannedJob, declared?: ReadonlyMap<string, Declaration | undefined>): Promise<void> {
    let outcome: JobOutcome;
    try {
      outcome = job.kind === 'report' ? await this.report(job) : job.kind === 'reminder' ? await this.reminder(job) : await this.hearing(job, declared);
    } catch (error) {
      outcome = { status: 'failed', reason: String(error instanceof Error ? error.message : error).slice(0, 500) };
      this.logger.error('job failed', { job: job.key, reason: outcome.reason });
    }
    await this.storage.jobs.complete(job.key, outcome, this.clock.now());
    this.metrics.increment('kaeru_jobs_total', { kind: job.kind, status: outcome.status, ...(outcome.status === 'skipped' ? { reason: outcome.reason ?? '' } : {}) });
  }

  private async hearing(job: PlannedJob, declared?: ReadonlyMap<string, Declaration | undefined>): Promise<JobOutcome> {
    const member = await this.directory.member(job.target);
    const rooms = await this.directory.roomsOf(job.target);
    if (!member || rooms.length === 0) return { status: 'skipped', reason: 'member_left' };
    const current = declared?.has(job.key) ? declared.get(job.key) : await this.storage.declarations.get(member.id, job.date);
    if (current?.state === 'off') return { status: 'skipped', reason: 'day_off' };
    const locale = Directory.localeOf(member, rooms);
    const m = messages(locale);
    const day = formatDay(job.date, job.date, locale);
    const withButtons = this.outbox.hasButtons(member.id);
    const text = withButtons ? m.hearing(member.name, day, current && toValue(current)) : `${m.hearing(member.name, day, current && toValue(current))}\n${m.typedExamples()}`;
    const buttons = withButtons ? hearingButtons(job.date, rooms[0], locale) : undefined;
    const sent = await this.outbox.send({ kind: 'member', id: member.id, name: member.name }, { kind: 'hearing', text, locale, ...(buttons ? { buttons } : {}) });
    return { status: 'sent', ref: sent.ref };
  }

  /** Only to members asked that day who have not answered since; never past the first report. */
  private async reminder(job: PlannedJob): Promise<JobOutcome> {
    const member = await this.directory.member(job.target);
    const rooms = await this.directory.roomsOf(job.target);
    if (!member || rooms.length === 0) return { status: 'skipped', reason: 'member_left' };
    const current = await this.storage.declarations.get(member.id, job.date);
    if (current) return { status: 'skipped', reason: current.state === 'off' ? 'day_off' : 'answered' };
    const hearing = await this.storage.jobs.get(jobKey('hearing', job.date, member.id));
    if (hearing?.status !== 'sent') return { status: 'skipped', reason: 'not_asked' };
    const locale = Directory.localeOf(member, rooms);
    const m = messages(locale);
    const day = formatDay(job.date, job.date, locale);
    const withButtons = this.outbox.hasButtons(member.id);
    const text = withButtons ? m.reminder(member.name, day) : `${m.reminder(member.name, day)}\n${m.typedExamples()}`;
    const buttons = withButtons ? hearingButtons(job.date, rooms[0], locale) : undefined;
    const target = { kind: 'member' as const, id: member.id, name: member.name };
    const sent = await this.outbox.send(target, { kind: 'reminder', text, locale, ...(buttons ? { buttons } : {}) }, { deadline: job.usefulUntil });
    return { status: 'sent', ref: sent.ref };
  }

  private async report(job: PlannedJob): Promise<JobOutcome> {
    const { roomId, time } = parseReportTarget(job.target);
    const room = await this.directory.room(roomId);
    if (!room) return { status: 'skipped', reason: 'room_removed' };
    if (time && !reportTimesOf(room).includes(time)) return { status: 'skipped', reason: 'report_time_removed' };
    const sent = await this.outbox.send({ kind: 'room', id: room.id, name: room.name }, await this.reports.render(room, job.date));
    return { status: 'sent', ref: sent.ref };
  }
}
