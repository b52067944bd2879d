import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ID_LENGTH } from './columns';

@Entity('kaeru_member')
export class MemberEntity {
  @PrimaryColumn({ type: 'varchar', length: ID_LENGTH })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** JSON array of strings. */
  @Column({ type: 'text' })
  aliases!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true })
  timeZone!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  locale!: string | null;
}
