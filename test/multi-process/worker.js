'use strict';
/**
 * One kaeru instance for the multi-process test: the BUILT packages (dist), a PostgreSQL
 * storage, and an adapter that POSTs every send to the test's fake chat API. Plain JS so
 * it runs with `node` alone. Settings come as JSON in KAERU_WORKER (see fan-out.test.ts).
 */
const http = require('node:http');

const settings = JSON.parse(process.env.KAERU_WORKER);
const load = (name) => require(require.resolve(name, { paths: [settings.root] }));
load('reflect-metadata');
const { createBot } = load('@kaeru/core');
const { createTypeormStorage } = load('@kaeru/storage-typeorm');

/**
 * A shared fast clock: every process derives the same instant from the wall clock
 * (virtualStart at realStart, `speed` times faster), so due times and claim leases agree
 * across processes. Independent VirtualClocks could not: each would be its own timeline.
 */
const clock = {
  now: () => new Date(settings.virtualStart + (Date.now() - settings.realStart) * settings.speed),
  setTimer(at, fire) {
    const delay = Math.max(0, (at.getTime() - clock.now().getTime()) / settings.speed);
    const handle = setTimeout(() => void fire(), Math.min(delay, 2 ** 31 - 1));
    return { cancel: () => clearTimeout(handle) };
  },
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** A webhook-style adapter: one POST per message; a non-200 answer is a failed send. */
const adapter = {
  name: 'web',
  capabilities: { buttons: false, directMessages: true, editMessages: false, userDirectory: false },
  async start() {},
  async stop() {
    agent.destroy();
  },
  send(target, message) {
    const body = JSON.stringify({ instance: settings.instance, to: { kind: target.kind, id: target.id }, kind: message.kind });
    return new Promise((resolve, reject) => {
      const req = http.request(settings.api, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve({ ref: `${settings.instance}:${target.id}` }) : reject(new Error(`fake API answered ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  },
  async edit() {},
};

const members = Array.from({ length: settings.members }, (_, i) => ({ id: `m${String(i).padStart(4, '0')}`, name: `社員 ${i}` }));
const perRoom = Math.ceil(settings.members / settings.rooms);
const rooms = Array.from({ length: settings.rooms }, (_, r) => ({
  id: `r${String(r).padStart(2, '0')}`,
  name: `Room ${r}`,
  timeZone: 'Asia/Tokyo',
  hearingAt: settings.hearingAt,
  reportAt: settings.reportAt,
  workDays: [1, 2, 3, 4, 5, 6, 7],
  members: members.slice(r * perRoom, (r + 1) * perRoom).map((m) => m.id),
}));

const logger = {
  debug() {},
  info() {},
  warn: (message, fields) => process.stderr.write(`[${settings.instance}] warn ${message} ${JSON.stringify(fields ?? {})}\n`),
  error: (message, fields) => process.stderr.write(`[${settings.instance}] error ${message} ${JSON.stringify(fields ?? {})}\n`),
};

const bot = createBot({
  config: { rooms, members },
  storage: createTypeormStorage({ type: 'postgres', url: settings.database }),
  clock,
  adapters: [adapter],
  instanceId: settings.instance,
  logger,
  // Honoured once createBot passes it to the scheduler; a short lease lets a dead
  // instance's claims be taken over within the test.
  leaseMs: settings.leaseMs,
});

process.on('SIGTERM', () => {
  bot.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});

bot.start().then(
  () => process.stdout.write('ready\n'),
  (error) => {
    process.stderr.write(`[${settings.instance}] start failed: ${error && error.stack}\n`);
    process.exit(1);
  },
);
