'use strict';
// idle (kaeru): createBot + SQLite + no-op adapter on the real SystemClock, 10,000 members,
// nothing due for the next hours; 60 seconds of CPU and timer wake-ups.
// Run: node bench/idle.js [--seconds 60]
const { core, typeorm, round, tempDb, removeDb, runSection, flag, rssMb } = require('./lib/common');
const { organisation, noopAdapter } = require('./lib/world');
const { wakeupCounter, countingClock, zoneAtThreeAm, idleWindow } = require('./lib/wakeups');

async function main() {
  const seconds = Number(flag('seconds', '60'));
  const members = Number(flag('members', '10000'));
  const { createBot, SystemClock } = core();
  const zone = zoneAtThreeAm();
  const org = organisation(members, members / 20, { timeZone: zone });
  const file = tempDb('idle');
  const clock = countingClock(new SystemClock());
  const bot = createBot({ config: org, storage: typeorm().createTypeormStorage({ type: 'sqlite', file }), adapters: [noopAdapter()], clock: clock.clock, instanceId: 'bench' });
  const wakeups = wakeupCounter();
  await bot.start();
  await bot.idle();
  const armedAtStart = clock.counts.armed;
  const window = await idleWindow(wakeups, seconds * 1000, Number(flag('settle', '5')) * 1000);
  const result = {
    impl: 'kaeru',
    members,
    room_zone: zone,
    next_due_at: bot.nextDueAt?.toISOString(),
    window_s: round(window.wall_s, 2),
    cpu_s: round(window.cpu_s, 4),
    cpu_s_per_min: round((window.cpu_s * 60) / window.wall_s, 4),
    timer_wakeups: wakeups.counts.fired,
    timers_armed: wakeups.counts.armed,
    intervals_armed: wakeups.counts.intervals_armed,
    clock_timers_armed_at_start: armedAtStart,
    clock_timer_fires: clock.counts.fired,
    rss_mb: rssMb(),
  };
  await bot.stop();
  removeDb(file);
  return result;
}

runSection(main);
