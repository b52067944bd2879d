import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type Epoch, ID_LENGTH } from './columns';

/** An inbound event id already processed; the primary key rejects a redelivery. */
@Entity('kaeru_inbound_event')
@Index('idx_kaeru_inbound_event_received_at', ['receivedAt'])
export class InboundEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: ID_LENGTH })
  eventId!: string;

  @Column({ name: 'received_at', type: 'bigint' })
  receivedAt!: Epoch;
}
