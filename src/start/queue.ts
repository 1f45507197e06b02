import { QUEUED, type QueuedCall } from './protocol';

/**
 * `window.samtykke` until the engine is here: each call the API takes (protocol.ts) is queued in
 * `calls`, for the engine to make in order. It answers nothing yet: a page that reads the
 * decision waits for `samtykke.on('ready', …)`, which is queued like the rest.
 */
export function apiQueue(calls: QueuedCall[]): Record<string, (...args: unknown[]) => void> {
  const queue: Record<string, (...args: unknown[]) => void> = {};
  for (const name of QUEUED) queue[name] = (...args) => void calls.push([name, args]);
  return queue;
}
