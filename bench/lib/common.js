'use strict';
// Shared helpers for the benchmark sections: the built packages, OS accounting, statistics,
// and the child-process protocol (a section prints ONE JSON line on stdout, last).
require('reflect-metadata');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');

const ROOT = path.resolve(__dirname, '..', '..');

/** The BUILT packages: the bench measures what users run, not ts sources under a transform. */
function core() {
  return require(path.join(ROOT, 'packages/core/dist/index.js'));
}
function typeorm() {
  return require(path.join(ROOT, 'packages/storage/typeorm/dist/index.js'));
}

/** CPU seconds (user + system) used by this process since `from` (a process.cpuUsage()). */
function cpuSince(from) {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

/** Peak resident set size of this process so far, in MB (getrusage ru_maxrss). */
function peakRssMb() {
  return round(process.resourceUsage().maxRSS / 1024, 1);
}

function rssMb() {
  return round(process.memoryUsage().rss / 1048576, 1);
}

function median(values) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
function percentile(values, p) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function round(value, digits = 3) {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A deterministic PRNG (mulberry32): every run sends the same day of messages. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh SQLite file path under the OS temp dir (removed with its WAL files by `removeDb`). */
function tempDb(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaeru-bench-'));
  return path.join(dir, `${name}.sqlite`);
}

function removeDb(file) {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

/** The section's result: one JSON line on stdout, read by run.js (or a human). */
function emit(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs `main` and emits its result; a failure is reported as JSON too, with exit code 1. */
function runSection(main) {
  main()
    .then((result) => {
      emit(result);
      // Handles left by a driver must not keep the child (and the whole bench) alive.
      setImmediate(() => process.exit(0));
    })
    .catch((error) => {
      emit({ error: String(error && error.stack ? error.stack : error) });
      process.exit(1);
    });
}

/** Command-line flags `--name value` of a section child. */
function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

module.exports = { ROOT, core, typeorm, cpuSince, peakRssMb, rssMb, median, percentile, round, prng, tempDb, removeDb, emit, runSection, flag };
