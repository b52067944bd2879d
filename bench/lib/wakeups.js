'use strict';
// Counts timer wake-ups of this process with async_hooks: every Timeout or Immediate
// callback that runs, whoever armed it (libraries that captured setTimeout early included).
const async_hooks = require('node:async_hooks');

function wakeupCounter() {
  const timers = new Map(); // asyncId → type
  const ignored = new Set();
  const counts = { armed: 0, fired: 0, intervals_armed: 0, by_type: {} };
  let open = false;
  const hook = async_hooks.createHook({
    init(id, type, _trigger, resource) {
      if (type !== 'Timeout' && type !== 'Immediate') return;
      timers.set(id, type);
      if (!open) return;
      counts.armed++;
      // A Timeout with _repeat set is a setInterval.
      if (type === 'Timeout' && resource && resource._repeat) counts.intervals_armed++;
    },
    before(id) {
      const type = timers.get(id);
      if (!open || !type || ignored.has(id)) return;
      counts.fired++;
      counts.by_type[type] = (counts.by_type[type] ?? 0) + 1;
    },
    destroy(id) {
      timers.delete(id);
    },
  });
  hook.enable();
  return {
    counts,
    /** Starts counting; `own` is the window's own end timer, not a wake-up of the subject. */
    open(own) {
      if (own) ignored.add(asyncIdOf(own));
      open = true;
    },
    close() {
      open = false;
      hook.disable();
    },
  };
}

/** The async id Node keeps on a Timeout object (under a symbol it does not export). */
function asyncIdOf(timeout) {
  const symbol = Object.getOwnPropertySymbols(timeout).find((s) => String(s) === 'Symbol(asyncId)');
  return symbol ? timeout[symbol] : undefined;
}

/** Wraps a Clock so its setTimer arms and fires are counted. */
function countingClock(clock) {
  const counts = { armed: 0, fired: 0 };
  return {
    counts,
    clock: {
      now: () => clock.now(),
      setTimer(at, fire) {
        counts.armed++;
        return clock.setTimer(at, () => {
          counts.fired++;
          return fire();
        });
      },
    },
  };
}

/** A zone whose local time now is about 03:00, so a 09:00 hearing is ~6 hours away. */
function zoneAtThreeAm(now = new Date()) {
  let offset = 3 - now.getUTCHours();
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  // Etc/GMT signs are inverted: Etc/GMT-9 is UTC+9.
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

/**
 * Measures `ms` of idleness: CPU seconds and timer wake-ups, after a settle period. Start-up
 * (seeding 10,000 members) leaves V8 garbage to collect on its own background threads for
 * seconds after; a long-running server has long done that, so both idle runs collect it
 * first (`--expose-gc`) and then settle, and the window sees only the steady state.
 */
async function idleWindow(counter, ms, settleMs = 5000) {
  if (global.gc) global.gc();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await new Promise((resolve) => {
    const end = setTimeout(resolve, ms);
    counter.open(end);
  });
  counter.close();
  const d = process.cpuUsage(cpu0);
  return { cpu_s: (d.user + d.system) / 1e6, wall_s: Number(process.hrtime.bigint() - t0) / 1e9 };
}

module.exports = { wakeupCounter, countingClock, zoneAtThreeAm, idleWindow };
