import pg from 'pg';
import type { Db } from './db.js';

/**
 * A PostgreSQL server. Its default `synchronous_commit = on` means a COMMIT returns only
 * once the WAL is flushed, so a resolved write is already durable.
 */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the receiver; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  return {
    query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async (text, params) => (await client.query(text, params as unknown[])).rows });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    durable: async () => {},
    close: () => pool.end(),
  };
}
