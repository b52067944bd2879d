import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DATE_LENGTH, type Epoch, ID_LENGTH } from './columns';

/** One history entry; the generated id keeps insertion order, which is history order. */
@Entity('kaeru_declaration_change')
@Index('idx_kaeru_declaration_change_member_date', ['memberId', 'date'])
export class DeclarationChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  id!: number;

  @Column({ name: 'member_id', type: 'varchar', length: ID_LENGTH })
  memberId!: string;

  @Column({ name: 'business_date', type: 'varchar', length: DATE_LENGTH })
  date!: string;

  @Column({ name: 'changed_at', type: 'bigint' })
  at!: Epoch;

  /** JSON `DeclarationValue`, or null when the change created the declaration. */
  @Column({ type: 'text', nullable: true })
  before!: string | null;

  /** JSON `DeclarationValue`, or null when the change cleared it. */
  @Column({ type: 'text', nullable: true })
  after!: string | null;

  @Column({ type: 'text', nullable: true })
  source!: string | null;
}
