import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions, TableIndex } from 'typeorm';
import { DATE_LENGTH, ID_LENGTH, JOB_KEY_LENGTH, TIME_LENGTH } from '../entities/columns';

/**
 * The first schema. Written by hand with the Table API (not generated, never synchronized)
 * so the same code creates the same tables on SQLite, PostgreSQL and MySQL.
 * Its name ends in the 13-digit timestamp TypeORM orders migrations by.
 */
export class KaeruInitial1764720000000 implements MigrationInterface {
  readonly name = 'KaeruInitial1764720000000';

  async up(runner: QueryRunner): Promise<void> {
    const c = columnsFor(runner);
    await runner.createTable(
      new Table({
        name: 'kaeru_member',
        columns: [c.key('id', ID_LENGTH), c.text('name'), c.text('aliases'), c.str('time_zone', 64, true), c.str('locale', 8, true)],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'kaeru_room',
        columns: [
          c.key('id', ID_LENGTH),
          c.text('name'),
          c.str('time_zone', 64),
          c.str('locale', 8),
          c.str('country', 8),
          c.str('hearing_at', TIME_LENGTH),
          c.str('report_at', TIME_LENGTH),
          c.str('teiji', TIME_LENGTH),
          c.str('late_from', TIME_LENGTH),
          c.text('work_days'),
          c.longText('members'),
          c.text('holidays'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'kaeru_declaration',
        columns: [
          c.key('member_id', ID_LENGTH),
          c.key('business_date', DATE_LENGTH),
          c.str('state', 16),
          c.str('leave_time', TIME_LENGTH, true),
          c.bool('approx'),
          c.str('range_from', TIME_LENGTH, true),
          c.str('range_to', TIME_LENGTH, true),
          c.bool('late_night'),
          c.epoch('updated_at'),
        ],
        indices: [new TableIndex({ name: 'idx_kaeru_declaration_date', columnNames: ['business_date'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'kaeru_declaration_change',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          c.str('member_id', ID_LENGTH),
          c.str('business_date', DATE_LENGTH),
          c.epoch('changed_at'),
          c.text('before', true),
          c.text('after', true),
          c.text('source', true),
        ],
        indices: [new TableIndex({ name: 'idx_kaeru_declaration_change_member_date', columnNames: ['member_id', 'business_date'] })],
      }),
    );
    await runner.createTable(
      new Table({ name: 'kaeru_holiday', columns: [c.key('scope', ID_LENGTH), c.key('holiday_date', DATE_LENGTH)] }),
    );
    await runner.createTable(
      new Table({
        name: 'kaeru_job',
        columns: [
          c.key('job_key', JOB_KEY_LENGTH),
          c.str('kind', 16),
          c.str('business_date', DATE_LENGTH),
          c.str('target', ID_LENGTH),
          c.epoch('due_at'),
          c.str('status', 16),
          c.str('owner', ID_LENGTH, true),
          c.epoch('lease_until', true),
          c.str('claim_token', 36, true),
          c.text('reason', true),
          c.text('ref', true),
          c.epoch('done_at', true),
        ],
        indices: [
          new TableIndex({ name: 'idx_kaeru_job_date', columnNames: ['business_date'] }),
          new TableIndex({ name: 'idx_kaeru_job_owner_status', columnNames: ['owner', 'status'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'kaeru_inbound_event',
        columns: [c.key('event_id', ID_LENGTH), c.epoch('received_at')],
        indices: [new TableIndex({ name: 'idx_kaeru_inbound_event_received_at', columnNames: ['received_at'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'kaeru_inbound_event',
      'kaeru_job',
      'kaeru_holiday',
      'kaeru_declaration_change',
      'kaeru_declaration',
      'kaeru_room',
      'kaeru_member',
    ]) {
      await runner.dropTable(table, true);
    }
  }
}

/** Column builders that differ only where a database needs it. */
function columnsFor(runner: QueryRunner) {
  const type = runner.connection.options.type;
  const mysql = type === 'mysql' || type === 'mariadb';
  // MySQL's default collations ignore case and accents, so 'U1' and 'u1' would be one id;
  // binary utf8mb4 compares like SQLite and PostgreSQL do, and stores emoji.
  const text = mysql ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {};
  const str = (name: string, length: number, isNullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable,
    ...text,
  });
  return {
    str,
    key: (name: string, length: number): TableColumnOptions => ({ ...str(name, length), isPrimary: true }),
    text: (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable, ...text }),
    // MySQL TEXT stops at 64 KB: a room of a few thousand member ids needs more.
    longText: (name: string): TableColumnOptions => ({ name, type: mysql ? 'mediumtext' : 'text', ...text }),
    bool: (name: string): TableColumnOptions => ({ name, type: 'boolean', isNullable: true }),
    epoch: (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable }),
  };
}
