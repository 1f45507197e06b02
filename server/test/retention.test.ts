import { describe, expect, it } from 'vitest';
import { ConsentStore } from '../src/store/store.js';
import { STORES } from './stores.js';

describe.each(STORES)('retention on the $name store', (kind) => {
  it('frees the space of what it deletes, so a steady log keeps a steady size', async () => {
    const db = await kind.openDb(await kind.place());
    const store = await ConsentStore.open(db);
    const fill = () =>
      db.query(
        `INSERT INTO consent_log (id, time, revision, services_hash, choices, lang, version, texts_hash, path, received_at)
         SELECT 'fill' || g, now() + g * interval '1 ms', 'r1', 'svc1', '{"analytics":true}', 'nb', '0.1.0', 'txt1', '/side', now() - interval '10 days'
         FROM generate_series(1, 3000) g`,
      );
    const size = async () => Number((await db.query<{ bytes: string }>("SELECT pg_relation_size('consent_log') AS bytes"))[0]!.bytes);
    try {
      await fill();
      const before = await size();
      expect(await store.deleteReceivedBefore(new Date(Date.now() - 86_400_000))).toBe(3000);
      await fill();
      expect(await size()).toBeLessThanOrEqual(before);
    } finally {
      await store.close();
    }
  });
});
