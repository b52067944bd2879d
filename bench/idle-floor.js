'use strict';
// idle floor: a bare Node process that loads nothing and arms nothing, measured exactly as
// idle.js measures kaeru. On some virtual machines the accounting of an idle process is
// not zero (seen here: 0.06–0.3 CPU-s a minute for `setTimeout` alone); kaeru's own idle
// cost is what it uses above this floor. Run: node bench/idle-floor.js [--seconds 60]
const { round, runSection, flag, rssMb } = require('./lib/common');
const { wakeupCounter, idleWindow } = require('./lib/wakeups');

async function main() {
  const seconds = Number(flag('seconds', '60'));
  const wakeups = wakeupCounter();
  const window = await idleWindow(wakeups, seconds * 1000, Number(flag('settle', '5')) * 1000);
  return {
    impl: 'bare node (floor)',
    window_s: round(window.wall_s, 2),
    cpu_s: round(window.cpu_s, 4),
    cpu_s_per_min: round((window.cpu_s * 60) / window.wall_s, 4),
    timer_wakeups: wakeups.counts.fired,
    rss_mb: rssMb(),
  };
}

runSection(main);
