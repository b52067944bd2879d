'use strict';
// npm run bench: every section in its own child process (clean CPU and RSS accounting),
// one JSON document on stdout and in bench/results/latest.json.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { creditsSection } = require('./credits');

const HERE = __dirname;

/** Runs one section file; resolves to the JSON it printed last. */
function section(file, args = [], nodeArgs = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.join(HERE, file), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop();
      try {
        const result = JSON.parse(last);
        if (result.error) return reject(new Error(`${file} ${args.join(' ')}: ${result.error}`));
        resolve(result);
      } catch {
        reject(new Error(`${file} ${args.join(' ')} exited ${code} without a result: ${out.slice(-500)}`));
      }
    });
  });
}

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu_model: cpus[0] ? cpus[0].model : 'unknown',
    cpu_count: cpus.length,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    total_memory_mb: Math.round(os.totalmem() / 1048576),
    // Other work on a shared machine inflates wall times; CPU figures are per process.
    load_average_at_start: os.loadavg().map((l) => Math.round(l * 100) / 100),
    measured_at: new Date().toISOString(),
  };
}

/** `node bench/run.js --only idle`: re-runs one section over the last result (credits recomputed). */
async function only(name) {
  const file = path.join(HERE, 'results', 'latest.json');
  const result = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (name !== 'idle') throw new Error(`--only supports idle, not ${name}`);
  result.idle = await idle();
  result.machine.idle_rerun_at = new Date().toISOString();
  return finish(result);
}

async function idle() {
  log('idle: kaeru, the polling peer and a bare node process (the floor), 60 s each after 60 s to settle, in parallel (all idle: they barely disturb each other)');
  const [kaeruIdle, polling, floor] = await Promise.all([
    // 60 s to settle first: V8 keeps collecting the start-up garbage (10,000 members loaded)
    // for most of a minute; the standing idle cost is what comes after.
    section('idle.js', ['--seconds', '60', '--settle', '60'], ['--expose-gc']),
    section('idle-polling.js', ['--seconds', '60', '--settle', '60'], ['--expose-gc']),
    section('idle-floor.js', ['--seconds', '60', '--settle', '60'], ['--expose-gc']),
  ]);
  const above = (r) => Math.max(0, Math.round((r.cpu_s_per_min - floor.cpu_s_per_min) * 10000) / 10000);
  return {
    kaeru: { ...kaeruIdle, cpu_s_per_min_above_floor: above(kaeruIdle) },
    polling: { ...polling, cpu_s_per_min_above_floor: above(polling) },
    floor,
    note: 'all three ran at the same time in separate processes; the floor is what an idle node process costs on this machine',
  };
}

function finish(result) {
  result.credits = creditsSection(result, result.machine);
  const json = JSON.stringify(result, null, 2);
  fs.mkdirSync(path.join(HERE, 'results'), { recursive: true });
  fs.writeFileSync(path.join(HERE, 'results', 'latest.json'), `${json}\n`);
  process.stdout.write(`${json}\n`);
}

async function main() {
  const i = process.argv.indexOf('--only');
  if (i >= 0) return only(process.argv[i + 1]);
  const started = Date.now();
  const result = { machine: machine() };
  log('understand');
  result.understand = await section('understand.js');
  log('inbound: botbuilder peer, kaeru memory, kaeru sqlite');
  const botbuilder = await section('inbound-botbuilder.js', ['--reps', '3']);
  const kaeruMemory = await section('inbound.js', ['--storage', 'memory', '--reps', '2']);
  const kaeruSqlite = await section('inbound.js', ['--storage', 'sqlite', '--reps', '2']);
  result.inbound = {
    kaeru_memory: kaeruMemory,
    kaeru_sqlite: kaeruSqlite,
    botbuilder,
    ratio_vs_botbuilder: {
      memory: Math.round((kaeruMemory.msgs_per_cpu_s / botbuilder.msgs_per_cpu_s) * 1000) / 1000,
      sqlite: Math.round((kaeruSqlite.msgs_per_cpu_s / botbuilder.msgs_per_cpu_s) * 1000) / 1000,
    },
  };
  log('fanout: 10,000 members / 500 rooms (CPU budget per phase), then 1,000 / 50 in full');
  const budget = process.env.BENCH_FANOUT_BUDGET_CPU_S ?? '30';
  result.fanout = await section('fanout.js', ['--members', '10000', '--rooms', '500', '--budget-cpu-s', budget]);
  result.fanout.at_1000_members = await section('fanout.js', ['--members', '1000', '--rooms', '50']);
  result.idle = await idle();
  log('memory');
  result.memory = await section('memory.js', [], ['--expose-gc']);
  result.machine.bench_wall_s = Math.round((Date.now() - started) / 1000);
  finish(result);
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
