import { Entity, PrimaryColumn } from 'typeorm';
import { DATE_LENGTH, ID_LENGTH } from './columns';

/** A company (`company`) or room (`room:<id>`) holiday. */
@Entity('kaeru_holiday')
export class HolidayEntity {
  @PrimaryColumn({ type: 'varchar', length: ID_LENGTH })
  scope!: string;

  @PrimaryColumn({ name: 'holiday_date', type: 'varchar', length: DATE_LENGTH })
  date!: string;
}
