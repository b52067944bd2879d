import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATE_LENGTH, type Epoch, ID_LENGTH, TIME_LENGTH } from './columns';

@Entity('kaeru_declaration')
@Index('idx_kaeru_declaration_date', ['date'])
export class DeclarationEntity {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: ID_LENGTH })
  memberId!: string;

  @PrimaryColumn({ name: 'business_date', type: 'varchar', length: DATE_LENGTH })
  date!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: string;

  @Column({ name: 'leave_time', type: 'varchar', length: TIME_LENGTH, nullable: true })
  time!: string | null;

  @Column({ type: 'boolean', nullable: true })
  approx!: boolean | null;

  @Column({ name: 'range_from', type: 'varchar', length: TIME_LENGTH, nullable: true })
  rangeFrom!: string | null;

  @Column({ name: 'range_to', type: 'varchar', length: TIME_LENGTH, nullable: true })
  rangeTo!: string | null;

  @Column({ name: 'late_night', type: 'boolean', nullable: true })
  lateNight!: boolean | null;

  @Column({ name: 'updated_at', type: 'bigint' })
  updatedAt!: Epoch;
}
