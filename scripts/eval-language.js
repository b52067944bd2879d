#!/usr/bin/env node
'use strict';
/**
 * Language evaluation: runs the built core's understand() over the corpus
 * (test/fixtures/language/*.tsv) and prints one JSON document to stdout:
 * accuracy per category, per language and overall, every miss, and the time one
 * utterance takes (median and p99 in microseconds, after a warm-up).
 * Exits 1 when any line misses. Run with `npm run eval:language` (builds first).
 */
const path = require('node:path');
const { loadCorpus, corpusFiles, sameUnderstanding } = require('../test/language/corpus.js');

let language;
try {
  language = require('../packages/core/dist/language');
} catch (error) {
  console.error(`[kaeru] [eval-language] cannot load the built core (run \`tsc -b\` first): ${error.message}`);
  process.exit(2);
}
const { understand } = language;

const WARM_UP_ROUNDS = 20;
const TIMED_ROUNDS = 20;

const cases = corpusFiles().flatMap((file) =>
  loadCorpus(file).map((c) => ({ ...c, language: path.basename(file, '.tsv') })),
);
const ctxOf = (c) => ({ now: c.now, timeZone: c.timeZone, teiji: c.teiji });

function rate(hits, total) {
  return { total, correct: hits, accuracy: total ? Number((hits / total).toFixed(4)) : 1 };
}

function tally(key) {
  const groups = new Map();
  for (const r of results) {
    const g = groups.get(r[key]) ?? { hits: 0, total: 0 };
    g.total += 1;
    if (r.ok) g.hits += 1;
    groups.set(r[key], g);
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => [k, rate(g.hits, g.total)]));
}

const results = cases.map((c) => {
  const actual = understand(c.utterance, ctxOf(c));
  return { ...c, actual, ok: sameUnderstanding(actual, c.expected) };
});

// Timing: warm the JIT up on the whole corpus, then time each utterance one call at a
// time, several rounds. Per utterance the median of its rounds is kept (one GC pause or a
// busy machine does not make an utterance slow); median_us and p99_us are taken over
// those per-utterance figures, and p99_single_call_us over every single call, pauses included.
for (let i = 0; i < WARM_UP_ROUNDS; i++) for (const c of cases) understand(c.utterance, ctxOf(c));
const perCase = cases.map(() => []);
const allCalls = [];
for (let i = 0; i < TIMED_ROUNDS; i++) {
  cases.forEach((c, k) => {
    const ctx = ctxOf(c);
    const start = process.hrtime.bigint();
    understand(c.utterance, ctx);
    const us = Number(process.hrtime.bigint() - start) / 1000;
    perCase[k].push(us);
    allCalls.push(us);
  });
}
const byNumber = (a, b) => a - b;
const percentile = (sorted, p) => Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
const medians = perCase.map((xs) => percentile(xs.sort(byNumber), 50)).sort(byNumber);
allCalls.sort(byNumber);
const slowest = perCase
  .map((xs, k) => ({ utterance: cases[k].utterance, median_us: percentile(xs, 50) }))
  .sort((a, b) => b.median_us - a.median_us)
  .slice(0, 3);

const misses = results
  .filter((r) => !r.ok)
  .map((r) => ({ source: r.source, utterance: r.utterance, now: r.now, expected: r.expected, actual: r.actual }));
const hits = results.filter((r) => r.ok).length;

const report = {
  overall: rate(hits, results.length),
  byLanguage: tally('language'),
  byCategory: tally('category'),
  timing: {
    utterances: cases.length,
    rounds: TIMED_ROUNDS,
    median_us: percentile(medians, 50),
    p99_us: percentile(medians, 99),
    p99_single_call_us: percentile(allCalls, 99),
    slowest,
  },
  misses,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exit(misses.length ? 1 : 0);
