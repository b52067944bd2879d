'use strict';
// understand: µs per utterance over the language corpus (test/fixtures/language/*.tsv),
// normalizeText + understand as the engine calls them. Run: node bench/understand.js
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, core, cpuSince, median, percentile, round, runSection, flag } = require('./lib/common');

/** utterance<TAB>now<TAB>category<TAB>expected JSON[<TAB>zone[<TAB>teiji]]; `#` comments; `\n` is a line break. */
function readCorpus() {
  const dir = path.join(ROOT, 'test/fixtures/language');
  const cases = [];
  let skipped = 0;
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort() : []) {
    const locale = file.startsWith('en') ? 'en' : 'ja';
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [utterance, now, , , zone, teiji] = line.split('\t');
      const at = new Date(now);
      // The corpus is being written as this runs: a half-written line is skipped, not fatal.
      if (!utterance || Number.isNaN(at.getTime())) {
        skipped++;
        continue;
      }
      cases.push({ text: utterance.replace(/\\n/g, '\n'), ctx: { now: at, timeZone: zone || 'Asia/Tokyo', locale, teiji: teiji || '18:00' } });
    }
  }
  return { cases, skipped };
}

async function main() {
  const passes = Number(flag('passes', '20'));
  const { understand, normalizeText } = core();
  const { cases, skipped } = readCorpus();
  if (cases.length === 0) return { utterances: 0, note: 'no corpus found' };
  const once = (c) => understand(normalizeText(c.text), c.ctx);
  for (let i = 0; i < 3; i++) cases.forEach(once); // JIT warm-up
  const perCase = cases.map(() => []);
  const from = process.cpuUsage();
  for (let p = 0; p < passes; p++) {
    cases.forEach((c, i) => {
      const t0 = process.hrtime.bigint();
      once(c);
      perCase[i].push(Number(process.hrtime.bigint() - t0) / 1000);
    });
  }
  const cpu = cpuSince(from);
  // Each utterance's own median over the passes, then the spread across utterances.
  const medians = perCase.map((t) => median(t));
  const slowest = cases
    .map((c, i) => ({ text: c.text, us: round(medians[i], 1) }))
    .sort((a, b) => b.us - a.us)
    .slice(0, 5);
  return {
    utterances: cases.length,
    skipped_lines: skipped,
    passes,
    p50_us: round(median(medians), 1),
    p99_us: round(percentile(medians, 99), 1),
    max_us: round(Math.max(...medians), 1),
    utterances_per_cpu_s: round((cases.length * passes) / cpu, 0),
    slowest,
  };
}

runSection(main);
