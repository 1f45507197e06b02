// @ts-check
/** A load of valid entries from concurrent clients, and the check that each acknowledged one is stored once. */
import { createHash } from 'node:crypto';
import { ORIGIN, TOKEN } from './receiver.mjs';

/** What the test visitors were shown, in canonical JSON (sorted keys, no spaces), as a sender posts it. */
export const SNAPSHOTS = {
  services: '{"kind":"services","services":[{"cookies":[],"id":"google-analytics","name":"Google Analytics","provider":"Google Ireland Limited","purpose":"analytics"}]}',
  texts: '{"kind":"texts","lang":"nb","overrides":{},"version":"0.1.0"}',
};
/** @param {string} canonical */
export const hashOf = (canonical) => createHash('sha256').update(canonical).digest('base64url').slice(0, 22);

/** Posts the snapshots the load's entries name, as a sender does on its first 428. @param {string} url */
export async function postSnapshots(url) {
  for (const body of Object.values(SNAPSHOTS)) {
    const res = await fetch(`${url}/v1/snapshots`, { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' }, body });
    if (res.status !== 201 && res.status !== 200) throw new Error(`snapshot refused: ${res.status} ${await res.text()}`);
  }
}

// Thirty days ago at midnight: well inside the times the receiver accepts (400 days back).
const BASE = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 30 * 86_400_000;

/** @param {number} n  a distinct, valid entry per n, n seconds after BASE */
export function entry(n) {
  return {
    id: `load${String(n).padStart(8, '0')}`,
    time: new Date(BASE + n * 1000).toISOString(),
    revision: 'r1',
    servicesHash: hashOf(SNAPSHOTS.services),
    choices: { analytics: n % 2 === 0, marketing: n % 3 === 0 },
    lang: 'nb',
    version: '0.1.0',
    textsHash: hashOf(SNAPSHOTS.texts),
    path: '/produkter',
    previousId: null,
  };
}

/**
 * Posts `total` entries from `clients` loops. A client stops at its first network error
 * (the receiver was killed). `onAck` may act mid-run (e.g. kill the receiver).
 * `from`: the first entry's number, so two loads can post different entries.
 * @param {{ url: string, total: number, clients: number, from?: number, onAck?: (acked: number) => void }} o
 */
export async function postLoad({ url, total, clients, from = 0, onAck }) {
  /** @type {Set<string>} */
  const acked = new Set();
  /** @type {number[]} */
  const latencies = [];
  const statuses = /** @type {Record<string, number>} */ ({});
  await postSnapshots(url);
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < total) {
      const e = entry(from + next++);
      const t = performance.now();
      let res;
      try {
        res = await fetch(`${url}/v1/consents`, { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' }, body: JSON.stringify(e) });
        await res.arrayBuffer();
      } catch {
        statuses.network = (statuses.network ?? 0) + 1;
        return;
      }
      latencies.push(performance.now() - t);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 201 || res.status === 200) {
        acked.add(e.id);
        onAck?.(acked.size);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { acked, latencies, statuses, seconds: (performance.now() - started) / 1000 };
}

/**
 * Reads the whole log back: how many acknowledged ids are missing and how many ids appear twice.
 * @param {string} url @param {Set<string>} acked
 */
export async function checkStored(url, acked) {
  const res = await fetch(`${url}/v1/consents?format=ndjson`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  const lines = (await res.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l));
  // Beside the entries, the snapshots they name and the chain of seals; the last line counts
  // the entries: an export without it broke off.
  const ids = lines.filter((l) => 'id' in l).map((l) => l.id);
  if (lines.at(-1)?.count !== ids.length) throw new Error(`export incomplete: ${JSON.stringify(lines.at(-1))}`);
  const unique = new Set(ids);
  return { stored: ids.length, missing: [...acked].filter((id) => !unique.has(id)).length, twice: ids.length - unique.size };
}

/** @param {number[]} values @param {number} q */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
