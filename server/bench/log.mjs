// @ts-check
/**
 * `npm run bench:log`: 10 000 entries (BENCH_TOTAL) from 50 concurrent clients on loopback
 * against each store, then the same load with the receiver killed (SIGKILL) halfway and
 * restarted; then two receivers sharing one PostgreSQL database, one of them killed halfway.
 * Prints figures, with each receiver's peak memory; the checks (every acknowledged entry stored,
 * none twice) fail the run if broken.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from '../test/support/cluster.mjs';
import { checkStored, postLoad, quantile } from '../test/support/load.mjs';
import { startReceiver } from '../test/support/receiver.mjs';

const TOTAL = Number(process.env.BENCH_TOTAL ?? 10_000);
const CLIENTS = 50;

const cluster = await startCluster();
const temps = /** @type {string[]} */ ([]);
const places = {
  embedded: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samtykke-bench-'));
    temps.push(dir);
    return { DATA_DIR: dir };
  },
  postgresql: async () => ({ DATABASE_URL: await cluster.createDatabase() }),
};

console.log(`consent log: ${TOTAL} entries, ${CLIENTS} concurrent clients, loopback; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
let broken = false;
/** Peak resident memory of a receiver process, in MB (Linux). @param {number} pid */
const peakMb = (pid) => Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024);
try {
  for (const [name, place] of Object.entries(places)) {
    const env = { ...(await place()), RATE_LIMIT_PER_MINUTE: '0', GLOBAL_RATE_LIMIT_PER_MINUTE: '0' };

    // The first start creates the store (for the embedded one, by unpacking the template the
    // build made, in a process of its own); its peak is reported apart from a receiver's under load, which starts on a store
    // that exists, as every start after the first does.
    const first = await startReceiver(env);
    const firstStart = peakMb(first.pid);
    await first.kill('SIGTERM');
    const receiver = await startReceiver(env);
    const run = await postLoad({ url: receiver.url, total: TOTAL, clients: CLIENTS });
    const full = await checkStored(receiver.url, run.acked);
    const memory = peakMb(receiver.pid);
    await receiver.kill('SIGTERM');

    const env2 = { ...(await place()), RATE_LIMIT_PER_MINUTE: '0', GLOBAL_RATE_LIMIT_PER_MINUTE: '0' };
    const victim = await startReceiver(env2);
    /** @type {Promise<void> | null} */
    let killed = null;
    const cut = await postLoad({ url: victim.url, total: TOTAL, clients: CLIENTS, onAck: (n) => void (n === TOTAL / 2 && (killed = victim.kill('SIGKILL'))) });
    await killed;
    const restarted = await startReceiver(env2);
    const after = await checkStored(restarted.url, cut.acked);
    await restarted.kill('SIGTERM');

    console.log(
      `${name.padEnd(10)}  ${(run.acked.size / run.seconds).toFixed(0).padStart(5)} entries/s  p50 ${quantile(run.latencies, 0.5).toFixed(1)} ms  p99 ${quantile(run.latencies, 0.99).toFixed(1)} ms  ` +
        `acknowledged ${run.acked.size}/${TOTAL}, stored ${full.stored}, missing ${full.missing}, twice ${full.twice}, peak ${memory} MB (first start ${firstStart} MB)  |  ` +
        `SIGKILL after ${cut.acked.size} acknowledged: missing ${after.missing}, twice ${after.twice} after restart`,
    );
    if (run.acked.size !== TOTAL || full.missing || full.twice || full.stored !== TOTAL || after.missing || after.twice) broken = true;
  }

  // Two receivers behind a load balancer, sharing one database: half the clients each; one is
  // killed when a quarter of the entries are acknowledged, the other carries on.
  const shared = { DATABASE_URL: await cluster.createDatabase(), RATE_LIMIT_PER_MINUTE: '0', GLOBAL_RATE_LIMIT_PER_MINUTE: '0' };
  const [a, b] = [await startReceiver(shared), await startReceiver(shared)];
  /** @type {Promise<void> | null} */
  let killedA = null;
  const [runA, runB] = await Promise.all([
    postLoad({ url: a.url, total: TOTAL / 2, clients: CLIENTS / 2, from: 0, onAck: (n) => void (n === TOTAL / 4 && (killedA = a.kill('SIGKILL'))) }),
    postLoad({ url: b.url, total: TOTAL / 2, clients: CLIENTS / 2, from: TOTAL }),
  ]);
  await killedA;
  const both = new Set([...runA.acked, ...runB.acked]);
  const check = await checkStored(b.url, both);
  const latencies = [...runA.latencies, ...runB.latencies];
  const seconds = Math.max(runA.seconds, runB.seconds);
  await b.kill('SIGTERM');
  console.log(
    `postgresql, 2 receivers  ${(both.size / seconds).toFixed(0).padStart(5)} entries/s  p50 ${quantile(latencies, 0.5).toFixed(1)} ms  p99 ${quantile(latencies, 0.99).toFixed(1)} ms  ` +
      `one SIGKILLed after ${runA.acked.size} acknowledged; acknowledged by both ${both.size}: missing ${check.missing}, twice ${check.twice}`,
  );
  if (check.missing || check.twice || runB.acked.size !== TOTAL / 2) broken = true;
} finally {
  await cluster.stop();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
}
if (broken) {
  console.error('consent log: an acknowledged entry was lost or stored twice');
  process.exit(1);
}
