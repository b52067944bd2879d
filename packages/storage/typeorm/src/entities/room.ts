import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ID_LENGTH, TIME_LENGTH } from './columns';

@Entity('kaeru_room')
export class RoomEntity {
  @PrimaryColumn({ type: 'varchar', length: ID_LENGTH })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'varchar', length: 8 })
  locale!: string;

  @Column({ type: 'varchar', length: 8 })
  country!: string;

  @Column({ name: 'hearing_at', type: 'varchar', length: TIME_LENGTH })
  hearingAt!: string;

  @Column({ name: 'report_at', type: 'varchar', length: TIME_LENGTH })
  reportAt!: string;

  @Column({ type: 'varchar', length: TIME_LENGTH })
  teiji!: string;

  @Column({ name: 'late_from', type: 'varchar', length: TIME_LENGTH })
  lateFrom!: string;

  /** JSON array of ISO weekdays. */
  @Column({ name: 'work_days', type: 'text' })
  workDays!: string;

  /** JSON array of member ids, in board order. */
  @Column({ type: 'text' })
  members!: string;

  /** JSON array of `YYYY-MM-DD`. */
  @Column({ type: 'text' })
  holidays!: string;

  /** JSON array of extra `HH:mm` report times; null when the room sets none (absent, not `[]`). */
  @Column({ name: 'report_times', type: 'text', nullable: true })
  reportTimes!: string | null;

  /** Encoded by `repositories/rooms.ts`: null = absent (default 30), -1 = explicit `null` (off), else the minutes. */
  @Column({ name: 'reminder_after_minutes', type: 'integer', nullable: true })
  reminderAfterMinutes!: number | null;
}
