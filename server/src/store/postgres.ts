import pg from 'pg';
import { silentLog, type Log } from '../log.js';
import type { Db } from './db.js';

export interface PostgresOptions {
  readonly log?: Log;
  /** How long to wait for a connection, and for one statement, before answering 503. */
  readonly connectMs?: number;
  readonly statementMs?: number;
}

/**
 * A PostgreSQL server. Each connection sets `synchronous_commit = on` itself, so a COMMIT
 * returns only once its WAL is flushed and a resolved write is durable, whatever the
 * server's or database's default. Timeouts keep a stalled server from holding requests open.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const { log = silentLog, connectMs = 10_000, statementMs = 15_000 } = options;
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: connectMs,
    // The server ends a statement past its time; the client gives up a little later should the server not answer at all.
    options: `-c synchronous_commit=on -c statement_timeout=${statementMs}`,
    query_timeout: statementMs + 5_000,
  });
  // An idle client losing its connection must not crash the receiver; the next query reconnects.
  pool.on('error', (error: Error & { code?: string }) => log('error', 'database connection lost', { error: error.name, code: String(error.code ?? '') }));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
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
