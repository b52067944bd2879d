/**
 * Gives the contract an empty database on a real server for each test: drops kaeru's
 * tables from the database the URL names, so the next `init()` migrates from scratch.
 * Point KAERU_TEST_*_URL at a throwaway database: its kaeru tables are wiped.
 */
const TABLES = [
  'kaeru_migrations',
  'kaeru_adapter_data',
  'kaeru_inbound_event',
  'kaeru_job',
  'kaeru_holiday',
  'kaeru_declaration_change',
  'kaeru_declaration',
  'kaeru_room',
  'kaeru_member',
];

export async function freshDatabase(kind: 'postgres' | 'mysql', url: string): Promise<string> {
  if (kind === 'postgres') {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`DROP TABLE IF EXISTS ${TABLES.map((t) => `"${t}"`).join(', ')} CASCADE`);
    } finally {
      await client.end();
    }
  } else {
    const mysql = await import('mysql2/promise');
    const connection = await mysql.createConnection(url);
    try {
      await connection.query(`DROP TABLE IF EXISTS ${TABLES.map((t) => `\`${t}\``).join(', ')}`);
    } finally {
      await connection.end();
    }
  }
  return url;
}

/**
 * A database of its own next to the one the URL names (`<name>_<suffix>`, created when
 * missing), for a suite that must not share tables with the contract running in parallel.
 */
export async function siblingDatabase(kind: 'postgres' | 'mysql', url: string, suffix: string): Promise<string> {
  const sibling = new URL(url);
  const name = `${sibling.pathname.slice(1)}_${suffix}`;
  sibling.pathname = `/${name}`;
  if (kind === 'postgres') {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}" ENCODING 'UTF8'`);
    } finally {
      await client.end();
    }
  } else {
    const mysql = await import('mysql2/promise');
    const connection = await mysql.createConnection(url);
    try {
      await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    } finally {
      await connection.end();
    }
  }
  return freshDatabase(kind, sibling.toString());
}
