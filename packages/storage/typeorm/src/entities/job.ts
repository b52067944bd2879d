import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATE_LENGTH, type Epoch, ID_LENGTH, JOB_KEY_LENGTH } from './columns';

/** One promised send. The primary key on `job_key` is what makes a claim unique. */
@Entity('kaeru_job')
@Index('idx_kaeru_job_date', ['date'])
@Index('idx_kaeru_job_owner_status', ['owner', 'status'])
export class JobEntity {
  @PrimaryColumn({ name: 'job_key', type: 'varchar', length: JOB_KEY_LENGTH })
  key!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ name: 'business_date', type: 'varchar', length: DATE_LENGTH })
  date!: string;

  @Column({ type: 'varchar', length: ID_LENGTH })
  target!: string;

  @Column({ name: 'due_at', type: 'bigint' })
  dueAt!: Epoch;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'varchar', length: ID_LENGTH, nullable: true })
  owner!: string | null;

  @Column({ name: 'lease_until', type: 'bigint', nullable: true })
  leaseUntil!: Epoch | null;

  /** A random id per `claim()` call: how a call tells the rows it won from rows it lost. */
  @Column({ name: 'claim_token', type: 'varchar', length: 36, nullable: true })
  claimToken!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text', nullable: true })
  ref!: string | null;

  @Column({ name: 'done_at', type: 'bigint', nullable: true })
  doneAt!: Epoch | null;
}
