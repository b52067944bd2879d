'use strict';
// inbound (kaeru): a day of member messages through the whole engine (`bot.handle`),
// memory or SQLite storage, into a no-op adapter. Run: node bench/inbound.js --storage sqlite
const { core, typeorm, cpuSince, median, percentile, round, tempDb, removeDb, runSection, flag, peakRssMb } = require('./lib/common');
const { organisation, dayOfMessages, mixOf, noopAdapter } = require('./lib/world');

const MEMBERS = 1000;
const ROOMS = 50;

/** One day: hearings at 09:00 (not measured), the morning's messages, the 10:00 reports (not measured), the afternoon's. */
async function oneDay(storageKind, org, day, runNo) {
  const { createBot, VirtualClock, createMemoryStorage } = core();
  const file = storageKind === 'sqlite' ? tempDb(`inbound-${runNo}`) : undefined;
  const storage = file ? typeorm().createTypeormStorage({ type: 'sqlite', file }) : createMemoryStorage();
  const clock = new VirtualClock('2026-12-07T08:59:00+09:00');
  const adapter = noopAdapter();
  const bot = createBot({ config: org, storage, adapters: [adapter], clock, instanceId: 'bench' });
  await bot.start();
  await clock.advanceTo('2026-12-07T09:00:00+09:00');
  await bot.idle();

  const latencies = [];
  let cpu = 0;
  let seq = 0;
  const send = async (messages) => {
    const from = process.cpuUsage();
    for (const m of messages) {
      const t0 = process.hrtime.bigint();
      await bot.handle({ eventId: `e${runNo}-${seq++}`, adapter: 'bench', memberId: m.memberId, roomId: m.roomId, text: m.text, receivedAt: clock.now() });
      latencies.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    cpu += cpuSince(from);
  };
  await send(day.morning);
  await clock.advanceTo('2026-12-07T10:00:00+09:00');
  await bot.idle();
  await send(day.afternoon);
  await bot.stop();
  if (file) removeDb(file);
  return { cpu_s: cpu, messages: latencies.length, latencies };
}

async function main() {
  const storageKind = flag('storage', 'memory');
  const reps = Number(flag('reps', '3'));
  const org = organisation(MEMBERS, ROOMS);
  const day = dayOfMessages(org);
  // The first day warms the JIT and is thrown away: a server handles many days.
  await oneDay(storageKind, org, day, 0);
  const runs = [];
  for (let i = 1; i <= reps; i++) runs.push(await oneDay(storageKind, org, day, i));
  const rates = runs.map((r) => r.messages / r.cpu_s);
  const p50s = runs.map((r) => percentile(r.latencies, 50));
  const p99s = runs.map((r) => percentile(r.latencies, 99));
  return {
    impl: 'kaeru',
    storage: storageKind,
    members: MEMBERS,
    rooms: ROOMS,
    messages: runs[0].messages,
    mix: mixOf(day),
    runs: reps,
    cpu_s: round(median(runs.map((r) => r.cpu_s))),
    msgs_per_cpu_s: round(median(rates), 0),
    p50_us: round(median(p50s), 0),
    p99_us: round(median(p99s), 0),
    peak_rss_mb: peakRssMb(),
  };
}

runSection(main);
