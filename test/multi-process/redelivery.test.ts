import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Bot, VirtualClock, createBot } from '@kaeru/core';
import { RecordingAdapter } from '@kaeru/core/testing';
import { type TypeormStorage, createTypeormStorage } from '@kaeru/storage-typeorm';
import { scratchDatabase } from './scratch-database';

const url = process.env.KAERU_TEST_POSTGRES_URL;

// jest.config.js leaves this folder out when KAERU_TEST_POSTGRES_URL is unset.
if (!url) throw new Error('[kaeru] the multi-process tests need KAERU_TEST_POSTGRES_URL');

describe('an inbound event redelivered to another instance (PostgreSQL)', () => {
  let drop: () => Promise<void>;
  const bots: Bot[] = [];
  const adapters: RecordingAdapter[] = [];
  let storage: TypeormStorage;
  beforeAll(async () => {
    const db = await scratchDatabase(url, 'kaeru_redelivery');
    drop = db.drop;
    for (const instanceId of ['a', 'b']) {
      const clock = new VirtualClock('2026-12-07T08:00:00+09:00');
      const adapter = new RecordingAdapter(clock);
      adapters.push(adapter);
      // Each bot has its own storage (own pool), as two processes would.
      const bot = createBot({
        config: { rooms: [{ id: 'sales', members: ['u1'] }], members: [{ id: 'u1', name: '山田' }] },
        storage: createTypeormStorage({ type: 'postgres', url: db.url }),
        clock,
        adapters: [adapter],
        instanceId,
      });
      await bot.start();
      bots.push(bot);
    }
    storage = createTypeormStorage({ type: 'postgres', url: db.url });
    await storage.init();
  }, 30_000);
  afterAll(async () => {
    for (const bot of bots) await bot.stop();
    await storage?.close();
    await drop?.();
  });

  it('is processed once: one reply, one history entry', async () => {
    const incoming = { eventId: 'slack:Ev42', adapter: 'test', memberId: 'u1', text: '18時半', receivedAt: new Date('2026-12-06T23:01:00Z') };
    // Both at once, like a platform retry landing on the other instance while the first still works.
    const [first, second] = await Promise.all(bots.map((bot) => bot.handle({ ...incoming })));
    expect([first.length, second.length].sort()).toEqual([0, 1]);
    expect(adapters.flatMap((a) => a.sent).filter((m) => m.kind === 'reply')).toHaveLength(1);
    expect(await storage.declarations.history('u1', '2026-12-07')).toHaveLength(1);
    expect(await storage.declarations.get('u1', '2026-12-07')).toMatchObject({ state: 'leaving', time: '18:30' });
    // And again later, to the first instance: still nothing.
    expect(await bots[0].handle({ ...incoming })).toEqual([]);
    expect(await storage.declarations.history('u1', '2026-12-07')).toHaveLength(1);
  });
});
