'use strict';
// inbound (the peer): the same day of messages through a botbuilder 4.23.3 bot
// (bench/lib/botbuilder-peer.js). Run: node bench/inbound-botbuilder.js
const { core, cpuSince, median, percentile, round, runSection, flag, peakRssMb } = require('./lib/common');
const { organisation, dayOfMessages, mixOf } = require('./lib/world');
const { createPeer } = require('./lib/botbuilder-peer');

const MEMBERS = 1000;
const ROOMS = 50;

async function oneDay(org, day) {
  const { understand, normalizeText } = core();
  // The same virtual instants as kaeru's run: answers at 09:xx, changes after 10:00.
  let now = new Date('2026-12-07T09:00:00+09:00');
  const peer = createPeer({ org, understand, normalizeText, now: () => now });
  const latencies = [];
  let cpu = 0;
  const send = async (messages) => {
    const from = process.cpuUsage();
    for (const m of messages) {
      const t0 = process.hrtime.bigint();
      await peer.handle(m);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    cpu += cpuSince(from);
  };
  await send(day.morning);
  now = new Date('2026-12-07T10:00:00+09:00');
  await send(day.afternoon);
  if (peer.sent !== latencies.length) throw new Error(`peer sent ${peer.sent} replies for ${latencies.length} messages`);
  return { cpu_s: cpu, messages: latencies.length, latencies };
}

async function main() {
  const reps = Number(flag('reps', '3'));
  const org = organisation(MEMBERS, ROOMS);
  const day = dayOfMessages(org);
  await oneDay(org, day); // JIT warm-up, thrown away, as for kaeru
  const runs = [];
  for (let i = 0; i < reps; i++) runs.push(await oneDay(org, day));
  return {
    impl: 'botbuilder',
    version: require('botbuilder/package.json').version,
    storage: 'botbuilder MemoryStorage',
    members: MEMBERS,
    rooms: ROOMS,
    messages: runs[0].messages,
    mix: mixOf(day),
    runs: reps,
    cpu_s: round(median(runs.map((r) => r.cpu_s))),
    msgs_per_cpu_s: round(median(runs.map((r) => r.messages / r.cpu_s)), 0),
    p50_us: round(median(runs.map((r) => percentile(r.latencies, 50))), 0),
    p99_us: round(median(runs.map((r) => percentile(r.latencies, 99))), 0),
    peak_rss_mb: peakRssMb(),
  };
}

runSection(main);
