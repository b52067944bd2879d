import { type MigrationInterface, type QueryRunner, Table, TableColumn, type TableColumnOptions } from 'typeorm';
import { ADAPTER_NAMESPACE_LENGTH, ID_LENGTH } from '../entities/columns';

/**
 * Rooms keep their schedule settings, and adapters get a table of their own values
 * (Teams conversation references, shared by every instance). Both room columns are
 * nullable, so rooms written by the first schema read back without them.
 * `reminder_after_minutes` tells "not set" (NULL: the default 30) from "turned off"
 * (-1: the room's explicit `null`); 0 and other minutes are stored as they are.
 */
export class KaeruRoomScheduleAdapterData1765000000000 implements MigrationInterface {
  readonly name = 'KaeruRoomScheduleAdapterData1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    const text = textOptions(runner);
    await runner.addColumns('kaeru_room', [
      new TableColumn({ name: 'report_times', type: 'text', isNullable: true, ...text }),
      new TableColumn({ name: 'reminder_after_minutes', type: 'integer', isNullable: true }),
    ]);
    const key = (name: string, length: number): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isPrimary: true, ...text });
    await runner.createTable(
      new Table({
        name: 'kaeru_adapter_data',
        columns: [
          key('namespace', ADAPTER_NAMESPACE_LENGTH),
          key('data_key', ID_LENGTH),
          // MySQL TEXT stops at 64 KB; a namespace's value may be larger (as a room's member list).
          { name: 'data_value', type: isMysql(runner) ? 'mediumtext' : 'text', ...text },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('kaeru_adapter_data', true);
    await runner.dropColumns('kaeru_room', ['reminder_after_minutes', 'report_times']);
  }
}

// Copied, not shared, from the first migration: a released migration must never change
// because a helper it imports did.
const isMysql = (runner: QueryRunner): boolean => ['mysql', 'mariadb'].includes(runner.connection.options.type);

/** Binary utf8mb4 on MySQL: case- and accent-sensitive keys, emoji, as every other kaeru column. */
function textOptions(runner: QueryRunner): Partial<TableColumnOptions> {
  return isMysql(runner) ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {};
}
