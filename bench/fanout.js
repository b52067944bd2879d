'use strict';
// fanout: the 09:00 hearing for 10,000 members in 500 rooms and the 10:00 reports, into a
// no-op adapter over a SQLite file, on a virtual clock moved 08:59 → 10:00.
// Run: node bench/fanout.js [--members 10000 --rooms 500]
const { core, typeorm, cpuSince, peakRssMb, round, tempDb, removeDb, runSection, flag, emit } = require('./lib/common');
const { organisation, noopAdapter } = require('./lib/world');
const { countingStorage } = require('./lib/counting-storage');

/**
 * CPU and wall time of `work`, and the storage round trips it made. A phase that passes
 * `budgetS` of CPU is cut short: the section then reports what was sent by then and a
 * linear extrapolation (each job costs the same within a phase), so the bench still ends
 * in minutes while a hot path makes the full run take far longer.
 */
async function phase(counter, work, budget) {
  counter.reset();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  if (budget) {
    const watch = setInterval(() => {
      if (cpuSince(cpu0) < budget.cpuS) return;
      clearInterval(watch);
      budget.onExceeded({ cpu_s: round(cpuSince(cpu0)), wall_s: round(Number(process.hrtime.bigint() - t0) / 1e9), storage_round_trips: counter.total(), by_method: { ...counter.counts } });
    }, 1000);
    try {
      await work();
    } finally {
      clearInterval(watch);
    }
  } else {
    await work();
  }
  return {
    cpu_s: round(cpuSince(cpu0)),
    wall_s: round(Number(process.hrtime.bigint() - t0) / 1e9),
    storage_round_trips: counter.total(),
    transactions: counter.counts.transaction ?? 0,
    by_method: { ...counter.counts },
  };
}

async function main() {
  const members = Number(flag('members', '10000'));
  const budgetS = Number(flag('budget-cpu-s', '0'));
  const rooms = Number(flag('rooms', '500'));
  const { createBot, VirtualClock } = core();
  const org = organisation(members, rooms);
  const file = tempDb('fanout');
  const counter = countingStorage(typeorm().createTypeormStorage({ type: 'sqlite', file }));
  const clock = new VirtualClock('2026-12-07T08:59:00+09:00');
  const adapter = noopAdapter();
  const bot = createBot({ config: org, storage: counter.storage, adapters: [adapter], clock, instanceId: 'bench' });

  const cut = (name, target) =>
    budgetS > 0 && {
      cpuS: budgetS,
      onExceeded(partial) {
        const sent = adapter.sent - (name === 'hearings' ? 0 : name === 'reminders' ? members : 2 * members);
        emit({
          members,
          rooms,
          storage: 'sqlite file (sqlite3)',
          completed: false,
          note: `the ${name} phase passed the ${budgetS} CPU-s budget: ${sent} of ${target} sent; cpu_s is extrapolated linearly`,
          [name]: { sent, ...partial, cpu_s_per_job: round(partial.cpu_s / Math.max(1, sent), 5) },
          ...done,
          cpu_s_extrapolated: round((partial.cpu_s / Math.max(1, sent)) * target + (done.hearings ? done.hearings.cpu_s : 0)),
          peak_rss_mb: peakRssMb(),
        });
        process.exit(0);
      },
    };
  const done = {};
  // Seeding and the first plan are a start-up cost, reported apart from the fan-out.
  const start = await phase(counter, () => bot.start());
  done.start = start;
  const hearings = await phase(
    counter,
    async () => {
      await clock.advanceTo('2026-12-07T09:00:00+09:00');
      await bot.idle();
    },
    cut('hearings', members),
  );
  done.hearings = { sent: adapter.sent, ...hearings };
  const sentHearings = adapter.sent;
  // Reminders (default 30 minutes after the hearing) go to everyone: nobody answered here.
  const reminders = await phase(
    counter,
    async () => {
      await clock.advanceTo('2026-12-07T09:59:00+09:00');
      await bot.idle();
    },
    cut('reminders', members),
  );
  const sentReminders = adapter.sent - sentHearings;
  done.reminders = { sent: adapter.sent - sentHearings, ...reminders };
  const reports = await phase(
    counter,
    async () => {
      await clock.advanceTo('2026-12-07T10:00:00+09:00');
      await bot.idle();
    },
    cut('reports', rooms),
  );
  const sentReports = adapter.sent - sentHearings - sentReminders;
  await bot.stop();
  removeDb(file);
  if (sentHearings !== members || sentReports !== rooms) throw new Error(`sent ${sentHearings} hearings and ${sentReports} reports`);
  return {
    members,
    rooms,
    storage: 'sqlite file (sqlite3)',
    completed: true,
    start,
    hearings: { sent: sentHearings, ...hearings },
    reminders: { sent: sentReminders, ...reminders },
    reports: { sent: sentReports, ...reports },
    // The brief's fan-out: the hearings and the reports (reminders are listed apart).
    cpu_s: round(hearings.cpu_s + reports.cpu_s),
    wall_s: round(hearings.wall_s + reports.wall_s),
    storage_round_trips: hearings.storage_round_trips + reports.storage_round_trips,
    peak_rss_mb: peakRssMb(),
  };
}

runSection(main);
