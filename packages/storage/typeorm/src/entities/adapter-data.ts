import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ADAPTER_NAMESPACE_LENGTH, ID_LENGTH } from './columns';

/** One value an adapter keeps (`storage.adapterData`): opaque to kaeru, JSON by convention. */
@Entity('kaeru_adapter_data')
export class AdapterDataEntity {
  @PrimaryColumn({ type: 'varchar', length: ADAPTER_NAMESPACE_LENGTH })
  namespace!: string;

  /** Adapters key by kaeru member and room ids, so an id's length. `key` is reserved in MySQL. */
  @PrimaryColumn({ name: 'data_key', type: 'varchar', length: ID_LENGTH })
  key!: string;

  @Column({ name: 'data_value', type: 'text' })
  value!: string;
}
