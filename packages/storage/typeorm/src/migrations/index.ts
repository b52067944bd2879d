import { KaeruInitial1764720000000 } from './1764720000000-initial';
import { KaeruRoomScheduleAdapterData1765000000000 } from './1765000000000-room-schedule-adapter-data';

/** Every migration this code knows, oldest first. Append; never edit a released one. */
export const MIGRATIONS = [KaeruInitial1764720000000, KaeruRoomScheduleAdapterData1765000000000];

/** The names TypeORM records in the migrations table. */
export const KNOWN_MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((M) => new M().name);

/** Where TypeORM records applied migrations; prefixed like every kaeru table. */
export const MIGRATIONS_TABLE = 'kaeru_migrations';
