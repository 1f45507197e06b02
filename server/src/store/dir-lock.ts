import { mkdirSync, realpathSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';

const SOCKET = 'samtykke-log.lock';

/**
 * Takes one folder for this process alone, so two receivers can never write the same embedded
 * store (each would keep its own copy in memory, and one's entries would vanish at restart).
 *
 * The lock is a Unix socket listening in the folder: the kernel lets only one process listen
 * on it, and a process that dies (even by SIGKILL) stops listening, so a lock is never left
 * behind. A socket file nobody answers on is such a leftover and is taken over. This holds for
 * processes on one machine, containers sharing a volume included; not across machines on a
 * network filesystem (use a PostgreSQL server there).
 */
export async function lockDir(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  const path = join(realpathSync(dir), SOCKET);
  // A Unix socket's path has room for about 100 bytes.
  if (Buffer.byteLength(path) > 100) throw new Error(`DATA_DIR ${dir} is too long a path for the folder's lock (at most about 80 characters): use a shorter one`);
  const inUse = () => new Error(`DATA_DIR ${dir} is in use by another samtykke-log process: run one receiver per DATA_DIR, or let several share a PostgreSQL server (DATABASE_URL)`);
  let server: Server;
  try {
    server = await listen(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (await answers(path)) throw inUse();
    unlinkSync(path); // left by a receiver that died
    server = await listen(path).catch((again: NodeJS.ErrnoException) => {
      throw again.code === 'EADDRINUSE' ? inUse() : again; // another start won the takeover
    });
  }
  server.unref(); // the lock alone must not keep the process alive
  return () => new Promise((resolve) => server.close(() => resolve()));
}

function listen(path: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(path, () => resolve(server));
  });
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
