import { describe, expect, it } from 'vitest';
import { STORES } from './stores.js';
import { checkStored, postLoad } from './support/load.mjs';
import { startReceiver } from './support/receiver.mjs';

describe.each(STORES)('the receiver killed mid-load on the $name store', (kind) => {
  it('keeps every entry it answered 200/201 for, once, after a restart', async () => {
    const place = await kind.place();
    const env = { ...place, RATE_LIMIT_PER_MINUTE: '0', GLOBAL_RATE_LIMIT_PER_MINUTE: '0' };
    const receiver = await startReceiver(env);
    let killed: Promise<void> | null = null;
    const load = await postLoad({
      url: receiver.url,
      total: 3000,
      clients: 20,
      onAck: (acked) => {
        if (acked === 400) killed = receiver.kill('SIGKILL');
      },
    });
    await killed;
    expect(load.acked.size).toBeGreaterThanOrEqual(400);
    expect(load.statuses.network).toBeGreaterThan(0); // the kill landed mid-run

    const restarted = await startReceiver(env);
    try {
      const result = await checkStored(restarted.url, load.acked);
      expect(result).toMatchObject({ missing: 0, twice: 0 });
    } finally {
      await restarted.kill('SIGTERM');
    }
  });
});
