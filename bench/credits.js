'use strict';
// credits: from the measured costs, the CPU credits a day of organisations of 100, 1,000
// and 10,000 members against what a t2.micro and a t3.micro earn. Pure arithmetic over the
// other sections, through core's own projection (the one `kaeru credits` prints).
const path = require('node:path');
const { ROOT, round, median } = require('./lib/common');

function credits() {
  return require(path.join(ROOT, 'packages/core/dist/credits/index.js'));
}

/** Cost figures (CPU seconds, one vCPU) taken from the sections' measurements. */
function costsOf(sections) {
  const { inbound, fanout, idle } = sections;
  const perJob = (phase) => (phase && phase.sent ? phase.cpu_s / phase.sent : undefined);
  const small = fanout.at_1000_members;
  return {
    // SQLite is the default deployment: its per-message cost, not the memory store's.
    message_cpu_s: 1 / inbound.kaeru_sqlite.msgs_per_cpu_s,
    // Jobs from the complete 1,000-member fan-out (the size of the target organisation).
    hearing_cpu_s: perJob(small.hearings),
    reminder_cpu_s: perJob(small.reminders),
    report_cpu_s: perJob(small.reports),
    // What kaeru adds to an idle node process: this machine's own floor (measured beside it)
    // is the virtual machine's accounting, not kaeru's, and would be there on any instance.
    idle_cpu_s_per_min: idle.kaeru.cpu_s_per_min_above_floor ?? idle.kaeru.cpu_s_per_min,
  };
}

/** The section: costs, then per organisation size and instance type, spend vs earnings. */
function creditsSection(sections, machine) {
  const { costsFromBench, projectDay, projectInstance, instanceSpec, CreditGuard, DEFAULT_WORKLOAD } = credits();
  const costs = costsOf(sections);
  const figures = costsFromBench({ machine, credits: { costs } }, 'this run');
  const organisations = {};
  // A job costs more at 10,000 members (hot paths scale with the number of rooms): that
  // organisation is projected with the per-hearing cost measured at its own size.
  const big = sections.fanout.hearings.cpu_s_per_job ?? (sections.fanout.hearings.cpu_s / sections.fanout.hearings.sent);
  const at10k = { ...figures, hearingCpuS: big, reminderCpuS: big };
  for (const members of [100, 1000, 10000]) {
    const day = projectDay(members >= 10000 ? at10k : figures, members);
    const row = { cpu_s_per_day: round(day.cpuS.total, 2), credits_per_day: round(day.creditsPerDay, 3), cpu_s_by_kind: Object.fromEntries(Object.entries(day.cpuS).map(([k, v]) => [k, round(v, 2)])) };
    for (const name of ['t2.micro', 't3.micro']) {
      const p = projectInstance(instanceSpec(name), day);
      row[`${name}_percent_of_daily_earnings`] = round(p.percentOfEarnings, 3);
    }
    organisations[`members_${members}`] = row;
  }
  // The peer designs, on the same scale: a polling idle loop, botbuilder's per-message cost.
  const pollingIdle = sections.idle.polling.cpu_s_per_min_above_floor ?? sections.idle.polling.cpu_s_per_min;
  return {
    unit: '1 credit = one vCPU at 100% for one minute = 60 CPU-seconds',
    earnings_per_day: { 't2.micro': 144, 't3.micro': 288 },
    assumptions: { ...DEFAULT_WORKLOAD, idle: 'idle cost above the bare-node floor, counted for all 1,440 minutes (an upper bound)', scale: 'CPU-seconds of this machine taken 1:1 as vCPU-seconds of the instance' },
    costs: Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, round(v, 6)])),
    hearing_cpu_s_at_10000_members: round(big, 6),
    organisations,
    peer_polling_idle_credits_per_day: round((pollingIdle * 1440) / 60, 4),
    kaeru_idle_credits_per_day: round((costs.idle_cpu_s_per_min * 1440) / 60, 4),
    guard_sample_us: guardSampleCost(CreditGuard),
  };
}

/** What one CreditGuard.sample() costs (the guard must cost nothing measurable). */
function guardSampleCost(CreditGuard) {
  let t = Date.now();
  const clock = { now: () => new Date((t += 60_000)), setTimer: () => ({ cancel() {} }) };
  const guard = new CreditGuard({ instance: 't2.micro', clock });
  const times = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = process.hrtime.bigint();
    guard.sample();
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return round(median(times.slice(500)), 2);
}

module.exports = { creditsSection };
