import { Client } from 'pg';

/**
 * A PostgreSQL database of its own for one test file: the contract suites wipe the kaeru
 * tables of the database KAERU_TEST_POSTGRES_URL names, and jest runs files in parallel.
 * Needs CREATEDB (scripts/ci/databases.sh connects as the superuser).
 */
export async function scratchDatabase(url: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { url: scratch.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
