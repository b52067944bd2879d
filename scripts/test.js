#!/usr/bin/env node
/**
 * `npm test`: builds, type-checks the tests, runs jest under TZ=UTC, runs the
 * time-sensitive suites again under TZ=Asia/Tokyo (the server's zone must never matter),
 * then prints one closing line `N passed, N failed` for CI.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function jest(label, env, args) {
  const out = join(mkdtempSync(join(tmpdir(), 'kaeru-jest-')), 'result.json');
  const status = run(label, bin('jest'), ['--json', `--outputFile=${out}`, ...args], env);
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    return { status, passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    return { status: status || 1, passed: 0, failed: 1, skipped: 0 };
  }
}

/** The language corpus eval (`npm run eval:language`): accuracy printed, any miss fails the run. */
function languageEval() {
  console.log('\n▶ language eval (scripts/eval-language.js)');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'eval-language.js')], { cwd: root, encoding: 'utf8' });
  try {
    const report = JSON.parse(result.stdout);
    const { overall, byLanguage, timing, misses } = report;
    const langs = Object.entries(byLanguage ?? {}).map(([l, r]) => `${l} ${r.correct}/${r.total}`).join(', ');
    console.log(`language: ${overall.correct}/${overall.total} correct (${(overall.accuracy * 100).toFixed(1)}%; ${langs}), median ${timing?.median_us} µs, p99 ${timing?.p99_us} µs per utterance`);
    for (const miss of misses ?? []) console.log(`  miss: ${JSON.stringify(miss)}`);
  } catch {
    process.stdout.write(result.stdout ?? '');
  }
  process.stderr.write(result.stderr ?? '');
  return result.status === 0;
}

let failedSteps = 0;
failedSteps += run('build (tsc -b)', bin('tsc'), ['-b']) ? 1 : 0;
failedSteps += run('type-check tests (tsc -p tsconfig.test.json)', bin('tsc'), ['-p', 'tsconfig.test.json']) ? 1 : 0;
if (extra.length === 0) failedSteps += languageEval() ? 0 : 1;
const runs = [jest('jest (TZ=UTC)', { TZ: 'UTC' }, extra)];
if (extra.length === 0) runs.push(jest('jest time-sensitive suites (TZ=Asia/Tokyo)', { TZ: 'Asia/Tokyo' }, ['test/conversation', 'test/language', 'packages/core']));

const passed = runs.reduce((n, r) => n + r.passed, 0);
const failed = runs.reduce((n, r) => n + r.failed, 0) + failedSteps;
const skipped = runs.reduce((n, r) => n + r.skipped, 0);
require('./untested-backends').report();
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || runs.some((r) => r.status !== 0) ? 1 : 0);
