'use strict';
// memory: RSS and heap of a started engine (SQLite file, no-op adapter) holding 10,000
// members in 500 rooms and a day of declarations (one per member, half of them changed).
// Run: node --expose-gc bench/memory.js
const { core, typeorm, peakRssMb, round, tempDb, removeDb, runSection, flag } = require('./lib/common');
const { organisation, noopAdapter } = require('./lib/world');

const mb = (bytes) => round(bytes / 1048576, 1);

function snapshot() {
  if (global.gc) global.gc();
  const m = process.memoryUsage();
  return { rss_mb: mb(m.rss), heap_used_mb: mb(m.heapUsed), heap_total_mb: mb(m.heapTotal), external_mb: mb(m.external) };
}

async function main() {
  const members = Number(flag('members', '10000'));
  const { createBot, VirtualClock } = core();
  const before = snapshot();
  const org = organisation(members, members / 20);
  const file = tempDb('memory');
  const storage = typeorm().createTypeormStorage({ type: 'sqlite', file });
  const clock = new VirtualClock('2026-12-07T08:59:00+09:00');
  const bot = createBot({ config: org, storage, adapters: [noopAdapter()], clock, instanceId: 'bench' });
  await bot.start();
  const started = snapshot();
  // The day's declarations go straight to storage: the engine path is measured by inbound.
  const at = '2026-12-07T09:10:00.000Z';
  for (const [i, m] of org.members.entries()) {
    const value = { state: 'leaving', time: `${17 + (i % 4)}:${i % 2 ? '30' : '00'}` };
    await storage.declarations.apply(m.id, '2026-12-07', { memberId: m.id, date: '2026-12-07', updatedAt: at, ...value }, { memberId: m.id, date: '2026-12-07', at, after: value });
    if (i % 2) {
      const later = { state: 'leaving', time: '20:00' };
      await storage.declarations.apply(m.id, '2026-12-07', { memberId: m.id, date: '2026-12-07', updatedAt: at, ...later }, { memberId: m.id, date: '2026-12-07', at, before: value, after: later });
    }
  }
  const loaded = snapshot();
  const result = {
    members,
    rooms: members / 20,
    storage: 'sqlite file (sqlite3)',
    gc_forced: Boolean(global.gc),
    node_baseline: before,
    after_start: started,
    after_declarations: loaded,
    rss_mb: loaded.rss_mb,
    heap_used_mb: loaded.heap_used_mb,
    peak_rss_mb: peakRssMb(),
  };
  await bot.stop();
  removeDb(file);
  return result;
}

runSection(main);
