'use strict';
// idle (the peer): the design most bots use (18F's stand-up bot among them), a one-minute
// setInterval tick that asks the database what is due, over the same kind of SQLite file
// (kaeru's schema, 10,000 members) through TypeORM. Run: node bench/idle-polling.js
const { core, typeorm, round, tempDb, removeDb, runSection, flag, rssMb } = require('./lib/common');
const { organisation } = require('./lib/world');
const { wakeupCounter, zoneAtThreeAm, idleWindow } = require('./lib/wakeups');

async function main() {
  const seconds = Number(flag('seconds', '60'));
  const members = Number(flag('members', '10000'));
  const zone = zoneAtThreeAm();
  const org = organisation(members, members / 20, { timeZone: zone });
  const file = tempDb('idle-polling');
  // The same rows as kaeru's run, written by kaeru's storage, then closed.
  const { resolveConfig } = core();
  const seeded = typeorm().createTypeormStorage({ type: 'sqlite', file });
  await seeded.init();
  const config = resolveConfig(org);
  await seeded.members.upsert(config.members);
  await seeded.rooms.upsert(config.rooms);
  await seeded.close();

  const { DataSource } = require('typeorm');
  const db = new DataSource({ type: 'sqlite', database: file, enableWAL: true });
  await db.initialize();
  const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hour12: false });
  let ticks = 0;
  let due = 0;
  /** Every minute: which rooms hear or report now, and then their members. */
  const tick = async () => {
    ticks++;
    const now = hhmm.format(new Date());
    const rooms = await db.query('SELECT id, members FROM kaeru_room WHERE hearing_at = ? OR report_at = ?', [now, now]);
    if (rooms.length === 0) return;
    const ids = rooms.flatMap((r) => JSON.parse(r.members));
    due += (await db.query(`SELECT id, name FROM kaeru_member WHERE id IN (${ids.map(() => '?').join(',')})`, ids)).length;
  };
  const wakeups = wakeupCounter();
  const interval = setInterval(() => void tick(), 60_000);
  // Opened 5 s after the interval was armed: the window sees exactly one tick, as every minute does.
  const window = await idleWindow(wakeups, seconds * 1000, Number(flag('settle', '5')) * 1000);
  clearInterval(interval);
  const result = {
    impl: 'polling (setInterval 60 s + SELECT via TypeORM)',
    members,
    window_s: round(window.wall_s, 2),
    cpu_s: round(window.cpu_s, 4),
    cpu_s_per_min: round((window.cpu_s * 60) / window.wall_s, 4),
    timer_wakeups: wakeups.counts.fired,
    ticks,
    due_found: due,
    rss_mb: rssMb(),
  };
  await db.destroy();
  removeDb(file);
  return result;
}

runSection(main);
